export { triageErrorMessage, redactErrorMessage } from "./triage-error-message";
export { stepForFindings } from "./step-for-findings";
export type { Triage, TriageKind, PolicyType } from "./types";
