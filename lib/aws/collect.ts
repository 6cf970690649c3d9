import "server-only";
import { readsForSteps } from "@/lib/reads/table";
import { parseBucketUri, type ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import type { Snapshot } from "@/lib/snapshot/schema";
import { AwsClients, DEFAULT_CLIENT_OPTIONS } from "./clients";
import { CollectInputError, validateCollectInput, type CollectInput } from "./collect-input";
import type { AwsApi } from "./collector/api";
import { assemble } from "./collector/assemble";
import { newCollection } from "./collector/context";
import { sdkApi } from "./collector/sdk-api";
import { startReaders } from "./collector/start";
import { newCollectState } from "./collector/state";
import { CollectRun } from "./run";

/**
 * Reads the live account into a Snapshot v1 with the given (temporary) credentials: the rows of lib/reads/table.ts
 * for the steps asked (all by default), each by its reader in ./collector. Reads that don't depend on each other run
 * at once; a dependent read starts as soon as its input arrives. A failed read records the reason in `unavailable`
 * and never stops the run; one deadline bounds the whole run. Throws only `CollectInputError` for invalid input
 * (before any network call).
 */
export async function collectSnapshot(input: CollectInput): Promise<Snapshot> {
  const problems = validateCollectInput(input);
  if (problems.length > 0) throw new CollectInputError(problems[0].field, problems[0].message);
  const { target } = input;
  const region = input.region ?? target.region ?? "us-east-1";
  const options = {
    callTimeoutMs: input.callTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.callTimeoutMs,
    maxAttempts: input.maxAttempts ?? DEFAULT_CLIENT_OPTIONS.maxAttempts,
  };
  const clients = new AwsClients(input.credentials, region, options);
  const importClients =
    input.importSecret && target.mode === "access-key" && target.accessKeyId
      ? new AwsClients({ accessKeyId: target.accessKeyId, secretAccessKey: input.importSecret }, region, {
          ...options,
          maxAttempts: 1,
        })
      : undefined;
  try {
    const secrets = [input.credentials.secretAccessKey, input.credentials.sessionToken, input.importSecret];
    return await collectWith(sdkApi(clients), input, secrets, importClients && sdkApi(importClients));
  } finally {
    clients.destroy();
    importClients?.destroy();
  }
}

/** What a run over any API needs (a live run also has credentials; a bundle's replay has none). */
export type RunSettings = Pick<
  CollectInput,
  "target" | "region" | "only" | "onProgress" | "deadlineMs" | "headSample" | "simulate"
>;

/**
 * The run itself, over any API: starts the readers, waits for them or the deadline, and assembles what they read.
 * `secrets` never appear in a message. The target must be valid (validateTarget).
 */
export async function collectWith(
  api: AwsApi,
  input: RunSettings,
  secrets: readonly (string | undefined)[] = [],
  importApi?: AwsApi,
): Promise<Snapshot> {
  const { target } = input;
  const uri = parseBucketUri(target.bucketUri).value as ParsedBucketUri;
  const run = new CollectRun(input.onProgress, secrets);
  const state = newCollectState(target, uri.bucket, readsForSteps(input.only, input.simulate === true));
  const c = newCollection({
    run,
    api,
    state,
    target,
    uri,
    region: input.region ?? target.region ?? "us-east-1",
    headSample: input.headSample ?? 10,
  });
  const deadlineMs = input.deadlineMs ?? 30_000;
  const timer = setTimeout(() => run.controller.abort(), deadlineMs);
  let guard: NodeJS.Timeout | undefined;
  try {
    startReaders(c, importApi);
    // The SDK honours the abort signal; the extra margin only guards against a read that ignores it.
    await Promise.race([
      run.settled(),
      new Promise<void>((resolve) => (guard = setTimeout(resolve, deadlineMs + 2_000))),
    ]);
    return assemble(state);
  } finally {
    clearTimeout(timer);
    clearTimeout(guard);
    if (!run.signal.aborted) run.controller.abort();
  }
}

export { CollectInputError, validateCollectInput } from "./collect-input";
export type { CollectInput } from "./collect-input";
export { pickSample } from "./sample";
