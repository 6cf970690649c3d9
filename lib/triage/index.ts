export { triageErrorMessage, redactErrorMessage } from "./triage-error-message";
export type { Triage, TriageKind, PolicyType } from "./triage-error-message";
