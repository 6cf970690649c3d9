/**
 * Runs once when the server starts. Live diagnosis sends the credentials users type to AWS; if an operator has
 * pointed the AWS endpoints elsewhere (AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>, meant for tests), say so loudly.
 */
export function register(): void {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const names = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_KMS"];
  const set = names.filter((n) => process.env[n]).map((n) => `${n}=${process.env[n]}`);
  if (set.length > 0) {
    process.stderr.write(`!!! AWS endpoint override in effect: ${set.join(", ")} (live diagnosis requests do NOT go to AWS) !!!\n`);
  }
}
