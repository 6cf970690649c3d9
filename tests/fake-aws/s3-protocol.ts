// S3: REST-XML, path-style (/bucket, /bucket/key), as the SDK sends it with forcePathStyle.
import { el, t, XML_DECL } from "./xml";
import { FakeAwsError, type Reply, type RequestContext, type Routed } from "./types";
import { canonicalIdOf, type ImportCallName } from "./scenario";
import type { SnapshotObject } from "@/lib/snapshot/schema";

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const LAST_MODIFIED = "2026-01-15T09:00:00.000Z";

function xml(body: string, status = 200): Reply {
  return { status, headers: { "content-type": "application/xml" }, body: XML_DECL + body };
}

interface FakeObject {
  key: string;
  size: number;
  storageClass: string;
  ownerCanonicalId: string;
  sse?: SnapshotObject["sse"];
  kmsKeyId?: string | null;
  bucketKeyEnabled?: boolean | null;
  archiveStatus?: string | null;
  restored?: boolean | null;
  tags?: Record<string, string> | null;
}

function bucketOf(ctx: RequestContext, name: string) {
  const b = ctx.scenario.snapshot.bucket;
  if (!b || !b.exists || b.name !== name)
    throw new FakeAwsError(404, "NoSuchBucket", "The specified bucket does not exist");
  return b;
}

