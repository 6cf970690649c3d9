import "server-only";
import { keyInTarget, listPrefix } from "@/lib/snapshot/bucket-uri";
import type { GroundTruth } from "@/lib/snapshot/schema";
import type { ImportCall, OperationName } from "@/lib/reads/operations";
import type { CallRef } from "../run";
import type { ApiInput, ApiOp, AwsApi } from "./api";
import type { Collection } from "./context";
import { scrubSecrets } from "@/lib/security/secrets";

/** Each import call, the operation it is made as, and the operation whose IAM action a failure names. */
const CALLS: Record<ImportCall, { op: ApiOp; as: OperationName }> = {
  GetBucketLocation: { op: "s3:GetBucketLocation", as: "s3:GetBucketLocation" },
  ListObjectsV2: { op: "s3:ListObjectsV2", as: "s3:ListObjectsV2" },
  // s3:GetObject is the action both of a HEAD and of this first-byte read.
  GetObject: { op: "s3:GetObject", as: "s3:HeadObject" },
};

/**
 * Ground truth (access-key mode, only with the import key's secret): the import's own calls made with the import's
 * own key (`importApi`): bucket location, a one-key listing of the folder, the first byte of one object.
 */
export async function readGroundTruth(c: Collection, importApi: AwsApi): Promise<void> {
  const Bucket = c.uri.bucket;
  const results: Partial<Record<ImportCall, GroundTruth>> = {};
  const record = async <C extends ImportCall>(
    call: C,
    parents: (CallRef | undefined)[],
    input: ApiInput<(typeof CALLS)[C]["op"]>,
    subject: string,
  ) => {
    const { op, as } = CALLS[call];
    const r = await c.run.call(
      as,
      "summary",
      parents,
      (signal) => importApi.send(op, input as never, { signal }),
      subject,
      `import:${call}`,
    );
    results[call] = r.ok
      ? { call, ok: true }
      : {
          call,
          ok: false,
          code: r.error.awsCode ?? r.error.code,
          message: scrubSecrets(r.error.message.replace(/ on s3:\w+/, ""), c.run.secrets),
        };
    return r;
  };
  const Prefix = listPrefix(c.uri);
  const [, list] = await Promise.all([
    record("GetBucketLocation", [], { Bucket }, Bucket),
    record("ListObjectsV2", [], { Bucket, Prefix, MaxKeys: 1 }, Prefix),
  ]);
  let key: string | undefined;
  let parent: CallRef | undefined = list.ref;
  if (list.ok) {
    const contents = (list.value as { Contents?: { Key?: string }[] }).Contents;
    key = contents?.find((o) => o.Key && keyInTarget(c.uri, o.Key))?.Key ?? contents?.[0]?.Key;
  }
  if (!key) {
    // The import's key could not list: read the first object the diagnosing credentials found.
    await c.signals.listed.promise;
    key = c.state.objects.list?.[0]?.key;
    parent = undefined;
  }
  if (key) await record("GetObject", [parent], { Bucket, Key: key, Range: "bytes=0-0" }, key);
  c.state.groundTruth = (["GetBucketLocation", "ListObjectsV2", "GetObject"] as const).flatMap((k) =>
    results[k] ? [results[k]] : [],
  );
}
