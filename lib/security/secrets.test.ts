import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCESS_KEY_ID,
  ACCESS_KEY_ID_IN_TEXT,
  accessKeyIdKind,
  redactNamedSecrets,
  scrubSecrets,
  secretKindOf,
  secretKindOfName,
  secretRuns,
} from "./secrets";

// AWS's documented example secret, and token-shaped values: never real credentials.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ" + "x9Y".repeat(30);
const ROLE = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";

describe("access key IDs (not secret)", () => {
  it("tells long-term (AKIA) from temporary (ASIA) keys, and anything else from both", () => {
    expect(accessKeyIdKind("AKIAIOSFODNN7EXAMPLE")).toBe("long-term");
    expect(accessKeyIdKind("ASIAIOSFODNN7EXAMPLE")).toBe("temporary");
    expect(accessKeyIdKind("AIDAIOSFODNN7EXAMPLE")).toBeNull();
    expect(accessKeyIdKind("akiaiosfodnn7example")).toBeNull();
    expect(accessKeyIdKind("AKIAIOSFODNN7EXAMPL")).toBeNull();
  });

  it("takes what the APIs take, and finds one inside text", () => {
    expect(ACCESS_KEY_ID.test("AKIAIOSFODNN7EXAMPLE")).toBe(true);
    expect(ACCESS_KEY_ID.test("AKIA IOSFODNN7EXAMPLE")).toBe(false);
    expect(ACCESS_KEY_ID_IN_TEXT.exec("using the access key ID 'AKIAIOSFODNN7EXAMPLE' and")?.[0]).toBe(
      "AKIAIOSFODNN7EXAMPLE",
    );
  });
});

describe("secret shapes", () => {
  it("a secret access key is 40 base64 characters of both cases; a session token has a known prefix or 100+", () => {
    expect(secretKindOf(SECRET)).toBe("secret-access-key");
    expect(secretKindOf(`key "${SECRET}"`)).toBe("secret-access-key");
    expect(secretKindOf(TOKEN)).toBe("session-token");
    expect(secretKindOf("Zm9vYmFy".repeat(20))).toBe("session-token");
  });

  it("a secret that begins or ends with / is still a secret (3 in 100 real keys do)", () => {
    expect(secretKindOf("/JalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe("secret-access-key");
    expect(secretKindOf("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE/")).toBe("secret-access-key");
  });

  it("any random 40-character base64 string with both cases is recognised, alone or quoted", () => {
    const b64 = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+".split(""));
    fc.assert(
      fc.property(fc.array(b64, { minLength: 40, maxLength: 40 }), (chars) => {
        const s = chars.join("");
        fc.pre(/[A-Z]/.test(s) && /[a-z]/.test(s));
        expect(secretKindOf(s)).toBe("secret-access-key");
        expect(scrubSecrets(`secret access key: '${s}'`)).not.toContain(s);
      }),
    );
  });

  it.each([
    ROLE,
    "arn:aws:iam::123456789012:role/service-role/TiDBCloudImportRoleForProduction2024",
    EXTERNAL_ID,
    "0123456789abcdef0123456789abcdef01234567",
    "AKIAIOSFODNN7EXAMPLE",
    "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "The trust policy requires sts:ExternalId and s3:GetObject on folder/* for the role",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
  ])("does not take %s for a secret", (text) => {
    expect(secretKindOf(text)).toBeNull();
    expect(scrubSecrets(text)).toBe(text);
  });

  it("a 40-character run glued to an ARN is part of it when refusing, but scrubbed when writing a log", () => {
    const arn = "arn:aws:iam::111122223333:role/TiDBCloudImportRoleForProduction202";
    expect(secretRuns(arn)).toEqual([expect.objectContaining({ kind: "secret-access-key", glued: true })]);
    expect(secretKindOf(arn)).toBeNull();
    expect(scrubSecrets(arn)).toContain("[redacted]");
  });

  it("names like secretAccessKey, aws_session_token or SecurityToken are secrets' names", () => {
    expect(secretKindOfName("secretAccessKey")).toBe("secret-access-key");
    expect(secretKindOfName("AWS_SECRET_ACCESS_KEY")).toBe("secret-access-key");
    expect(secretKindOfName("aws_session_token")).toBe("session-token");
    expect(secretKindOfName("SecurityToken")).toBe("session-token");
    expect(secretKindOfName("accessKeyId")).toBeNull();
  });
});

describe("scrubbing text", () => {
  it("removes the secret TiDB Cloud's access-key message echoes, in English and Japanese, whatever its shape", () => {
    const en = `Access denied to the source 's3://b/f/' using the access key ID 'AKIAIOSFODNN7EXAMPLE' and the secret access key 'short+cut'`;
    expect(scrubSecrets(en)).toBe(en.replace("short+cut", "[redacted]"));
    const ja = `アクセスキーID 'AKIAIOSFODNN7EXAMPLE'およびシークレットアクセスキー'${SECRET}'を使用してソース's3://b/f/'に対するアクセスが拒否されました`;
    expect(scrubSecrets(ja)).toBe(ja.replace(SECRET, "[redacted]"));
    expect(redactNamedSecrets("シークレットアクセスキー「abc」")).toBe("シークレットアクセスキー「[redacted]」");
  });

  it("removes values after the names the AWS CLI and the SDKs use", () => {
    expect(scrubSecrets("aws_secret_access_key = abc\naws_session_token=xyz")).toBe(
      "aws_secret_access_key = [redacted]\naws_session_token=[redacted]",
    );
    expect(scrubSecrets(`{"SecretAccessKey": "abc", "AccessKeyId": "AKIAIOSFODNN7EXAMPLE"}`)).toBe(
      `{"SecretAccessKey": "[redacted]", "AccessKeyId": "AKIAIOSFODNN7EXAMPLE"}`,
    );
  });

  it("removes given secrets, tokens and SigV4 signature material, and keeps ARNs, ids and External IDs", () => {
    const text = `expected ${SECRET} Signature=${"ab".repeat(32)}&X-Amz-Security-Token=abc%2F ${TOKEN} ${ROLE} ${EXTERNAL_ID} pw12345678`;
    const out = scrubSecrets(text, ["pw12345678"]);
    for (const s of [SECRET, "abab", "abc%2F", TOKEN.slice(0, 20), "pw12345678"]) expect(out).not.toContain(s);
    expect(out).toContain(ROLE);
    expect(out).toContain(EXTERNAL_ID);
  });
});
