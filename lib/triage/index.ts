export { triageErrorMessage } from "./triage-error-message";
export { stepForFindings } from "./step-for-findings";
export type { TriageKind, PolicyType } from "./types";
