import type { CheckId } from "@/lib/checks/ids";
import type { StepId } from "@/lib/report/types";

export type TriageKind =
  | "tidb-assume-role"
  | "tidb-access-key"
  | "sts-assume-role-denied"
  | "s3-access-denied"
  | "kms-access-denied"
  | "kms-key-state"
  | "block-public-access"
  | "archived-object"
  | "invalid-access-key"
  | "signature-mismatch"
  | "bucket-region"
  | "generic-access-denied";

export type PolicyType = "identity" | "resource" | "scp" | "rcp" | "vpc-endpoint" | "permissions-boundary" | "session";

export interface Triage {
  kind: TriageKind;
  /** The wizard step to open when the analysis does not point to a more precise one (see stepForFindings). */
  step: StepId;
  /**
   * The checks that can explain this message, the most likely first; the wizard opens the step of the first one
   * that fails (then warns). Absent: any check can (a bare "Access Denied" says nothing more).
   */
  checks?: CheckId[];
  /** The language the message was written in, when it is TiDB Cloud's own text. */
  language?: "en" | "ja";
  roleArn?: string;
  bucketUri?: string;
  accessKeyId?: string;
  /** The principal named by an AWS message ("User: …"). */
  principal?: string;
  action?: string;
  resource?: string;
  policyType?: PolicyType;
  /** true for "with an explicit deny in …", false for "because no … policy allows …". */
  explicit?: boolean;
}
