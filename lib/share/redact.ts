/**
 * Redaction of a report before it is shared. Pure (runs in the browser for the preview and in the CLI).
 *
 * Replaced, with placeholders that keep the report readable and ARNs valid-looking, the same input always giving
 * the same placeholder everywhere in the report (keys and values, policies, details, error message):
 * - AWS account ids (12 digits, also inside ARNs) → 111111111111, 222222222222, …; the TiDB Cloud account id stays;
 * - bucket names (in s3:// URIs, S3 ARNs and plain text) → example-bucket-1, …;
 * - object keys and folders after the bucket (in URIs and ARNs, and plain-text paths that start with a known
 *   folder) → folder-1/object-2.csv, keeping `*`/`?` wildcards and the file extension; key prefixes of `s3:prefix`
 *   conditions, also without a slash ("mydata" → folder-1): as a whole value, or quoted in prose;
 * - KMS key ids (UUIDs, `mrk-…`) and customer aliases → 11111111-2222-3333-4444-aaaaaaaaaaa1, alias/key-1;
 * - access key ids and unique ids (AKIA…, ASIA…, AIDA…, AROA…) → AKIAEXAMPLE000000001 (prefix kept);
 * - External IDs (the target's and every `sts:ExternalId` condition value) → external-id-1, or for a TiDB Cloud
 *   shaped one 696e6672612d617069 + a numbered suffix, so that "looks like a TiDB Cloud External ID" stays true.
 * Text is scanned once, left to right, so a placeholder is never redacted again.
 *
 * What is recognised, and where a path ends: redact-patterns.ts.
 */
import type { Report } from "@/lib/report/types";
import {
  ACCESS_KEY,
  ACCOUNT,
  ALIAS,
  BUCKET_CHARS,
  escapeRe,
  MRK,
  Numbering,
  PATH_CHARS,
  PATH_END,
  PROSE_PATH_CHARS,
  S3_ARN,
  S3_URI,
  TIDB_EXTERNAL_ID,
  UUID,
  WHOLE_S3,
} from "./redact-patterns";

type RedactionKind = "account-id" | "bucket" | "object-key" | "kms-key" | "access-key-id" | "external-id";

export interface Replacement {
  kind: RedactionKind;
  original: string;
  placeholder: string;
}

export interface RedactionOptions {
  /** Account ids that stay as they are (the TiDB Cloud account id of the target is always kept). */
  keepAccountIds?: string[];
}

class Redactor {
  private readonly keep: Set<string>;
  private readonly externalIds = new Map<string, string>(); // lower-cased original → placeholder
  private readonly externalSeen = new Map<string, string>(); // exact original → placeholder
  private readonly buckets = new Set<string>();
  private readonly folders = new Set<string>(); // first path segment + "/"
  private readonly wholePaths = new Set<string>(); // paths (without the leading "/") known as a whole
  private readonly prefixes = new Set<string>(); // s3:prefix values: their last segment is a folder, not a file
  private readonly barePrefixes = new Set<string>(); // those without a "/": matched only whole or quoted
  private readonly accountsN: Numbering;
  private readonly bucketsN = new Numbering((n) => `example-bucket-${n}`);
  private readonly foldersN = new Numbering((n) => `folder-${n}`);
  private readonly objectsN = new Numbering((n) => `object-${n}`);
  private readonly paths = new Map<string, string>();
  private readonly uuidN = new Numbering((n) => `11111111-2222-3333-4444-${n.toString(16).padStart(12, "a")}`);
  private readonly mrkN = new Numbering((n) => `mrk-${n.toString(16).padStart(32, "a")}`);
  private readonly aliasN = new Numbering((n) => `alias/key-${n}`);
  private readonly accessKeys = new Map<string, string>();
  private accessKeyCount = 0;
  private scanner: RegExp | null = null;

  constructor(
    keep: string[],
    private readonly originalText: string,
  ) {
    this.keep = new Set(keep);
    this.accountsN = new Numbering((n) => this.accountPlaceholder(n));
  }

  private accountPlaceholder(n: number): string {
    // 111111111111 … 999999999999, then 100000000010 …; never one that occurs in the report or is kept.
    for (let i = n; ; i += 1000) {
      const p = i <= 9 ? String(i).repeat(12) : String(100000000000 + i);
      if (!this.originalText.includes(p) && !this.keep.has(p)) return p;
    }
  }

