import "server-only";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentials } from "./clients";
import { classifyAwsError } from "./errors";

/**
 * The command line's diagnosing credentials: the standard AWS SDK credential chain (environment, shared config and
 * credentials files with AWS_PROFILE, SSO, process, container and instance metadata). Returns a problem message
 * (never containing a credential) when none can be found.
 */
export async function credentialsFromDefaultChain(
  region: string,
): Promise<{ ok: true; credentials: AwsCredentials } | { ok: false; message: string }> {
  const sts = new STSClient({ region });
  try {
    const c = await sts.config.credentials();
    return {
      ok: true,
      credentials: {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      },
    };
  } catch (e) {
    const c = classifyAwsError(e);
    return {
      ok: false,
      message: `No AWS credentials found by the SDK credential chain (${c.message}). Set AWS_PROFILE, or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, e.g. with: eval "$(aws configure export-credentials --format env)"`,
    };
  } finally {
    sts.destroy();
  }
}
