/** IpAddress / NotIpAddress: IPv4 and IPv6 addresses and CIDR ranges. */
import { codesToString } from "../variables";
import type { OperatorDef, ValuePredicate } from "./types";
import { countLookup } from "../cache-stats";

const parsed = new Map<string, Uint8Array | null>();

/** parseIp with a bounded cache (context values repeat across statements and questions). */
function parseIpCached(s: string): Uint8Array | null {
  let r = parsed.get(s);
  countLookup("ipAddresses", r !== undefined);
  if (r === undefined) {
    r = parseIp(s);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(s, r);
  }
  return r;
}

/** Bytes of an IPv4 (4) or IPv6 (16) address; null when the text is not an address. */
export function parseIp(s: string): Uint8Array | null {
  const t = s.trim();
  if (t.includes(":")) return parseIpv6(t);
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (!m) return null;
  const b = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const n = Number(m[i + 1]);
    if (n > 255) return null;
    b[i] = n;
  }
  return b;
}

function parseIpv6(t: string): Uint8Array | null {
  let s = t;
  const out = new Uint8Array(16);
  // An embedded IPv4 tail (::ffff:1.2.3.4).
  const v4 = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  let tail: Uint8Array | null = null;
  if (v4) {
    tail = parseIp(v4[1]);
    if (!tail) return null;
    s = s.slice(0, -v4[1].length) + "0:0";
  }
  const dbl = s.split("::");
  if (dbl.length > 2) return null;
  const head = dbl[0] ? dbl[0].split(":") : [];
  const rest = dbl.length === 2 ? (dbl[1] ? dbl[1].split(":") : []) : [];
  if (dbl.length === 1 && head.length !== 8) return null;
  if (dbl.length === 2 && head.length + rest.length > 7) return null;
  const groups = [...head, ...new Array(8 - head.length - rest.length).fill("0"), ...rest];
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(groups[i])) return null;
    const n = parseInt(groups[i], 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 255;
  }
  if (tail) out.set(tail, 12);
  return out;
}

/**
 * An IPv4 address as an unsigned 32-bit number, or -1: four decimal parts of one to three digits, each at most 255
 * (as parseIp). No allocation: the request's source IP is read once per condition value.
 */
function ipv4(s: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return -1;
    } else if (c === 46 && digits > 0 && part <= 255 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  return dots === 3 && digits > 0 && part <= 255 ? value * 256 + part : -1;
}

/** Compiles "a.b.c.d/nn" or an IPv6 CIDR into a test; a bare address means /32 or /128. */
export function compileCidr(text: string): ValuePredicate | null {
  const t = text.trim();
  const slash = t.indexOf("/");
  if (slash >= 0 && t.includes("/", slash + 1)) return null;
  const addr = (slash < 0 ? t : t.slice(0, slash)).trim();
  const bits = slash < 0 ? undefined : t.slice(slash + 1);
  const v4 = ipv4(addr);
  const max = v4 >= 0 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  if (prefix < 0) return null;
  if (v4 >= 0) {
    if (prefix > 32) return null;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const net = (v4 & mask) >>> 0;
    return (v) => {
      const ip = ipv4(v.trim());
      return ip >= 0 && (ip & mask) >>> 0 === net;
    };
  }
  const net = parseIp(addr);
  if (!net || prefix > net.length * 8) return null;
  return (v) => {
    const ip = parseIpCached(v);
    if (!ip || ip.length !== net.length) return false;
    let left = prefix;
    for (let i = 0; left > 0; i++, left -= 8) {
      const mask = left >= 8 ? 255 : (0xff << (8 - left)) & 255;
      if ((ip[i] & mask) !== (net[i] & mask)) return false;
    }
    return true;
  };
}

const CIDR = { compileText: compileCidr, compile: (c: number[]) => compileCidr(codesToString(c)) };

export const ipOperators: OperatorDef[] = [
  { name: "IpAddress", negated: false, variables: false, ...CIDR },
  { name: "NotIpAddress", negated: true, variables: false, ...CIDR },
];