  /** Pass 1: learn the bucket names, folders and External IDs, so that plain-text mentions are found too. */
  collect(value: unknown, key?: string): void {
    if (typeof value === "string") {
      if (key && /^sts:externalid$/i.test(key)) this.addExternalId(value);
      if (key && /^s3:prefix$/i.test(key)) this.addPrefix(value);
      const whole = WHOLE_S3.exec(value.trim());
      if (whole) {
        this.addBucketPath(whole[1], whole[2], true);
        return;
      }
      for (const re of [S3_URI, S3_ARN]) {
        for (const m of value.matchAll(re)) this.addBucketPath(m[1], m[2]);
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) this.collect(v, key);
      return;
    }
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        this.collect(k);
        this.collect(v, k);
      }
    }
  }

  addExternalId(raw: string): void {
    const id = raw.trim();
    if (id.length < 2 || this.externalSeen.has(id)) return;
    const lower = id.toLowerCase();
    let base = this.externalIds.get(lower);
    if (!base) {
      const n = this.externalIds.size + 1;
      base = TIDB_EXTERNAL_ID.test(id) ? `696e6672612d617069${n.toString(16).padStart(32, "0")}` : `external-id-${n}`;
      this.externalIds.set(lower, base);
    }
    // An id that differs only in case keeps that difference visible.
    const placeholder = id !== lower && id === id.toUpperCase() ? base.toUpperCase() : base;
    this.externalSeen.set(id, placeholder);
    this.scanner = null;
  }

  /**
   * A key prefix of an `s3:prefix` condition: a path known as a whole. One without a "/" ("mydata") is a plain word
   * that prose may use otherwise ("import"), so it is replaced only as a whole value, between quotes or as a YAML
   * value (CloudFormation snippets).
   */
  addPrefix(raw: string): void {
    const v = raw.trim().replace(/^\/+/, "");
    if (!v || /^[*?/]*$/.test(v) || /\s/.test(v)) return;
    this.prefixes.add(v);
    if (v.includes("/")) {
      this.wholePaths.add(v);
      const first = v.split("/")[0];
      if (first && !/[*?]/.test(first)) this.folders.add(`${first}/`);
    } else this.barePrefixes.add(v);
    this.scanner = null;
  }

  addBucketUri(uri: string | null | undefined): void {
    if (!uri) return;
    const whole = WHOLE_S3.exec(uri.trim());
    if (whole) this.addBucketPath(whole[1], whole[2], true);
    else for (const m of uri.matchAll(S3_URI)) this.addBucketPath(m[1], m[2]);
  }

  /** Pass 2: a string that is, as a whole, a key under a known folder (a listed object) is a path known as a whole. */
  collectKeys(value: unknown): void {
    if (typeof value === "string") {
      const v = value.trim();
      if (!/\s/.test(v) && [...this.folders].some((f) => v.startsWith(f) && v.length > f.length)) {
        this.wholePaths.add(v);
        this.scanner = null;
      }
      return;
    }
    if (Array.isArray(value)) for (const v of value) this.collectKeys(v);
    else if (value && typeof value === "object") for (const v of Object.values(value)) this.collectKeys(v);
  }

  private addBucketPath(bucket: string, path: string | undefined, whole = false): void {
    this.buckets.add(bucket);
    const first = path?.slice(1).split("/")[0];
    if (path && first && path.length > first.length + 1 && !/[*?]/.test(first)) this.folders.add(`${first}/`);
    if (whole && path && path.length > 1) this.wholePaths.add(path.slice(1));
    this.scanner = null;
  }

  private buildScanner(): RegExp {
    const alt = (items: Iterable<string>) =>
      [...items]
        .sort((a, b) => b.length - a.length)
        .map(escapeRe)
        .join("|") || "(?!)";
    const parts = [
      `(?<ext>${alt(this.externalSeen.keys())})`,
      `(?<ak>${ACCESS_KEY})`,
      `(?<uuid>${UUID})`,
      `(?<mrk>${MRK})`,
      `(?<alias>${ALIAS})`,
      // Paths known as a whole first, complete (they may hold Japanese); then paths as prose writes them.
      `(?<knownuri>(?:s3://|arn:aws[a-z-]*:s3:::)(?:${alt(this.buckets)})/(?:${alt(this.wholePaths)})${PATH_END})`,
      `(?<knownpath>(?<![\\w./:-])(?:${alt(this.wholePaths)})${PATH_END})`,
      // Quoted (JSON, HCL, prose), or a YAML value: a list item ("- mydata") or a key's ("s3:prefix: mydata").
      `(?<bareprefix>(?<=^|["'“‘「]|(?:^|\\n)[ \\t]*(?:-|[\\w:-]+:)[ \\t]+)(?:${alt(this.barePrefixes)})(?=$|["'”’」]|[ \\t]*\\r?\\n))`,
      `(?<uri>${S3_URI.source})`,
      `(?<arn>${S3_ARN.source})`,
      `(?<barepath>(?<![\\w./:-])(?:${alt(this.folders)})${PROSE_PATH_CHARS})`,
      `(?<barebucket>(?<![A-Za-z0-9-])(?:${alt(this.buckets)})(?![A-Za-z0-9-]))`,
      `(?<acct>${ACCOUNT})`,
    ];
    return new RegExp(parts.join("|"), "g");
  }

  redactPath(path: string): string {
    const known = this.paths.get(path);
    if (known !== undefined) return known;
    const segments = path.split("/");
    const out = segments.map((seg, i) => {
      if (/^[*?.]*$/.test(seg)) return seg;
      const isFile = i === segments.length - 1 && !this.prefixes.has(path);
      const ext = isFile ? (seg.match(/(\.[A-Za-z0-9]{1,8})+$/)?.[0] ?? "") : "";
      const stem = ext ? seg.slice(0, -ext.length) : seg;
      const numbering = isFile ? this.objectsN : this.foldersN;
      const redactedStem = stem.replace(/[^*?]+/g, (piece) => numbering.get(piece));
      return redactedStem + ext;
    });
    const result = out.join("/");
    this.paths.set(path, result);
    return result;
  }

  private accessKey(id: string): string {
    let p = this.accessKeys.get(id);
    if (!p) {
      this.accessKeyCount += 1;
      p = `${id.slice(0, 4)}EXAMPLE${String(this.accessKeyCount).padStart(9, "0")}`;
      this.accessKeys.set(id, p);
    }
    return p;
  }

  redactString(text: string): string {
    this.scanner ??= this.buildScanner();
    return text.replace(this.scanner, (whole: string, ...rest: unknown[]) => {
      const groups = rest[rest.length - 1] as Record<string, string | undefined>;
      // A path at the end of a sentence: the full stop or colon is not part of it.
      const isPath = groups.uri !== undefined || groups.arn !== undefined || groups.barepath !== undefined;
      if (groups.knownuri !== undefined || groups.knownpath !== undefined || groups.bareprefix !== undefined)
        return this.replaceOne(whole, groups);
      const tail = isPath ? (/[.:!]+$/.exec(whole)?.[0] ?? "") : "";
      const match = tail ? whole.slice(0, -tail.length) : whole;
      return this.replaceOne(match, groups) + tail;
    });
  }

  private replaceOne(match: string, groups: Record<string, string | undefined>): string {
    {
      if (groups.ext !== undefined) return this.externalSeen.get(match) ?? match;
      if (groups.ak !== undefined) return this.accessKey(match);
      if (groups.uuid !== undefined) return this.uuidN.get(match.toLowerCase());
      if (groups.mrk !== undefined) return this.mrkN.get(match.toLowerCase());
      if (groups.alias !== undefined) return this.aliasN.get(match);
      if (groups.uri !== undefined || groups.arn !== undefined || groups.knownuri !== undefined) {
        const m = new RegExp(`^(s3://|arn:aws[a-z-]*:s3:::)(${BUCKET_CHARS})(/${PATH_CHARS})?$`).exec(match);
        if (!m) return match;
        return m[1] + this.bucketsN.get(m[2]) + (m[3] ? "/" + this.redactPath(m[3].slice(1)) : "");
      }
      if (groups.barepath !== undefined || groups.knownpath !== undefined || groups.bareprefix !== undefined)
        return this.redactPath(match);
      if (groups.barebucket !== undefined) return this.bucketsN.get(match);
      if (groups.acct !== undefined) return this.keep.has(match) ? match : this.accountsN.get(match);
      return match;
    }
  }

  redact(value: unknown): unknown {
    if (typeof value === "string") return this.redactString(value);
    if (Array.isArray(value)) return value.map((v) => this.redact(v));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.redactString(k), this.redact(v)]));
    }
    return value;
  }

  replacements(): Replacement[] {
    const list: Replacement[] = [];
    const push = (kind: RedactionKind, entries: Iterable<[string, string]>) => {
      for (const [original, placeholder] of entries) list.push({ kind, original, placeholder });
    };
    push("account-id", this.accountsN.entries());
    push("bucket", this.bucketsN.entries());
    push(
      "object-key",
      [...this.paths.entries()].filter(([a, b]) => a !== b),
    );
    push("kms-key", [...this.uuidN.entries(), ...this.mrkN.entries(), ...this.aliasN.entries()]);
    push("access-key-id", this.accessKeys.entries());
    push("external-id", this.externalSeen.entries());
    return list;
  }
}

