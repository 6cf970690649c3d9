import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/snapshot/schema";
import { EXAMPLES } from "./examples";
import { EMPTY_START, type LiveCredentials } from "./form-types";
import { failureValidation, prepareJob, snapshotPasteError } from "./prepare-job";
import { INITIAL_STATE, type WizardState } from "./wizard-state";

const t = (k: string) => `<${k}>`;
const CREDS: LiveCredentials = {
  accessKeyId: "ASIAEXAMPLEEXAMPLE01",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0042",
  sessionToken: "IQoJb3JpZ2luX2VjECANARYTOKEN",
};
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const live: WizardState = {
  ...INITIAL_STATE,
  start: { ...EMPTY_START, bucketUri: "s3://tidb-cloud-source-data/mydata/", roleArn: ROLE_ARN },
  creds: CREDS,
};
const ex = EXAMPLES["missing-slash-star"];
const offline: WizardState = { ...INITIAL_STATE, source: "offline", start: ex.start, docs: ex.documents };
const snapshot = { version: 1, target: { mode: "role", bucketUri: "s3://b/f/" } } as Snapshot;
const resultOf = (origin: "live" | "documents" | "snapshot") => ({
  report: {
    version: 1 as const,
    target: snapshot.target,
    findings: [],
    summary: { pass: 0, fail: 0, warn: 0, unknown: 0, skipped: 0 },
  },
  snapshot,
  origin,
});

