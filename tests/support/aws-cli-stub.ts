// The live collector's calls, recorded (every operation, input, region and answer), and a stand-in for the AWS CLI v2
// that answers the collection script from that record: with it the script runs on any machine, with no AWS CLI
// installed, and every call it makes must be one the live collector made. The stand-in is a few lines of bash that
// hand their arguments to this process over a loopback socket (bash's /dev/tcp) and print what it answers, as the
// CLI prints it: the API's JSON with a 4-space indent; an AWS error as "An error occurred (Code) when calling the Op
// operation: message" on stderr, exit 254. A call the live collector did not make gets no answer (exit 252).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiOp, AwsApi } from "@/lib/aws/collector/api";
import { OPERATIONS, type OperationName } from "@/lib/reads/operations";

export interface RecordedCall {
  op: ApiOp;
  /** The AWS CLI command of the operation ("s3api head-object"). */
  command: string;
  /** Only for a regional call (KMS): the region it was made in. */
  region?: string;
  input: Record<string, unknown>;
  ok: boolean;
  output?: unknown;
  error?: { code: string; message: string };
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found" };

/** An SDK error as the AWS CLI prints it: a HEAD answer has no body, so the CLI names it by its HTTP status. */
function cliError(op: ApiOp, e: unknown): { code: string; message: string } {
  const err = e as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  if (op.startsWith("s3:Head") && status) return { code: String(status), message: STATUS_TEXT[status] ?? "" };
  return { code: err.Code ?? err.name ?? "Unknown", message: err.message ?? "" };
}

const cliOf = (op: string) => (OPERATIONS as Record<string, (typeof OPERATIONS)[OperationName] | undefined>)[op]?.cli;

/** Wraps an API so that every call made through it (and its answer or error) is appended to `into`. */
export function recordingApi(inner: AwsApi, into: RecordedCall[]): AwsApi {
  return {
    async send(op, input, opts) {
      const cli = cliOf(op);
      if (!cli) throw new Error(`${op} is not an operation of lib/reads/operations.ts`);
      const call: RecordedCall = {
        op,
        command: cli.command,
        input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
        ok: true,
      };
      if ("regional" in cli) call.region = opts.region;
      into.push(call);
      try {
        const output = await inner.send(op, input, opts);
        const { $metadata: _metadata, ...rest } = output as Record<string, unknown>;
        call.output = JSON.parse(JSON.stringify(rest));
        return output;
      } catch (e) {
        call.ok = false;
        call.error = cliError(op, e);
        throw e;
      }
    },
  };
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** A call as a comparable line: command, region (regional calls only) and its input with sorted keys. */
export function callLine(command: string, input: unknown, region?: string): string {
  return `${command}${region ? ` @${region}` : ""} ${JSON.stringify(sorted(input))}`;
}

/** The AWS CLI's arguments as the call they make (null for `--version`). */
export function callOfArgs(args: readonly string[]): string | null {
  if (args[0] === "--version") return null;
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const command = `${args[0]} ${args[1]}`;
  const op = Object.keys(OPERATIONS).find((o) => cliOf(o)?.command === command);
  const regional = op !== undefined && "regional" in cliOf(op)!;
  return callLine(command, JSON.parse(option("--cli-input-json") ?? "{}"), regional ? option("--region") : undefined);
}

function answer(calls: readonly RecordedCall[], args: string[]): { code: number; out: string; err: string } {
  if (args.length === 1 && args[0] === "--version") return { code: 0, out: "aws-cli/2.0.0 stand-in\n", err: "" };
  let line: string | null;
  try {
    line = callOfArgs(args);
  } catch {
    return { code: 252, out: "", err: `\naws (stand-in): arguments it cannot read: ${args.join(" ")}\n` };
  }
  const call = calls.find((c) => callLine(c.command, c.input, c.region) === line);
  if (!call) return { code: 252, out: "", err: `\naws (stand-in): the live collector made no such call: ${line}\n` };
  if (!call.ok) {
    const e = call.error!;
    return {
      code: 254,
      out: "",
      err: `\nAn error occurred (${e.code}) when calling the ${call.op.split(":")[1]} operation: ${e.message}\n`,
    };
  }
  return { code: 0, out: `${JSON.stringify(call.output ?? {}, null, 4)}\n`, err: "" };
}

export interface AwsCliStandIn {
  /** The `aws` program to run (give it as runCollectionScript's awsCli). */
  path: string;
  close(): Promise<void>;
}

/** Starts a stand-in for the AWS CLI that answers from `calls`. */
export async function startAwsCliStandIn(calls: readonly RecordedCall[]): Promise<AwsCliStandIn> {
  const server = createServer((socket) => {
    let buf = Buffer.alloc(0);
    socket.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      // "<count>\0<arg>\0<arg>\0…": answered once every argument has arrived
      const parts = buf.toString("utf8").split("\0");
      const count = Number(parts[0]);
      if (parts.length < count + 2) return;
      const { code, out, err } = answer(calls, parts.slice(1, count + 1));
      socket.end(`${code}\0${out}\0${err}\0`);
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(join(tmpdir(), "s3ad-aws-stand-in-"));
  const path = join(dir, "aws");
  writeFileSync(
    path,
    [
      "#!/bin/bash",
      `exec 3<>/dev/tcp/127.0.0.1/${port}`,
      `printf '%d\\0' "$#" >&3`,
      `printf '%s\\0' "$@" >&3`,
      "IFS= read -r -d '' code <&3",
      "IFS= read -r -d '' out <&3",
      "IFS= read -r -d '' err <&3",
      `printf '%s' "$out"`,
      `printf '%s' "$err" >&2`,
      'exit "$code"',
      "",
    ].join("\n"),
  );
  chmodSync(path, 0o755);
  return {
    path,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
