import "server-only";
import { actionFor, type OperationName } from "@/lib/reads/operations";
import { scrubSecrets } from "@/lib/security/secrets";

export type AwsErrorCode =
  | "access-denied"
  | "not-found"
  | "invalid-credentials"
  | "expired-token"
  | "throttled"
  | "server-error"
  | "timeout"
  | "network"
  | "malformed-response"
  | "deadline"
  | "bad-request"
  | "unknown";

export interface ClassifiedAwsError {
  code: AwsErrorCode;
  /** The AWS error code as AWS sent it (e.g. "AccessDenied", "NoSuchBucketPolicy"). */
  awsCode?: string;
  httpStatus?: number;
  /** A short, credential-free message. */
  message: string;
  /** The IAM action the diagnosing credentials lack, when the error is an AccessDenied on a known operation. */
  missingAction?: string;
}

const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "Forbidden",
  "UnauthorizedOperation",
  "AllAccessDisabled",
]);
const NOT_FOUND = new Set([
  "NoSuchEntity",
  "NoSuchBucket",
  "NotFound",
  "NotFoundException",
  "NoSuchKey",
  "NoSuchBucketPolicy",
  "OwnershipControlsNotFoundError",
  "ServerSideEncryptionConfigurationNotFoundError",
]);
const INVALID_CREDENTIALS = new Set([
  "InvalidClientTokenId",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "UnrecognizedClientException",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "InvalidToken",
  "CredentialsProviderError",
]);
const EXPIRED = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired"]);
const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottled",
  "SlowDown",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
  cause?: unknown;
}

/**
 * The only place that inspects AWS SDK errors: maps any thrown value to a small, serialisable, credential-free shape.
 * `op` (the operation that failed) lets an AccessDenied name the missing IAM action.
 */
export function classifyAwsError(
  e: unknown,
  op?: OperationName,
  secrets: readonly (string | undefined | null)[] = [],
): ClassifiedAwsError {
  const err = (typeof e === "object" && e !== null ? e : { message: String(e) }) as SdkErrorLike;
  const name = typeof err.name === "string" ? err.name : undefined;
  const sysCode = typeof err.code === "string" ? err.code : undefined;
  const httpStatus = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
  const rawMessage = typeof err.message === "string" ? err.message : "";
  // A HEAD answer has no body: the SDK names it "Unknown"/"NotFound"/"Forbidden" from the status alone.
  const statusCode =
    httpStatus === 403
      ? "AccessDenied"
      : httpStatus === 404
        ? "NotFound"
        : httpStatus === 400
          ? "BadRequest"
          : undefined;
  const named =
    typeof err.Code === "string"
      ? err.Code
      : name && name !== "Error" && name !== "Unknown" && name !== "UnknownError"
        ? name
        : undefined;
  const awsCode = named === "Forbidden" ? "AccessDenied" : (named ?? statusCode);
  const action = op ? (actionFor(op) ?? undefined) : undefined;

  let code: AwsErrorCode;
  if (name === "AbortError" || (/aborted/i.test(rawMessage) && name !== "TimeoutError")) code = "deadline";
  else if (sysCode && sysCode !== "ETIMEDOUT" && NETWORK_CODES.has(sysCode)) code = "network";
  else if (
    name === "TimeoutError" ||
    sysCode === "ETIMEDOUT" ||
    (/timed? ?out/i.test(rawMessage) && !awsCode?.startsWith("Request"))
  )
    code = "timeout";
  else if (awsCode && ACCESS_DENIED.has(awsCode)) code = "access-denied";
  else if (awsCode && EXPIRED.has(awsCode)) code = "expired-token";
  else if (awsCode && INVALID_CREDENTIALS.has(awsCode)) code = "invalid-credentials";
  else if (awsCode && THROTTLED.has(awsCode)) code = "throttled";
  else if (awsCode && NOT_FOUND.has(awsCode)) code = "not-found";
  else if (sysCode && NETWORK_CODES.has(sysCode)) code = "network";
  else if (/socket hang up|ECONNRESET|ECONNREFUSED|EPIPE/i.test(rawMessage)) code = "network";
  else if (httpStatus === 403) code = "access-denied";
  else if (httpStatus === 404) code = "not-found";
  else if (httpStatus === 429 || httpStatus === 503) code = "throttled";
  else if (httpStatus !== undefined && httpStatus >= 500) code = "server-error";
  else if (/deserializ|parse|unexpected token|xml|json|char|non-whitespace/i.test(rawMessage) || name === "SyntaxError")
    code = "malformed-response";
  else if (httpStatus === 400) code = "bad-request";
  else code = "unknown";

  const shownCode =
    code === "timeout"
      ? "Timeout"
      : code === "deadline"
        ? "Deadline"
        : code === "network"
          ? (sysCode ?? "ConnectionError")
          : code === "malformed-response"
            ? "MalformedResponse"
            : (awsCode ?? (httpStatus ? `HTTP ${httpStatus}` : "Error"));
  const detail = scrubSecrets(rawMessage, secrets).slice(0, 300);
  const message = `${shownCode}${action ? ` on ${action}` : op ? ` on ${op}` : ""}${detail && detail !== shownCode ? `: ${detail}` : ""}`;
  return {
    code,
    ...(awsCode && code !== "timeout" && code !== "deadline" && code !== "network" && code !== "malformed-response"
      ? { awsCode }
      : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    message,
    ...(code === "access-denied" && action ? { missingAction: action } : {}),
  };
}

/** The short reason stored in a snapshot's `unavailable`, e.g. "AccessDenied on s3:GetBucketPolicy". */
export function unavailableReason(c: ClassifiedAwsError, op: OperationName): string {
  const action = actionFor(op) ?? op;
  switch (c.code) {
    case "timeout":
      return `Timeout on ${action} (no answer in time)`;
    case "deadline":
      return `Deadline reached before ${action} answered`;
    case "network":
      return `Connection error on ${action}`;
    case "malformed-response":
      return `Malformed response to ${action}`;
    case "throttled":
      return `${c.awsCode ?? "Throttling"} on ${action} (still throttled after retries)`;
    case "server-error":
      return `${c.awsCode ?? `HTTP ${c.httpStatus}`} on ${action} (AWS server error after retries)`;
    default:
      return `${c.awsCode ?? (c.httpStatus ? `HTTP ${c.httpStatus}` : "Error")} on ${action}`;
  }
}
