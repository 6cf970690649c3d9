/**
 * Command line: `npm run --silent cli -- <command> [options]`.
 * Each command lives in lib/cli/commands/<name>.ts and exports `run(argv): Promise<number>` (the exit status).
 */
import { CliUsageError } from "./args";

const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number>; usage: string }>> = {
  // evaluate, analyze, diagnose, collect: one line each, added with their command file.
  evaluate: () => import("./commands/evaluate"),
  analyze: () => import("./commands/analyze"),
  collect: () => import("./commands/collect"),
  diagnose: () => import("./commands/diagnose"),
};

const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  diagnose   read the live AWS account and print the report
  collect    read the live AWS account and print the snapshot
  analyze    analyse a snapshot file (no network)
  evaluate   answer one authorization question (no network)

Run a command with --help for its options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? process.stdout : process.stderr).write(USAGE + "\n");
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  const cmd = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(cmd.usage + "\n");
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`${e.message}\n\n${cmd.usage}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
