import { describe, expect, it } from "vitest";
import type { LiveCredentials } from "./form-types";
import { credentialProblems } from "./validate-access-key";

describe("the diagnosing credentials", () => {
  const ok: LiveCredentials = {
    accessKeyId: "ASIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    sessionToken: "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ",
  };
  const creds = (patch: Partial<LiveCredentials>) => credentialProblems({ ...ok, ...patch });

  it("has no problem when complete", () => {
    expect(credentialProblems(ok)).toEqual({});
    expect(creds({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", sessionToken: "" })).toEqual({});
  });

  it("catches a credential in the wrong box without ever suggesting a secret's value", () => {
    expect(creds({ accessKeyId: ok.secretAccessKey }).accessKeyId?.code).toBe("credentials.key-is-secret");
    expect(creds({ secretAccessKey: "ASIAIOSFODNN7EXAMPLE" }).secretAccessKey?.code).toBe(
      "credentials.secret-is-key-id",
    );
    const spaced = creds({ secretAccessKey: "wJalrXUtnFEMI/K7MDENG /bPxRfiCYEXAMPLEKEY" }).secretAccessKey;
    expect(spaced).toMatchObject({ code: "spaces", hidden: true, blocks: "live" });
  });

  it("says a secret is too short, or not 40 characters, and a temporary key needs its token", () => {
    expect(creds({ secretAccessKey: "short" }).secretAccessKey).toMatchObject({ blocks: "live", params: { count: 5 } });
    expect(creds({ secretAccessKey: "x".repeat(38) + "Y" }).secretAccessKey?.code).toBe("credentials.secret-not-40");
    expect(creds({ secretAccessKey: "Ab".repeat(21) }).secretAccessKey).toMatchObject({ level: "note" });
    expect(creds({ sessionToken: "" }).sessionToken).toMatchObject({
      code: "credentials.token-required",
      blocks: "live",
    });
    expect(creds({ accessKeyId: "AKIAIOSFODNN7EXAMPLE" }).sessionToken?.code).toBe("credentials.token-long-term");
  });
});