function objectsOf(ctx: RequestContext): FakeObject[] {
  const s = ctx.scenario;
  const ownerCanon = s.snapshot.bucket?.ownerCanonicalId ?? canonicalIdOf(s.snapshot.bucket?.ownerAccountId ?? "0");
  const all: FakeObject[] = [
    ...(s.snapshot.objects ?? []).map((o) => ({
      key: o.key,
      size: o.size ?? 1,
      storageClass: o.storageClass ?? "STANDARD",
      ownerCanonicalId: o.ownerCanonicalId ?? (o.ownerAccountId ? canonicalIdOf(o.ownerAccountId) : ownerCanon),
      sse: o.sse,
      kmsKeyId: o.kmsKeyId,
      bucketKeyEnabled: o.bucketKeyEnabled,
      archiveStatus: o.archiveStatus,
      restored: o.restored,
      tags: o.tags,
    })),
    ...(s.extraObjects ?? []).map((o) => ({
      key: o.key,
      size: o.size ?? 1,
      storageClass: o.storageClass ?? "STANDARD",
      ownerCanonicalId: o.ownerCanonicalId ?? ownerCanon,
      sse: "AES256" as const,
    })),
  ];
  return all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function errorBody(e: FakeAwsError): string {
  return `${XML_DECL}<Error><Code>${e.code}</Code><Message>${t(e.message)}</Message><RequestId>FAKEREQUESTID</RequestId><HostId>fake</HostId></Error>`;
}

/** The import's ground-truth calls: which of the import's calls this S3 operation is. */
export function importCallOf(op: string): ImportCallName | undefined {
  return op === "s3:GetBucketLocation"
    ? "GetBucketLocation"
    : op === "s3:ListObjectsV2"
      ? "ListObjectsV2"
      : op === "s3:GetObject"
        ? "GetObject"
        : undefined;
}

export function routeS3(method: string, url: URL, headers: Record<string, string | string[] | undefined>): Routed {
  const [, bucketRaw = "", ...keyParts] = url.pathname.split("/");
  const bucket = decodeURIComponent(bucketRaw);
  const key = keyParts.map(decodeURIComponent).join("/");
  const q = url.searchParams;
  const isHead = method === "HEAD";
  let op = "s3:Unknown";
  let handle: (ctx: RequestContext) => Reply = () => {
    throw new FakeAwsError(
      400,
      "NotImplemented",
      `The fake endpoint does not implement ${method} ${url.pathname}${url.search}`,
    );
  };

  if (!bucket) {
    op = "s3:ListBuckets";
  } else if (!key) {
    if (isHead) {
      op = "s3:HeadBucket";
      handle = (ctx) => {
        const b = bucketOf(ctx, bucket);
        const expected = headers["x-amz-expected-bucket-owner"];
        if (expected && expected !== b.ownerAccountId) throw new FakeAwsError(403, "AccessDenied", "Access Denied");
        return { status: 200, headers: { "x-amz-bucket-region": b.region ?? "us-east-1" } };
      };
    } else if (q.has("location")) {
      op = "s3:GetBucketLocation";
      handle = (ctx) => {
        const b = bucketOf(ctx, bucket);
        const region = b.region === "us-east-1" ? "" : (b.region ?? "");
        return xml(`<LocationConstraint ${NS}>${t(region)}</LocationConstraint>`);
      };
    } else if (q.has("policy")) {
      op = "s3:GetBucketPolicy";
      handle = (ctx) => {
        const b = bucketOf(ctx, bucket);
        if (!b.policy) throw new FakeAwsError(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
        return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(b.policy) };
      };
    } else if (q.has("ownershipControls")) {
      op = "s3:GetBucketOwnershipControls";
      handle = (ctx) => {
        const b = bucketOf(ctx, bucket);
        if (!b.objectOwnership || b.objectOwnership === "ObjectWriter") {
          throw new FakeAwsError(404, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found");
        }
        return xml(
          `<OwnershipControls ${NS}><Rule><ObjectOwnership>${b.objectOwnership}</ObjectOwnership></Rule></OwnershipControls>`,
        );
      };
    } else if (q.has("encryption")) {
      op = "s3:GetBucketEncryption";
      handle = (ctx) => {
        const e = bucketOf(ctx, bucket).encryption;
        if (!e)
          throw new FakeAwsError(
            404,
            "ServerSideEncryptionConfigurationNotFoundError",
            "The server side encryption configuration was not found",
          );
        return xml(
          `<ServerSideEncryptionConfiguration ${NS}>` +
            el("Rule", [
              el("ApplyServerSideEncryptionByDefault", [
                el("SSEAlgorithm", e.algorithm),
                el("KMSMasterKeyID", t(e.kmsKeyId)),
              ]),
              el("BucketKeyEnabled", String(Boolean(e.bucketKeyEnabled))),
            ]) +
            `</ServerSideEncryptionConfiguration>`,
        );
      };
    } else if (q.has("requestPayment")) {
      op = "s3:GetBucketRequestPayment";
      handle = (ctx) => {
        const b = bucketOf(ctx, bucket);
        return xml(
          `<RequestPaymentConfiguration ${NS}><Payer>${b.requesterPays ? "Requester" : "BucketOwner"}</Payer></RequestPaymentConfiguration>`,
        );
      };
    } else if (q.has("tagging")) {
      op = "s3:GetBucketTagging";
      handle = (ctx) => {
        const tags = Object.entries(bucketOf(ctx, bucket).tags ?? {});
        // A bucket without tags answers NoSuchTagSet, as S3 does.
        if (!tags.length) throw new FakeAwsError(404, "NoSuchTagSet", "The TagSet does not exist");
        const set = tags.map(([k, v]) => el("Tag", [el("Key", t(k)), el("Value", t(v))])).join("");
        return xml(`<Tagging ${NS}><TagSet>${set}</TagSet></Tagging>`);
      };
    } else if (q.has("acl")) {
      op = "s3:GetBucketAcl";
      handle = (ctx) => {
        const b = bucketOf(ctx, bucket);
        const id = b.ownerCanonicalId ?? canonicalIdOf(b.ownerAccountId ?? "0");
        return xml(
          `<AccessControlPolicy ${NS}><Owner><ID>${id}</ID></Owner><AccessControlList><Grant>` +
            `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${id}</ID></Grantee>` +
            `<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`,
        );
      };
    } else if (q.get("list-type") === "2") {
      op = "s3:ListObjectsV2";
      handle = (ctx) => {
        bucketOf(ctx, bucket);
        const prefix = q.get("prefix") ?? "";
        const max = Number(q.get("max-keys") ?? 1000);
        const fetchOwner = q.get("fetch-owner") === "true";
        const matching = objectsOf(ctx).filter((o) => o.key.startsWith(prefix));
        const page = matching.slice(0, max);
        return xml(
          `<ListBucketResult ${NS}>` +
            el("Name", t(bucket)) +
            el("Prefix", t(prefix)) +
            el("KeyCount", page.length) +
            el("MaxKeys", max) +
            el("IsTruncated", String(matching.length > page.length)) +
            (matching.length > page.length ? el("NextContinuationToken", "fake-next") : "") +
            page
              .map((o) =>
                el("Contents", [
                  el("Key", t(o.key)),
                  el("LastModified", LAST_MODIFIED),
                  el("ETag", "&quot;fakeetag&quot;"),
                  el("Size", o.size),
                  fetchOwner ? el("Owner", el("ID", o.ownerCanonicalId)) : "",
                  el("StorageClass", t(o.storageClass)),
                ]),
              )
              .join("") +
            `</ListBucketResult>`,
        );
      };
    }
  } else {
    const find = (ctx: RequestContext) => {
      bucketOf(ctx, bucket);
      const o = objectsOf(ctx).find((x) => x.key === key);
      if (!o) throw new FakeAwsError(404, "NoSuchKey", "The specified key does not exist.");
      // Without its customer key, an SSE-C object answers 400 Bad Request.
      if (o.sse === "SSE-C" && !headers["x-amz-server-side-encryption-customer-algorithm"]) {
        throw new FakeAwsError(
          400,
          "InvalidRequest",
          "The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.",
        );
      }
      return o;
    };
    const objectHeaders = (o: FakeObject): Record<string, string> => ({
      "last-modified": new Date(LAST_MODIFIED).toUTCString(),
      etag: '"fakeetag"',
      ...(o.sse && o.sse !== "SSE-C" ? { "x-amz-server-side-encryption": o.sse } : {}),
      ...(o.kmsKeyId ? { "x-amz-server-side-encryption-aws-kms-key-id": o.kmsKeyId } : {}),
      // S3 sends it for an object written with an S3 Bucket Key, and leaves it out otherwise.
      ...(o.bucketKeyEnabled ? { "x-amz-server-side-encryption-bucket-key-enabled": "true" } : {}),
      ...(o.storageClass && o.storageClass !== "STANDARD" ? { "x-amz-storage-class": o.storageClass } : {}),
      ...(o.archiveStatus ? { "x-amz-archive-status": o.archiveStatus } : {}),
      ...(o.restored === true
        ? { "x-amz-restore": 'ongoing-request="false", expiry-date="Fri, 01 Jan 2027 00:00:00 GMT"' }
        : {}),
      ...(o.restored === false ? { "x-amz-restore": 'ongoing-request="true"' } : {}),
    });
    if (method === "GET" && q.has("tagging")) {
      // Tags need no decryption: an SSE-C object answers without its customer key.
      op = "s3:GetObjectTagging";
      handle = (ctx) => {
        bucketOf(ctx, bucket);
        const o = objectsOf(ctx).find((x) => x.key === key);
        if (!o) throw new FakeAwsError(404, "NoSuchKey", "The specified key does not exist.");
        const tags = Object.entries(o.tags ?? {})
          .map(([k, v]) => el("Tag", [el("Key", t(k)), el("Value", t(v))]))
          .join("");
        return xml(`<Tagging ${NS}><TagSet>${tags}</TagSet></Tagging>`);
      };
    } else if (isHead) {
      op = "s3:HeadObject";
      handle = (ctx) => {
        const o = find(ctx);
        return { status: 200, headers: { "content-length": String(o.size), ...objectHeaders(o) } };
      };
    } else if (method === "GET") {
      op = "s3:GetObject";
      handle = (ctx) => {
        const o = find(ctx);
        if (/GLACIER|DEEP_ARCHIVE/.test(o.storageClass) && o.restored !== true) {
          throw new FakeAwsError(
            403,
            "InvalidObjectState",
            "The operation is not valid for the object's storage class",
          );
        }
        const range = headers["range"];
        if (range === "bytes=0-0") {
          return {
            status: 206,
            headers: { "content-range": `bytes 0-0/${o.size}`, "content-length": "1", ...objectHeaders(o) },
            body: Buffer.from("x"),
          };
        }
        return {
          status: 200,
          headers: { "content-length": String(o.size), ...objectHeaders(o) },
          body: Buffer.alloc(o.size, "x"),
        };
      };
    }
  }
  return {
    op,
    handle,
    error: (e) =>
      isHead
        ? { status: e.status }
        : { status: e.status, headers: { "content-type": "application/xml" }, body: errorBody(e) },
    malformed: () =>
      isHead
        ? { status: 500 }
        : { status: 200, headers: { "content-type": "application/xml" }, body: "<<<this is not XML" },
  };
}