describe("prepareJob: live", () => {
  it("sends the target and the credentials when both are complete", () => {
    const p = prepareJob(live, { kind: "run" });
    expect(p.ok).toBe(true);
    if (!p.ok || p.request.origin !== "live") throw new Error("expected a live request");
    expect(p.request.target).toMatchObject({ mode: "role", roleArn: ROLE_ARN, bucketUri: live.start.bucketUri });
    expect(p.request.credentials).toEqual(CREDS);
    expect(p.steps).toBeUndefined();
    // A new request: the server's messages about the last one go.
    expect(p.validation).toEqual({ fieldErrors: {}, credErrors: {} });
  });

  it("refuses a missing bucket URI before anything is sent, focusing the field", () => {
    const p = prepareJob({ ...live, start: { ...live.start, bucketUri: " " } }, { kind: "run" });
    // The form shows "required" itself once a run was tried (the reducer marks the attempt).
    expect(p).toEqual({ ok: false, validation: {}, focus: { id: "bucketUri" } });
  });

  it.each([
    ["bucketUri", "s3:/tidb-cloud-source-data/mydata/"],
    ["bucketUri", "s3://Tidb_Data/mydata/"],
    ["roleArn", "arn:aws:iam::111122223333:user/tidb-import"],
    ["roleArn", "arn:aws:iam::11112222333:role/tidb-import"],
    ["region", "tokyo"],
  ])("refuses a %s the live reader would refuse (%s) before anything is sent", (field, value) => {
    const p = prepareJob({ ...live, start: { ...live.start, [field]: value } }, { kind: "run" });
    expect(p).toEqual({ ok: false, validation: {}, focus: { id: field } });
  });

  it("leaves to the intake checks what the live reader takes (an External ID or account ID typo is reported)", () => {
    const start = { ...live.start, externalId: "has spaces in it", tidbAccountId: "3808-3844-356" };
    expect(prepareJob({ ...live, start }, { kind: "run" }).ok).toBe(true);
  });

  it("never sends a secret typed where the import's access key ID belongs, live or offline", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const start = { ...EMPTY_START, mode: "access-key" as const, bucketUri: live.start.bucketUri, accessKeyId: secret };
    expect(prepareJob({ ...live, start }, { kind: "run" })).toMatchObject({ ok: false, focus: { id: "accessKeyId" } });
    expect(prepareJob({ ...offline, start }, { kind: "run" })).toMatchObject({
      ok: false,
      focus: { id: "accessKeyId" },
    });
  });

  it("accepts a console URL for a live run (the reader rewrites it to s3://)", () => {
    const bucketUri = "https://s3.console.aws.amazon.com/s3/buckets/tidb-cloud-source-data?prefix=mydata/";
    expect(prepareJob({ ...live, start: { ...live.start, bucketUri } }, { kind: "run" }).ok).toBe(true);
  });

  it("asks for the credentials, focusing the first missing one (in the re-check form for a re-check)", () => {
    const none = { ...live, creds: { accessKeyId: "", secretAccessKey: "", sessionToken: "" } };
    expect(prepareJob(none, { kind: "run" })).toEqual({ ok: false, validation: {}, focus: { id: "cred-accessKeyId" } });
    const r = prepareJob({ ...none, result: resultOf("live") }, { kind: "recheck", step: "encryption" });
    expect(r).toMatchObject({ ok: false, focus: { id: "recheck-accessKeyId" } });
  });

  it("refuses credentials that cannot work: a malformed key ID, a short secret, a temporary key without its token", () => {
    const focus = (creds: LiveCredentials) => {
      const p = prepareJob({ ...live, creds }, { kind: "run" });
      return p.ok ? null : p.focus;
    };
    expect(focus({ ...CREDS, accessKeyId: "asia example" })).toEqual({ id: "cred-accessKeyId" });
    expect(focus({ ...CREDS, secretAccessKey: "short" })).toEqual({ id: "cred-secretAccessKey" });
    expect(focus({ ...CREDS, sessionToken: "" })).toEqual({ id: "cred-sessionToken" });
    expect(focus({ ...CREDS, accessKeyId: "AKIAIOSFODNN7EXAMPLE", sessionToken: "" })).toBeNull();
  });

  it("re-checks one step with the earlier snapshot as base, without checking the start form again", () => {
    const state = { ...live, start: { ...live.start, bucketUri: "" }, result: resultOf("live") };
    const p = prepareJob(state, { kind: "recheck", step: "bucket-policy" });
    expect(p.ok).toBe(true);
    if (!p.ok || p.request.origin !== "live") throw new Error("expected a live request");
    expect(p.steps).toEqual(["bucket-policy"]);
    expect(p.request.base).toBe(snapshot);
    expect(p.validation.fieldErrors).toBeUndefined();
  });

  it("reads the pasted error message: the step to open first, and the role ARN it names", () => {
    const message = `Cannot assume the provided role ${ROLE_ARN}. Please check the trust relationship settings of the role.`;
    const state = { ...live, start: { ...live.start, roleArn: "", errorMessage: message } };
    const p = prepareJob(state, { kind: "run" });
    expect(p).toMatchObject({ ok: true, openStep: "assume-role", request: { target: { roleArn: ROLE_ARN } } });
  });
});

