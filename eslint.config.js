import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { builtinModules } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// The layering (README, Architecture), held by @typescript-eslint/no-restricted-imports. From the bottom:
//   lib/policy  <-  lib/snapshot, lib/report, lib/fixes, lib/triage, lib/reads  <-  lib/checks     (pure)
//   <-  lib/aws, lib/share, lib/log, lib/request-log, lib/server-start                            (server)
//   <-  lib/actions, lib/cli                                                                       (entry points)
//   <-  app, components (and lib/wizard, the wizard's pure logic)                                  (web)
// lib/security and lib/i18n are leaves anyone may use. Pure layers import no AWS SDK, no Next, no React, no Node
// module and no database driver. Components and lib/wizard never import a server-only module (types are fine).
// Another area is imported through its "@/" path, never "../", so that these patterns see every import
// (layers/relative-in-area below). tests/unit/lint-layers.test.ts lints an offending snippet for each rule.
// ---------------------------------------------------------------------------------------------------------------

/** Tests may import across layers (they are not part of any). */
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "**/__fixtures__/**"];

/** An import of one of these lib/ areas (or a file inside them). */
const lib = (...areas) => `^@/lib/(${areas.join("|")})(/|$)`;
const top = (...dirs) => `^@/(${dirs.join("|")})(/|$)`;
const TESTS = { regex: top("tests"), message: "Only tests import from tests/." };
const WEB = {
  regex: top("app", "components", "i18n"),
  message: "lib/ never imports the web layer (app, components, i18n).",
};
const NEXT = {
  regex: "^(next|next-intl)(/|$)",
  message: "lib/ imports nothing from Next except lib/actions; Next-bound i18n lives in i18n/.",
};

const nodeModules = builtinModules.filter((m) => !m.startsWith("_")).map((m) => m.replace(/[/]/g, "\\/"));
/** What a pure layer never imports: I/O, frameworks and drivers (a library of data such as iam-data is fine). */
const IMPURE = [
  NEXT,
  {
    regex: `^(node:.*|${nodeModules.join("|")})(/.*)?$`,
    message: "Pure layers do no I/O: no Node module (read and write at the edges, in lib/aws, lib/share or lib/cli).",
  },
  { regex: "^@(aws-sdk|smithy)/", message: "Pure layers never call AWS: the SDK lives in lib/aws." },
  // use-intl/core (next-intl's translator without React) is fine.
  { regex: "^(react|react-dom)(/.*)?$|^use-intl(/react)?$|^@tanstack/", message: "Pure layers know no React." },
  { regex: "^(server-only|better-sqlite3|pg)$", message: "Pure layers are neither server-only nor a store." },
];

/** lib/ modules that import "server-only" (found when ESLint starts, so a new one is covered at once). */
function serverOnlyModules() {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
        if (/^import "server-only";/m.test(readFileSync(join(root, p), "utf8"))) found.push(p.replace(/\.tsx?$/, ""));
    }
  };
  walk("lib");
  return found.sort();
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What a browser bundle never imports (type imports are erased, so they may name server types). */
const SERVER_ONLY = [
  {
    regex: lib("aws", "log", "request-log", "server-start", "cli"),
    allowTypeImports: true,
    message: "Components and lib/wizard never import server-only modules (the AWS reader, logs, the CLI).",
  },
  {
    regex: `^@/(${serverOnlyModules()
      .filter((m) => !/^lib\/(aws|cli)\//.test(m)) // whole areas, above
      .map(escape)
      .join("|")})$`,
    allowTypeImports: true,
    message: 'This module imports "server-only": components and lib/wizard reach it through a server action or route.',
  },
  { regex: "^server-only$", message: "Components and lib/wizard run in the browser too." },
];

const UP_FROM_PURE = {
  regex: lib("aws", "share", "log", "request-log", "server-start", "actions", "cli", "wizard"),
  message: "Pure layers (policy, snapshot, report, fixes, triage, reads, checks) never import the layers above them.",
};

const SERVER = [
  {
    regex: lib("actions", "cli", "wizard"),
    message: "Server modules are used by lib/actions, lib/cli and app, not the reverse.",
  },
  WEB,
  TESTS,
  NEXT,
];
const APART = "The AWS reader and the report store are independent.";

