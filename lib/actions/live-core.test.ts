/**
 * Live mode end to end below the browser: the fake AWS endpoint serves a scenario, the collector reads it with
 * canary credentials, the checks analyse it. Proves the result, the errors and the logs never hold a credential.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeAws, type FakeAws } from "@/tests/fake-aws/server";
import { runLiveDiagnosis } from "./live-core";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0001";
const TOKEN = "FwoGZXIvYXdzEPCANARYSESSIONTOKEN0000000000000000000000000000000000000000000000000000000000000000001";
const target = {
  mode: "role" as const,
  bucketUri: "s3://tidb-cloud-source-data/mydata/",
  roleArn: "arn:aws:iam::111122223333:role/tidb-import",
  externalId: "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
  tidbAccountId: "380838443567",
  region: "ap-northeast-1",
};

let fake: FakeAws;
const written: string[] = [];
beforeAll(async () => {
  fake = await startFakeAws({});
  vi.stubEnv("AWS_ENDPOINT_URL", fake.url);
  vi.stubEnv("AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED", "true");
  for (const stream of [process.stdout, process.stderr]) {
    const orig = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (orig as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await fake.stop();
});
afterEach(() => {
  expect(written.join("")).not.toContain(SECRET);
  expect(written.join("")).not.toContain(TOKEN);
});

const creds = (accessKeyId: string) => ({ accessKeyId, secretAccessKey: SECRET, sessionToken: TOKEN });

describe("runLiveDiagnosis", () => {
  it("finds the wrong External ID and returns the corrected trust policy, with no credential in the result", async () => {
    const r = await runLiveDiagnosis({ target, credentials: creds("AKIAFAKEROLEEXTID001"), locale: "en" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.data.report.findings.find((x) => x.id === "role.trust.external-id");
    expect(f?.status).toBe("fail");
    expect(JSON.stringify(f?.fix?.after)).toContain(target.externalId);
    const json = JSON.stringify(r);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(TOKEN);
  });

  it("asks AWS's policy simulator too and shows its verdict beside the analysis (aws.simulation)", async () => {
    const agree = await runLiveDiagnosis({ target, credentials: creds("AKIAFAKEROLESIMOK001"), locale: "en" });
    const disagree = await runLiveDiagnosis({ target, credentials: creds("AKIAFAKEROLESIMNO001"), locale: "en" });
    const sim = (r: typeof agree) => (r.ok ? r.data.report.findings.find((x) => x.id === "aws.simulation") : undefined);
    expect(sim(agree)?.status).toBe("pass");
    expect(sim(disagree)?.status).toBe("warn");
    // Without iam:SimulatePrincipalPolicy the check says so, and the rest of the run is unaffected.
    const denied = await runLiveDiagnosis({ target, credentials: creds("AKIAFAKEROLEEXTID001"), locale: "en" });
    expect(sim(denied)?.status).toBe("unknown");
    expect(sim(denied)?.unavailable).toContain("iam:SimulatePrincipalPolicy");
  });

  it("says the credentials were not accepted (and how to fix it) when AWS rejects the key", async () => {
    const r = await runLiveDiagnosis({ target, credentials: creds("AKIAUNKNOWNKEY000001"), locale: "en" });
    expect(r).toMatchObject({ ok: false, error: { code: "aws.invalid-credentials" } });
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("names the field of invalid input without echoing the secret", async () => {
    const r = await runLiveDiagnosis({
      target: { ...target, roleArn: "arn:aws:iam::111122223333:user/x" },
      credentials: creds("AKIAFAKEROLEOK000001"),
      locale: "en",
    });
    expect(r).toMatchObject({ ok: false, error: { code: "input.invalid", field: "target.roleArn" } });
    const missing = await runLiveDiagnosis({
      target,
      credentials: { accessKeyId: "AKIAFAKEROLEOK000001", secretAccessKey: "" },
      locale: "en",
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: "input.invalid", field: "credentials.secretAccessKey" },
    });
    expect(JSON.stringify([r, missing])).not.toContain(SECRET);
  });

  it("re-checks one step: only that step's findings come back, merged over the earlier snapshot", async () => {
    const first = await runLiveDiagnosis({ target, credentials: creds("AKIAFAKEROLESLASH001"), locale: "en" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = await runLiveDiagnosis({
      target,
      credentials: creds("AKIAFAKEROLESLASH001"),
      locale: "ja",
      only: ["assume-role"],
      base: first.data.snapshot,
    });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(new Set(again.data.report.findings.map((f) => f.step))).toEqual(new Set(["assume-role"]));
    expect(again.data.snapshot.bucket).toEqual(first.data.snapshot.bucket);
  });
});
