/**
 * `npm run bench`: runs every tests/bench/*.bench.ts module, each in a process of its own (so that one module's
 * garbage and JIT state do not slow the next), and prints one JSON line per figure: {"name", "value", "unit", "how"}.
 * Figures are measured, never asserted. A module exports `default async function (): Promise<Figure[]>`.
 * `npm run bench -- engine` runs only the modules whose file name contains "engine".
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

async function runOne(file: string) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<Figure[]> };
  for (const fig of await mod.default()) console.log(JSON.stringify(fig));
}

function main(): number {
  const args = process.argv.slice(2);
  if (args[0] === "--one") {
    runOne(args[1]).catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
    return 0;
  }
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => args.length === 0 || args.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error("no benchmark modules matched");
    return 2;
  }
  let failed = 0;
  for (const f of files) {
    const r = spawnSync(process.execPath, [...process.execArgv, self, "--one", f], { stdio: "inherit" });
    if (r.status !== 0) {
      console.error(`benchmark ${f} failed (exit ${r.status ?? r.signal})`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
