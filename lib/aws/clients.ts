import "server-only";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { endpointOverride } from "./endpoints";
import { partitionOf } from "@/lib/policy/regions";
import { iamSigningRegion } from "./regions";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientOptions {
  /** Per-call timeout: connection and socket inactivity, each attempt. */
  callTimeoutMs: number;
  /** Attempts per call, including the first (bounded retries with exponential backoff and jitter). */
  maxAttempts: number;
}

export const DEFAULT_CLIENT_OPTIONS: ClientOptions = { callTimeoutMs: 5_000, maxAttempts: 3 };

/**
 * The clients of one diagnosis, created from the credentials given for it (never module-level, never shared
 * between requests). Regional clients are made on demand (a KMS key may live in another region than the bucket).
 * `destroy()` closes every connection; call it when the run ends.
 */
export class AwsClients {
  private readonly made: { destroy(): void }[] = [];
  private readonly s3ByRegion = new Map<string, S3Client>();
  private readonly kmsByRegion = new Map<string, KMSClient>();
  private readonly stsByRegion = new Map<string, STSClient>();
  private iamClient?: IAMClient;

  constructor(
    private readonly credentials: AwsCredentials,
    private readonly defaultRegion: string,
    private readonly options: ClientOptions = DEFAULT_CLIENT_OPTIONS,
  ) {}

  private base(region: string) {
    // Copy the credentials into a fresh object so that the SDK never holds the caller's object.
    const { accessKeyId, secretAccessKey, sessionToken } = this.credentials;
    return {
      region,
      credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      maxAttempts: this.options.maxAttempts,
      retryMode: "standard",
      requestHandler: {
        connectionTimeout: this.options.callTimeoutMs,
        requestTimeout: this.options.callTimeoutMs,
        throwOnRequestTimeout: true,
      },
    } as const;
  }

  iam(): IAMClient {
    if (!this.iamClient) {
      const endpoint = endpointOverride("iam");
      this.iamClient = new IAMClient({
        ...this.base(iamSigningRegion(partitionOf(this.defaultRegion))),
        ...(endpoint ? { endpoint } : {}),
      });
      this.made.push(this.iamClient);
    }
    return this.iamClient;
  }

  sts(region = this.defaultRegion): STSClient {
    let c = this.stsByRegion.get(region);
    if (!c) {
      const endpoint = endpointOverride("sts");
      c = new STSClient({ ...this.base(region), ...(endpoint ? { endpoint } : {}) });
      this.stsByRegion.set(region, c);
      this.made.push(c);
    }
    return c;
  }

  s3(region = this.defaultRegion): S3Client {
    let c = this.s3ByRegion.get(region);
    if (!c) {
      const endpoint = endpointOverride("s3");
      c = new S3Client({
        ...this.base(region),
        // A bucket in another region answers 301 with its region: the SDK then retries there.
        followRegionRedirects: true,
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      });
      this.s3ByRegion.set(region, c);
      this.made.push(c);
    }
    return c;
  }

  kms(region = this.defaultRegion): KMSClient {
    let c = this.kmsByRegion.get(region);
    if (!c) {
      const endpoint = endpointOverride("kms");
      c = new KMSClient({ ...this.base(region), ...(endpoint ? { endpoint } : {}) });
      this.kmsByRegion.set(region, c);
      this.made.push(c);
    }
    return c;
  }

  destroy(): void {
    for (const c of this.made.splice(0)) c.destroy();
    this.s3ByRegion.clear();
    this.kmsByRegion.clear();
    this.stsByRegion.clear();
    this.iamClient = undefined;
  }
}