/** One entry per area. The file sets do not overlap: a later entry's rule options would replace an earlier one's. */
const LAYERS = [
  {
    files: ["lib/policy/**"],
    patterns: [
      {
        regex: "^@/lib/(?!policy(/|$))",
        message: "lib/policy, the engine, is the bottom layer: it imports no other lib/ module.",
      },
      ...IMPURE,
    ],
  },
  {
    files: ["lib/snapshot/**", "lib/report/**", "lib/fixes/**", "lib/triage/**", "lib/reads/**"],
    patterns: [
      // Check ids are the one exception: a pure list every layer may name.
      { regex: "^@/lib/checks(?!/ids$)(/|$)", message: "lib/checks is built on this layer, not the other way round." },
      UP_FROM_PURE,
      WEB,
      TESTS,
      ...IMPURE,
    ],
  },
  { files: ["lib/checks/**"], patterns: [UP_FROM_PURE, WEB, TESTS, ...IMPURE] },
  {
    files: ["lib/security/**", "lib/i18n/**"],
    patterns: [
      { regex: "^@/lib/(?!(security|i18n)(/|$))", message: "lib/security and lib/i18n are leaves." },
      WEB,
      TESTS,
      ...IMPURE,
    ],
  },
  { files: ["lib/aws/**"], patterns: [{ regex: lib("share"), message: APART }, ...SERVER] },
  { files: ["lib/share/**"], patterns: [{ regex: lib("aws"), message: APART }, ...SERVER] },
  { files: ["lib/log.ts", "lib/request-log.ts", "lib/server-start.ts"], patterns: SERVER },
  {
    files: ["lib/actions/**"],
    patterns: [{ regex: lib("cli"), message: "lib/actions and lib/cli are separate entry points." }, WEB, TESTS],
  },
  {
    files: ["lib/cli/**"],
    patterns: [
      { regex: lib("actions", "wizard"), message: "lib/cli and lib/actions are separate entry points." },
      WEB,
      TESTS,
      NEXT,
    ],
  },
  { files: ["lib/wizard/**"], patterns: [...SERVER_ONLY, WEB, TESTS, ...IMPURE] },
  {
    files: ["components/**"],
    patterns: [
      ...SERVER_ONLY,
      { regex: top("app"), message: "Components are used by app/, not the reverse." },
      TESTS,
      {
        regex: `^(node:.*|${nodeModules.join("|")})(/.*)?$|^@(aws-sdk|smithy)/|^(better-sqlite3|pg)$`,
        message: "Components never do server I/O.",
      },
    ],
  },
  {
    // pages/ holds one API route of the pages router (the shared report page, see next.config.js): app/'s rules.
    files: ["app/**", "pages/**", "i18n/**"],
    patterns: [{ regex: lib("cli"), message: "app/ never imports the command line." }, TESTS],
  },
];

const layerConfigs = () =>
  LAYERS.map(({ files, patterns }) => ({
    files,
    ignores: TEST_FILES,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
  }));

/** The area of a file: lib/<dir> for lib's folders, lib for its top-level files, else the top-level folder. */
function areaOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === "lib" && parts.length > 2) return `lib/${parts[1]}`;
  return parts.length > 1 ? parts[0] : ".";
}

const layersPlugin = {
  rules: {
    "relative-in-area": {
      meta: {
        type: "problem",
        docs: { description: 'A relative import stays inside its area; other areas are imported by their "@/" path.' },
        schema: [],
        messages: {
          outside:
            'Import {{area}} through "@/{{path}}": relative imports stay inside their area, so the layer rules see it.',
        },
      },
      create(context) {
        const from = areaOf(context.filename);
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== "string" || !spec.startsWith(".")) return;
          const target = resolve(dirname(context.filename), spec);
          const area = areaOf(target);
          if (area !== from)
            context.report({
              node: node.source,
              messageId: "outside",
              data: { area, path: relative(root, target).split(sep).join("/") },
            });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-test/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "pages/**/*.ts", "i18n/**/*.ts"],
    ignores: TEST_FILES,
    plugins: { layers: layersPlugin },
    rules: { "layers/relative-in-area": "error" },
  },
  ...layerConfigs(),
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
