import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding, Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { EXAMPLES } from "./examples";
import { EMPTY_CREDENTIALS, EMPTY_START, type LiveCredentials } from "./form-types";
import { INITIAL_STATE, wizardReducer, type WizardAction, type WizardResult, type WizardState } from "./wizard-state";

const CREDS: LiveCredentials = {
  accessKeyId: "ASIAEXAMPLEEXAMPLE01",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0042",
  sessionToken: "IQoJb3JpZ2luX2VjECANARYTOKEN",
};
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";

/** A user half way through the form: everything typed, in live mode, with credentials. */
const typed: WizardState = {
  ...INITIAL_STATE,
  start: { ...EXAMPLES["wrong-external-id"].start, region: "ap-northeast-1" },
  docs: EXAMPLES["wrong-external-id"].documents,
  snapshotText: '{"version": 1}',
  creds: CREDS,
};

const report = (mode: "role" | "access-key", findings: Partial<Finding>[] = []): Report => ({
  version: 1,
  target: { mode, bucketUri: "s3://tidb-cloud-source-data/mydata/" },
  findings: findings.map((f) => ({
    id: "input.bucket-uri",
    step: "intake",
    status: "pass",
    title: "x",
    detail: "",
    ...f,
  })),
  summary: { pass: 0, fail: 0, warn: 0, unknown: 0, skipped: 0 },
});
const result = (mode: "role" | "access-key" = "role"): WizardResult => ({
  report: report(mode),
  snapshot: { version: 1, target: report(mode).target } as Snapshot,
  origin: "live",
});

const run = (s: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, s);
const whatWasTyped = (s: WizardState) => ({ start: s.start, docs: s.docs, snapshotText: s.snapshotText });

describe("wizardReducer: editing", () => {
  it("each edit action changes only its own part of the input", () => {
    const start = { ...EMPTY_START, bucketUri: "s3://b/f/" };
    expect(run(typed, { type: "edit/start", start })).toEqual({ ...typed, start });
    expect(run(typed, { type: "edit/source", source: "offline" })).toEqual({ ...typed, source: "offline" });
    const docs = { ...typed.docs, bucketPolicy: "{}" };
    expect(run(typed, { type: "edit/documents", docs })).toEqual({ ...typed, docs });
    expect(run(typed, { type: "edit/snapshot", text: "x" })).toEqual({ ...typed, snapshotText: "x" });
    const creds = { ...CREDS, sessionToken: "" };
    expect(run(typed, { type: "edit/credentials", creds })).toEqual({ ...typed, creds });
  });

  it("clears the credentials when the page is left, and nothing else", () => {
    expect(run(typed, { type: "credentials/clear" })).toEqual({ ...typed, creds: EMPTY_CREDENTIALS });
  });

  it("reads the documents when a box is left: what each is, or what is wrong with it", () => {
    const good = run(typed, { type: "documents/read" });
    expect(good.pasteErrors).toEqual([]);
    expect(good.sources.trustPolicy).toBeDefined();
    const broken = run(
      typed,
      { type: "edit/documents", docs: { ...typed.docs, bucketPolicy: "{ nope" } },
      {
        type: "documents/read",
      },
    );
    expect(broken.pasteErrors.map((e) => [e.field, e.code])).toEqual([["bucketPolicy", "json.invalid"]]);
    expect(broken.docs.bucketPolicy).toBe("{ nope");
  });

  it("says so when a box is left whose paste makes everything too large to send, as a run started from it does", () => {
    const contents = Array.from({ length: 10_000 }, (_, i) => ({
      Key: `mydata/part-${i}.csv`,
      Owner: { ID: "c".repeat(64) },
    }));
    const docs = { ...typed.docs, objectListing: JSON.stringify({ Contents: contents }) };
    const left = run(typed, { type: "edit/documents", docs }, { type: "documents/read" });
    expect(left.pasteErrors.map((e) => [e.field, e.code])).toEqual([["objectListing", "too-large.objects"]]);
    // A click on Run from inside the box: the run's message first, then the check of the box just left.
    const rejected = run(
      typed,
      { type: "edit/documents", docs },
      { type: "job/rejected", validation: { pasteErrors: left.pasteErrors }, focus: "error" },
      { type: "documents/read" },
    );
    expect(rejected.pasteErrors).toEqual(left.pasteErrors);
    expect(rejected.docs.objectListing).toBe(docs.objectListing);
  });

  it("reads a pasted TiDB Cloud message: the step it points to, the role ARN it names, the secret it echoes dropped", () => {
    const message = `Cannot assume the provided role ${ROLE_ARN}. Please check the trust relationship settings of the role.`;
    const s = run(
      INITIAL_STATE,
      { type: "edit/start", start: { ...EMPTY_START, errorMessage: message } },
      {
        type: "triage/read",
      },
    );
    expect(s.triageStep).toBe("assume-role");
    expect(s.start.roleArn).toBe(ROLE_ARN);
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const withSecret = `Access denied to the source 's3://b/f/' using the access key ID 'AKIAIOSFODNN7EXAMPLE' and the secret access key '${secret}'`;
    const k = run(
      INITIAL_STATE,
      { type: "edit/start", start: { ...EMPTY_START, errorMessage: withSecret } },
      {
        type: "triage/read",
      },
    );
    expect(k.start.errorMessage).not.toContain(secret);
    expect(k.start.mode).toBe("access-key");
    expect(k.start.accessKeyId).toBe("AKIAIOSFODNN7EXAMPLE");
  });

  it("loads an example into offline mode and drops the messages about the input it replaced", () => {
    const before = { ...typed, pasteErrors: [{ field: "x", path: "$", code: "empty" as const, message: "" }] };
    const ex = EXAMPLES["object-writer"];
    const s = run(before, { type: "example/load", start: ex.start, docs: ex.documents });
    expect(s).toMatchObject({ start: ex.start, docs: ex.documents, source: "offline", snapshotText: "" });
    expect(s.pasteErrors).toEqual([]);
    expect(s.fieldErrors).toEqual({});
  });
});

