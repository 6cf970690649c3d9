/** Bool and BinaryEquals. Bool compares "true"/"false" case-insensitively; BinaryEquals compares base64 bytes. */
import { codesToString } from "../variables";
import type { OperatorDef, ValuePredicate } from "./types";

function decodeBase64(s: string): string | null {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  try {
    return atob(t);
  } catch {
    return null;
  }
}

function boolText(text: string): ValuePredicate {
  const p = text.trim().toLowerCase();
  return (v) => v.trim().toLowerCase() === p;
}

function binaryText(text: string): ValuePredicate | null {
  const p = decodeBase64(text);
  if (p === null) return null;
  return (v) => decodeBase64(v) === p;
}

export const boolOperators: OperatorDef[] = [
  {
    name: "Bool",
    negated: false,
    variables: false,
    compileText: boolText,
    compile: (codes) => boolText(codesToString(codes)),
  },
  {
    name: "BinaryEquals",
    negated: false,
    variables: false,
    compileText: binaryText,
    compile: (codes) => binaryText(codesToString(codes)),
  },
];
