import type { Scenario } from "./scenario";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** An AWS error answer; each protocol renders it its own way. */
export class FakeAwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestContext {
  scenario: Scenario;
  accessKeyId: string;
  /** The request is signed with the import's own key (ground truth), not the diagnosing key. */
  importKey: boolean;
  /** Region of the SigV4 credential scope. */
  region: string;
}

export interface Routed {
  /** "iam:GetRole", "s3:GetBucketPolicy", "kms:DescribeKey", … (the names faults and `denied` use). */
  op: string;
  handle(ctx: RequestContext): Reply;
  /** Renders an error in this protocol. */
  error(e: FakeAwsError): Reply;
  /** A 200 answer whose body the SDK cannot parse. */
  malformed(): Reply;
}