describe("prepareJob: pasted documents and snapshots", () => {
  it("builds the snapshot from the documents, with what each box was recognised as", () => {
    const p = prepareJob(offline, { kind: "run" });
    expect(p.ok).toBe(true);
    if (!p.ok || p.request.origin !== "documents") throw new Error("expected documents");
    expect(p.request.snapshot.target.roleArn).toBe(ex.start.roleArn);
    expect(p.validation.pasteErrors).toEqual([]);
    expect(Object.keys(p.validation.sources ?? {})).toContain("trustPolicy");
  });

  it("leaves a malformed bucket URI to the intake check offline (it explains the right form)", () => {
    const state = { ...offline, start: { ...offline.start, bucketUri: "s3:/tidb-cloud-source-data/mydata/" } };
    expect(prepareJob(state, { kind: "run" }).ok).toBe(true);
  });

  it("names the box that could not be read and sends nothing", () => {
    const state = { ...offline, docs: { ...offline.docs, bucketPolicy: '{ "Statement": [,] }' } };
    const p = prepareJob(state, { kind: "run" });
    expect(p).toMatchObject({ ok: false, focus: "error" });
    if (p.ok) return;
    expect(p.validation.pasteErrors?.map((e) => e.field)).toEqual(["bucketPolicy"]);
  });

  it("analyses a pasted whole snapshot as is, without the start form", () => {
    const state = { ...offline, start: EMPTY_START, snapshotText: JSON.stringify(snapshot) };
    const p = prepareJob(state, { kind: "run" });
    expect(p).toMatchObject({
      ok: true,
      request: { origin: "snapshot", snapshot },
      validation: { fieldErrors: {}, pasteErrors: [] },
    });
    const broken = prepareJob({ ...state, snapshotText: '{"version": 2}' }, { kind: "run" });
    expect(broken).toMatchObject({ ok: false, focus: "error", validation: { pasteErrors: [{ path: "$.version" }] } });
  });

  it("re-checks from the same origin as the run: the documents, or the pasted snapshot", () => {
    const docs = prepareJob({ ...offline, result: resultOf("documents") }, { kind: "recheck", step: "encryption" });
    expect(docs).toMatchObject({ ok: true, request: { origin: "documents" }, steps: ["encryption"] });
    const state = { ...offline, snapshotText: JSON.stringify(snapshot), result: resultOf("snapshot") };
    expect(prepareJob(state, { kind: "recheck", step: "encryption" })).toMatchObject({
      ok: true,
      request: { origin: "snapshot" },
    });
  });

  it("reads the bundle of the collection script as is, without the start form; a snapshot there says what it is", () => {
    const bundle = JSON.parse(readFileSync("tests/fixtures/bundles/role-ok.json", "utf8"));
    const state: WizardState = { ...INITIAL_STATE, source: "script", bundleText: JSON.stringify(bundle) };
    expect(prepareJob(state, { kind: "run" })).toMatchObject({ ok: true, request: { origin: "bundle", bundle } });
    const recheck = prepareJob(
      { ...state, result: { ...resultOf("snapshot"), origin: "bundle" } },
      { kind: "recheck", step: "bucket-policy" },
    );
    expect(recheck).toMatchObject({ ok: true, request: { origin: "bundle" }, steps: ["bucket-policy"] });
    for (const text of [JSON.stringify(snapshot), "{ not json", ""]) {
      const p = prepareJob({ ...state, bundleText: text }, { kind: "run" });
      expect(p.ok, text).toBe(false);
      if (!p.ok) expect(p.validation.pasteErrors?.[0]?.field).toBe("bundle");
    }
    const wrong = prepareJob({ ...state, bundleText: JSON.stringify(snapshot) }, { kind: "run" });
    expect(!wrong.ok && wrong.validation.pasteErrors?.[0]?.code).toBe("bundle.not-bundle");
  });

  it("says the limit and which box to shorten when the documents are too large to send, and sends nothing", () => {
    const statement = {
      Effect: "Allow",
      Principal: { AWS: ROLE_ARN },
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::b/*",
    };
    const huge = JSON.stringify({ Version: "2012-10-17", Statement: Array.from({ length: 10_000 }, () => statement) });
    const state = { ...offline, docs: { ...offline.docs, bucketPolicy: huge } };
    const p = prepareJob(state, { kind: "run" });
    expect(p).toMatchObject({ ok: false, focus: "error" });
    if (p.ok) return;
    expect(p.validation.pasteErrors).toEqual([
      expect.objectContaining({
        field: "bucketPolicy",
        code: "too-large.documents",
        params: expect.objectContaining({ limit: 992 }),
      }),
    ]);
  });

  it("asks for the first 1,000 objects when a whole folder's object listing is too large to send", () => {
    const contents = Array.from({ length: 12_000 }, (_, i) => ({
      Key: `mydata/part-${String(i).padStart(6, "0")}.csv`,
      Size: 1024,
      StorageClass: "STANDARD",
      Owner: { ID: "c".repeat(64) },
    }));
    const docs = { ...offline.docs, objectListing: JSON.stringify({ Contents: contents }, null, 4) };
    const p = prepareJob({ ...offline, docs }, { kind: "run" });
    expect(p).toMatchObject({
      ok: false,
      focus: "error",
      validation: { pasteErrors: [{ field: "objectListing", code: "too-large.objects", params: { limit: 992 } }] },
    });
    const first = { ...docs, objectListing: JSON.stringify({ Contents: contents.slice(0, 1000) }, null, 4) };
    expect(prepareJob({ ...offline, docs: first }, { kind: "run" }).ok).toBe(true);
  });

  it("sends no bundle too large to send, and says the command line analyses it", () => {
    const bundle = JSON.parse(readFileSync("tests/fixtures/bundles/role-ok.json", "utf8")) as Record<string, unknown>;
    const state: WizardState = { ...INITIAL_STATE, source: "script" };
    const padded = { ...bundle, padding: "x".repeat(1024 * 1024) };
    const p = prepareJob({ ...state, bundleText: JSON.stringify(padded) }, { kind: "run" });
    expect(p).toMatchObject({
      ok: false,
      focus: "error",
      validation: { pasteErrors: [{ field: "bundle", code: "too-large.bundle", params: { limit: 992 } }] },
    });
    expect(prepareJob({ ...state, bundleText: JSON.stringify(bundle) }, { kind: "run" }).ok).toBe(true);
  });

  it("names the largest parts of a pasted snapshot too large to send", () => {
    const big = {
      ...snapshot,
      objects: Array.from({ length: 9000 }, (_, i) => ({ key: `mydata/part-${i}.csv`, owner: "x".repeat(100) })),
    };
    const p = prepareJob({ ...offline, snapshotText: JSON.stringify(big) }, { kind: "run" });
    expect(p).toMatchObject({
      ok: false,
      validation: { pasteErrors: [{ field: "snapshot", code: "too-large.snapshot" }] },
    });
    if (p.ok) return;
    expect(String(p.validation.pasteErrors?.[0].params?.parts)).toMatch(/^objects \(\d+ KB\)/);
  });

  it("has nothing to re-check without an earlier result", () => {
    expect(prepareJob(offline, { kind: "recheck", step: "encryption" })).toEqual({
      ok: false,
      validation: {},
      focus: null,
    });
  });
});

describe("after a failed request", () => {
  it("shows a schema problem of a pasted snapshot under its box, with the JSON path", () => {
    const e = snapshotPasteError({
      code: "input.invalid",
      field: "snapshot.bucket.objectOwnership",
      message: "snapshot.bucket.objectOwnership: Invalid option",
    });
    expect(e).toMatchObject({
      field: "snapshot",
      path: "$.bucket.objectOwnership",
      params: { message: "Invalid option" },
    });
    expect(snapshotPasteError({ code: "internal", message: "" })).toBeNull();
    const b = {
      code: "input.invalid" as const,
      field: "bundle.calls[2].op",
      message: "bundle.calls[2].op: Invalid option",
    };
    expect(snapshotPasteError(b, "bundle")).toMatchObject({
      field: "bundle",
      path: "$.calls[2].op",
      code: "bundle.invalid",
    });
  });

  it("marks the credential AWS refused (never its value), or the start field the server named", () => {
    expect(
      failureValidation({ code: "aws.expired-token", message: "", field: "credentials.sessionToken" }, {}, t),
    ).toEqual({
      credErrors: { sessionToken: "<actionErrors.aws.expired-token.title>" },
    });
    expect(
      failureValidation({ code: "input.invalid", message: "no region", field: "target.region" }, { bucketUri: "x" }, t),
    ).toEqual({ fieldErrors: { bucketUri: "x", region: "no region" } });
    expect(failureValidation({ code: "aws.network", message: "" }, {}, t)).toEqual({});
  });
});
