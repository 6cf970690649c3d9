import { parseArgs, type ParseArgsConfig } from "node:util";
import { readFileSync } from "node:fs";

/** Bad command-line input: main prints the message and the usage and exits 2. */
export class CliUsageError extends Error {}

export function parseCliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new CliUsageError(e instanceof Error ? e.message : String(e));
  }
}

/** Reads a file argument, where "-" is standard input. */
export function readInput(pathOrDash: string, option: string): string {
  try {
    return readFileSync(pathOrDash === "-" ? 0 : pathOrDash, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliUsageError(
      `${option}: cannot read ${pathOrDash === "-" ? "standard input" : pathOrDash}${code ? ` (${code})` : ""}`,
    );
  }
}

/** Parses JSON input; a syntax error names the option and the position. */
export function parseJsonInput(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliUsageError(`${option}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