/** Redacts any JSON document (keys and values). */
export function redactDocument<T>(
  doc: T,
  options: RedactionOptions & {
    externalIds?: (string | null | undefined)[];
    bucketUris?: (string | null | undefined)[];
  } = {},
): {
  value: T;
  replacements: Replacement[];
} {
  const r = new Redactor(options.keepAccountIds ?? [], JSON.stringify(doc) ?? "");
  for (const id of options.externalIds ?? []) if (id) r.addExternalId(id);
  for (const uri of options.bucketUris ?? []) r.addBucketUri(uri);
  r.collect(doc);
  r.collectKeys(doc);
  const value = r.redact(doc) as T;
  return { value, replacements: r.replacements() };
}

/** Redacts a report: see the file comment for what is replaced. The TiDB Cloud account id of the target stays. */
export function redactReport(
  report: Report,
  options: RedactionOptions = {},
): { report: Report; replacements: Replacement[] } {
  const keep = [...(options.keepAccountIds ?? [])];
  if (report.target.tidbAccountId) keep.push(report.target.tidbAccountId);
  const { value, replacements } = redactDocument(report, {
    keepAccountIds: keep,
    externalIds: [report.target.externalId],
    bucketUris: [report.target.bucketUri],
  });
  return { report: value, replacements };
}
