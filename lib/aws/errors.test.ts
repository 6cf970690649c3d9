import { describe, expect, it } from "vitest";
import { scrubSecrets } from "@/lib/security/secrets";
import { classifyAwsError, unavailableReason } from "./errors";

const sdkError = (name: string, status: number, message = "") =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("classifyAwsError", () => {
  it.each([
    [sdkError("AccessDenied", 403, "User: x is not authorized"), "access-denied", "AccessDenied"],
    [sdkError("AccessDeniedException", 400), "access-denied", "AccessDeniedException"],
    [sdkError("NoSuchEntity", 404), "not-found", "NoSuchEntity"],
    [sdkError("NoSuchBucketPolicy", 404), "not-found", "NoSuchBucketPolicy"],
    [sdkError("InvalidClientTokenId", 403), "invalid-credentials", "InvalidClientTokenId"],
    [sdkError("ExpiredToken", 400), "expired-token", "ExpiredToken"],
    [sdkError("SlowDown", 503), "throttled", "SlowDown"],
    [sdkError("Throttling", 400), "throttled", "Throttling"],
    [sdkError("InternalError", 500), "server-error", "InternalError"],
  ])("maps %s to %s", (e, code, awsCode) => {
    const c = classifyAwsError(e);
    expect(c.code).toBe(code);
    expect(c.awsCode).toBe(awsCode);
  });

  it("names the missing IAM action of an AccessDenied, from the operation's own table", () => {
    const c = classifyAwsError(sdkError("AccessDenied", 403), "s3:GetBucketEncryption");
    expect(c.missingAction).toBe("s3:GetEncryptionConfiguration");
    expect(c.message).toMatch(/^AccessDenied on s3:GetEncryptionConfiguration/);
  });

  it("reads a body-less HEAD answer from its status: 403 is AccessDenied, 400 BadRequest", () => {
    expect(classifyAwsError(sdkError("Unknown", 403, "UnknownError"), "s3:HeadObject")).toMatchObject({
      code: "access-denied",
      awsCode: "AccessDenied",
      missingAction: "s3:GetObject",
    });
    expect(classifyAwsError(sdkError("Unknown", 400, "UnknownError"), "s3:HeadObject")).toMatchObject({
      code: "bad-request",
      httpStatus: 400,
    });
  });

  it("tells timeouts, connection resets, deadlines and unparseable bodies apart", () => {
    expect(
      classifyAwsError(Object.assign(new Error("socket hang up"), { name: "TimeoutError", code: "ECONNRESET" })).code,
    ).toBe("network");
    expect(classifyAwsError(Object.assign(new Error("Request timed out"), { name: "TimeoutError" })).code).toBe(
      "timeout",
    );
    expect(classifyAwsError(Object.assign(new Error("Request aborted"), { name: "AbortError" })).code).toBe("deadline");
    expect(classifyAwsError(new SyntaxError("Unexpected token < in JSON")).code).toBe("malformed-response");
  });

  it("never returns a secret, even when the error quotes one", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const c = classifyAwsError(
      sdkError("SignatureDoesNotMatch", 403, `expected ${secret} Signature=${"ab".repeat(32)}`),
      "iam:GetRole",
      [secret],
    );
    expect(JSON.stringify(c)).not.toContain(secret);
    expect(JSON.stringify(c)).not.toContain("ab".repeat(32));
    expect(scrubSecrets(`token ${"Zm9v".repeat(40)}`)).toBe("token [redacted]");
  });

  it("accepts anything thrown, not only errors", () => {
    expect(classifyAwsError("boom").code).toBe("unknown");
    expect(classifyAwsError(undefined).message).toBeTypeOf("string");
  });
});

describe("unavailableReason", () => {
  it("is short and names the IAM action", () => {
    expect(unavailableReason(classifyAwsError(sdkError("AccessDenied", 403)), "s3:GetBucketPolicy")).toBe(
      "AccessDenied on s3:GetBucketPolicy",
    );
    expect(unavailableReason(classifyAwsError(sdkError("SlowDown", 503)), "s3:ListObjectsV2")).toBe(
      "SlowDown on s3:ListBucket (still throttled after retries)",
    );
  });
});
