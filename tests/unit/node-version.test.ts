/**
 * The Node.js version the README states is the one package.json declares, and every installed dependency accepts it
 * (npm prints an EBADENGINE warning on `npm ci` otherwise: @axe-core/playwright 4.14 declares Node >= 22.12).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[] }>;
};

const stated = /Node\.js (\d+\.\d+)\+/.exec(readme)?.[1];

describe("the Node.js version", () => {
  it("the README states one, and it is package.json's minimum", () => {
    expect(stated).toBeDefined();
    expect(semver.minVersion(pkg.engines.node)?.version).toBe(`${stated}.0`);
  });

  it("every dependency in package-lock.json accepts the stated version", () => {
    const refuse = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(`${stated}.0`, (p.engines as { node: string }).node))
      .map(
        ([path, p]) => `${path.replace(/^.*node_modules\//, "")}@${p.version} wants node ${JSON.stringify(p.engines)}`,
      );
    expect(refuse).toEqual([]);
  });
});
