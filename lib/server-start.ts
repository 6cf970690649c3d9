import { log } from "@/lib/log";

const ENDPOINT_VARS = [
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_IAM",
  "AWS_ENDPOINT_URL_STS",
  "AWS_ENDPOINT_URL_S3",
  "AWS_ENDPOINT_URL_KMS",
];

/**
 * Server start-up: live diagnosis sends the credentials users type to AWS, so an operator's endpoint override
 * (AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>, meant for tests) is announced loudly; and the share-link store is
 * opened now, so that its migrations run at start rather than on the first request.
 */
export async function onServerStart(): Promise<void> {
  const set = ENDPOINT_VARS.filter((n) => process.env[n]).map((n) => `${n}=${process.env[n]}`);
  if (set.length > 0) {
    process.stderr.write(
      `!!! AWS endpoint override in effect: ${set.join(", ")} (live diagnosis requests do NOT go to AWS) !!!\n`,
    );
  }
  try {
    const { getReportStore } = await import("@/lib/share/get-store");
    await getReportStore();
    log("info", "store.ready");
  } catch (e) {
    // Share links stay unavailable (the API answers 503) until the store opens; the rest of the app works.
    log("error", "store.open-failed", { err: e });
  }
}
