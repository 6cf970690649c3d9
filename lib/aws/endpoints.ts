import "server-only";

export type AwsService = "iam" | "sts" | "s3" | "kms";

let announced = false;

/**
 * The endpoint override for a service, from server configuration only: `AWS_ENDPOINT_URL_<SERVICE>` wins over
 * `AWS_ENDPOINT_URL` (the SDK's own rule). Never taken from a request. The first time an override is used, one loud
 * line goes to stderr so that an operator cannot miss that user credentials are being sent elsewhere than AWS.
 */
export function endpointOverride(service: AwsService, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const specific = env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`];
  const value = (specific && specific.trim()) || (env.AWS_ENDPOINT_URL && env.AWS_ENDPOINT_URL.trim()) || undefined;
  if (value && !announced) {
    announced = true;
    process.stderr.write(
      `!!! AWS endpoint override in effect: ${describeOverrides(env)} (requests do NOT go to AWS) !!!\n`,
    );
  }
  return value;
}

/** "AWS_ENDPOINT_URL=http://127.0.0.1:4599, AWS_ENDPOINT_URL_S3=…" for the overrides that are set. */
function describeOverrides(env: NodeJS.ProcessEnv = process.env): string {
  return [
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_IAM",
    "AWS_ENDPOINT_URL_STS",
    "AWS_ENDPOINT_URL_S3",
    "AWS_ENDPOINT_URL_KMS",
  ]
    .filter((k) => env[k])
    .map((k) => `${k}=${env[k]}`)
    .join(", ");
}
