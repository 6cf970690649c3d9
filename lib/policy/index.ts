/**
 * The IAM policy engine: pure TypeScript, no I/O (except validatePolicy, which reads the IAM action catalogue).
 * Policy documents given to evaluate() are cached by object identity: treat them as immutable.
 */
export * from "./types";
export { evaluate, evaluateMany } from "./evaluate";
export { applyingExplanations } from "./lazy-answer";
export { parsePolicy } from "./parse-policy";
export { validatePolicy } from "./validate/validate-policy";
export { wildcardMatch } from "./wildcard";
export { SESSION_NAME_KEY } from "./match/principal";
