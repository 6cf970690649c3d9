/** Bool and BinaryEquals. Bool compares "true"/"false" case-insensitively; BinaryEquals compares base64 bytes. */
import { codesToString } from "../variables";
import type { OperatorDef } from "./types";

function decodeBase64(s: string): string | null {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  try {
    return atob(t);
  } catch {
    return null;
  }
}

export const boolOperators: OperatorDef[] = [
  {
    name: "Bool",
    negated: false,
    variables: false,
    compile: (codes) => {
      const p = codesToString(codes).trim().toLowerCase();
      return (v) => v.trim().toLowerCase() === p;
    },
  },
  {
    name: "BinaryEquals",
    negated: false,
    variables: false,
    compile: (codes) => {
      const p = decodeBase64(codesToString(codes));
      if (p === null) return null;
      return (v) => decodeBase64(v) === p;
    },
  },
];
