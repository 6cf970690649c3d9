import "server-only";
import type { BundleCall } from "@/lib/cloudshell/bundle";
import { OPERATIONS, type OperationName } from "@/lib/reads/operations";
import type { ApiInput, ApiOp, ApiOutput, AwsApi, SendOptions } from "./api";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** An AWS error as the SDK would throw it, from the code and message the AWS CLI printed. */
function awsError(e: { code: string; message: string }): Error {
  // A HEAD answer has no body: the CLI names the error by its HTTP status ("403", "404", "400").
  const status = /^\d{3}$/.test(e.code) ? Number(e.code) : undefined;
  const err = new Error(e.message || e.code) as Error & { Code?: string; $metadata: { httpStatusCode?: number } };
  err.name = status ? "Unknown" : e.code;
  if (!status) err.Code = e.code;
  err.$metadata = status ? { httpStatusCode: status } : {};
  return err;
}

function notRecorded(op: ApiOp): Error {
  const err = new Error(`the collection script did not record this ${op} call`);
  err.name = "NotInBundle";
  return err;
}

/**
 * Answers the readers' calls from a bundle the collection script recorded (lib/cloudshell/bundle.ts): the recorded
 * call of the same operation whose identifying input (lib/reads/operations.ts `cli.key`, and the region of a regional
 * call) is the same. A call the script did not make is an error of its own ("NotInBundle"), so the part it feeds is
 * unavailable, as with any failed read.
 */
export function bundleApi(calls: readonly BundleCall[]): AwsApi {
  return {
    async send<O extends ApiOp>(op: O, input: ApiInput<O>, opts: SendOptions): Promise<ApiOutput<O>> {
      const cli = (OPERATIONS as Record<string, (typeof OPERATIONS)[OperationName] | undefined>)[op]?.cli;
      const given = input as Record<string, unknown>;
      // The CLI asked every page and merged them: a second page was never recorded on its own.
      if (!cli || given.Marker !== undefined || given.ContinuationToken !== undefined) throw notRecorded(op);
      const call = calls.find(
        (c) =>
          c.op === op &&
          (!("regional" in cli) || (c.region ?? "") === (opts.region ?? "")) &&
          cli.key.every((k) => same(c.input[k], given[k])),
      );
      if (!call) throw notRecorded(op);
      if (!call.ok) throw awsError(call.error!);
      return (call.output ?? {}) as ApiOutput<O>;
    },
  };
}