describe("wizardReducer: messages at the fields", () => {
  it("remembers the fields the user left or pasted into", () => {
    const s = run(
      INITIAL_STATE,
      { type: "field/touched", field: "roleArn" },
      { type: "field/touched", field: "cred:accessKeyId" },
    );
    expect(s.touched).toEqual({ roleArn: true, "cred:accessKeyId": true });
    expect(run(s, { type: "field/touched", field: "roleArn" })).toBe(s);
  });

  it("keeps what the server said about a field until that field is changed", () => {
    const s = {
      ...typed,
      fieldErrors: { region: "no such region", roleArn: "no such role" },
      credErrors: { accessKeyId: "refused" },
    };
    const edited = run(s, { type: "edit/start", start: { ...s.start, region: "ap-northeast-1x" } });
    expect(edited.fieldErrors).toEqual({ roleArn: "no such role" });
    const creds = run(s, { type: "edit/credentials", creds: { ...CREDS, accessKeyId: "ASIAOTHER" } });
    expect(creds.credErrors).toEqual({});
    expect(run(s, { type: "edit/start", start: { ...s.start } }).fieldErrors).toBe(s.fieldErrors);
  });

  it("shows every field's problem after a refused run, and starts afresh once a request was sent", () => {
    const tried = run(typed, { type: "job/rejected", validation: {}, focus: { id: "bucketUri" } });
    expect(tried.attempted).toBe(true);
    const sent = run({ ...tried, touched: { roleArn: true } }, { type: "job/failed", error: null });
    expect(sent).toMatchObject({ attempted: false, touched: {} });
    expect(run(tried, { type: "run/succeeded", result: result(), openStep: null }).attempted).toBe(false);
  });
});

describe("wizardReducer: jobs", () => {
  it("a rejected job shows what is wrong, moves the focus, and keeps everything typed, credentials included", () => {
    const s = run(typed, {
      type: "job/rejected",
      validation: { fieldErrors: { bucketUri: "Required." } },
      focus: { id: "bucketUri" },
    });
    expect(s.fieldErrors).toEqual({ bucketUri: "Required." });
    expect(s.focus).toEqual({ id: "bucketUri" });
    expect(s.creds).toEqual(CREDS);
    expect(whatWasTyped(s)).toEqual(whatWasTyped(typed));
    expect(s.running).toBeNull();
  });

  it("a started job forgets the last error and progress and says which job runs", () => {
    const before = {
      ...typed,
      actionError: { code: "internal" as const, message: "" },
      progress: { intake: { started: 1, ended: 0 } },
    };
    const s = run(before, { type: "job/started", job: { kind: "run" }, validation: { credErrors: {} } });
    expect(s).toMatchObject({ running: { kind: "run" }, actionError: null, progress: {}, credErrors: {} });
    expect(run(s, { type: "job/progress", progress: { intake: { started: 2, ended: 1 } } }).progress).toEqual({
      intake: { started: 2, ended: 1 },
    });
  });

  it("a failed run clears the credentials it sent, keeps the rest of the input, and shows the error", () => {
    const error = {
      code: "aws.invalid-credentials" as const,
      message: "InvalidClientTokenId",
      field: "credentials.accessKeyId",
    };
    const s = run(
      typed,
      { type: "job/started", job: { kind: "run" }, validation: {} },
      { type: "job/failed", error, validation: { credErrors: { accessKeyId: "AWS did not accept the credentials" } } },
    );
    expect(s).toMatchObject({ running: null, actionError: error, focus: "error", creds: EMPTY_CREDENTIALS });
    expect(s.credErrors).toEqual({ accessKeyId: "AWS did not accept the credentials" });
    expect(whatWasTyped(s)).toEqual(whatWasTyped(typed));
    expect(s.editing).toBe(true);
  });

  it("a successful run shows the results, opens the step the error message pointed to, and clears the credentials", () => {
    const s = run(typed, { type: "run/succeeded", result: result("role"), openStep: "assume-role" });
    expect(s).toMatchObject({ editing: false, view: "assume-role", focus: "step", creds: EMPTY_CREDENTIALS });
    expect(s.result).toEqual(result("role"));
    expect(whatWasTyped(s)).toEqual(whatWasTyped(typed));
  });

  it("opens the step of the failing check a pasted KMS message points to (the permission policies), in Japanese too", () => {
    for (const errorMessage of [
      "The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.",
      "KMS キーへのアクセスが拒否されました。",
    ]) {
      const withMessage = { ...typed, start: { ...typed.start, errorMessage } };
      const failing = (id: Finding["id"], step: Finding["step"]) => ({
        ...result("role"),
        report: report("role", [{ id, step, status: "fail" }]),
      });
      const onIdentity = run(withMessage, {
        type: "run/succeeded",
        result: failing("identity.kms-decrypt", "identity-policy"),
        openStep: "encryption",
      });
      expect(onIdentity.view).toBe("identity-policy");
      const onKey = run(withMessage, {
        type: "run/succeeded",
        result: failing("kms.key-policy", "encryption"),
        openStep: "encryption",
      });
      expect(onKey.view).toBe("encryption");
    }
  });

  it("opens the overview when the pointed-to step does not exist in the mode (no AssumeRole for an access key)", () => {
    const s = run(typed, { type: "run/succeeded", result: result("access-key"), openStep: "assume-role" });
    expect(s).toMatchObject({ view: "overview", focus: "results" });
    expect(run(typed, { type: "run/succeeded", result: result(), openStep: null }).view).toBe("overview");
  });

  it("a new run forgets the changes of earlier re-checks; a re-check adds its step's changes", () => {
    const changes = {
      changed: [{ id: "kms.key-policy" as const, title: "a", before: "fail" as const, after: "pass" as const }],
      unchanged: 2,
    };
    const rechecked = run(
      typed,
      { type: "run/succeeded", result: result(), openStep: null },
      { type: "edit/credentials", creds: CREDS },
      { type: "recheck/succeeded", result: result(), step: "encryption", changes },
    );
    expect(rechecked.changes).toEqual({ encryption: changes });
    expect(rechecked).toMatchObject({ focus: "step", creds: EMPTY_CREDENTIALS, running: null, editing: false });
    expect(run(rechecked, { type: "run/succeeded", result: result(), openStep: null }).changes).toEqual({});
  });
});

