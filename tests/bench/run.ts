/**
 * `npm run bench`: runs every tests/bench/*.bench.ts module in this one process and prints one JSON line per figure:
 * {"name", "value", "unit", "how"}. Figures are measured, never asserted.
 * A module exports `default async function (): Promise<Figure[]>`.
 * `npm run bench -- engine` runs only the modules whose file name contains "engine".
 */
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
const filter = process.argv.slice(2);

async function main() {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error("no benchmark modules matched");
    process.exitCode = 2;
    return;
  }
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<Figure[]> };
    for (const fig of await mod.default()) console.log(JSON.stringify(fig));
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