describe("wizardReducer: moving around the results", () => {
  const shown = run(typed, { type: "run/succeeded", result: result(), openStep: null }, { type: "focus/done" });

  it("opens a view, moving the focus only when asked (not for a hash change)", () => {
    expect(run(shown, { type: "view/open", view: "encryption", focus: true })).toMatchObject({
      view: "encryption",
      focus: "step",
    });
    expect(run(shown, { type: "view/open", view: "overview", focus: true }).focus).toBe("results");
    expect(run(shown, { type: "view/open", view: "encryption", focus: false }).focus).toBeNull();
    // A link to an element of another step (a corrected document shown there) opens the step and focuses it.
    expect(run(shown, { type: "view/open", view: "encryption", focus: { id: "doc" } })).toMatchObject({
      view: "encryption",
      focus: { id: "doc" },
    });
  });

  it("edits the input and comes back to the same results", () => {
    const editing = run(shown, { type: "results/edit" });
    expect(editing.editing).toBe(true);
    expect(editing.result).toEqual(shown.result);
    expect(run(editing, { type: "results/back" }).editing).toBe(false);
  });

  it("starting over drops the results but not what was typed", () => {
    const s = run(shown, { type: "results/start-over" });
    expect(s).toMatchObject({ result: null, editing: true, changes: {}, actionError: null });
    expect(whatWasTyped(s)).toEqual(whatWasTyped(typed));
  });
});

describe("wizardReducer: what the user typed survives every failure", () => {
  const failure = fc.oneof(
    fc.record({
      type: fc.constant("job/rejected" as const),
      validation: fc.record({ fieldErrors: fc.dictionary(fc.string(), fc.string()) }),
      focus: fc.constantFrom(null, "error" as const, { id: "bucketUri" }),
    }),
    fc.record({
      type: fc.constant("job/started" as const),
      job: fc.constant({ kind: "run" as const }),
      validation: fc.record({ credErrors: fc.dictionary(fc.string(), fc.string()) }),
    }),
    fc.record({
      type: fc.constant("job/failed" as const),
      error: fc.constantFrom(null, { code: "input.invalid" as const, message: "bad", field: "target.region" }),
    }),
    fc.constant({ type: "focus/done" as const }),
    fc.constant({ type: "documents/read" as const }),
  );
  it("no sequence of rejections, failures and document reads changes the start form, documents or snapshot", () => {
    fc.assert(
      fc.property(fc.array(failure, { maxLength: 8 }), (actions) => {
        const s = run(typed, ...(actions as WizardAction[]));
        expect(whatWasTyped(s)).toEqual(whatWasTyped(typed));
        // Credentials go only once a request was sent (a failed job), never on a local rejection.
        if (!actions.some((a) => a.type === "job/failed")) expect(s.creds).toEqual(CREDS);
      }),
    );
  });
});
