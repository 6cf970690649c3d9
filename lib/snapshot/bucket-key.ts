/**
 * Whether an object uses an S3 Bucket Key, from a successful HeadObject (live, from the CloudShell bundle, or pasted
 * offline): S3 sends x-amz-server-side-encryption-bucket-key-enabled (SDK and CLI: BucketKeyEnabled) for an object
 * written with one (Amazon S3 User Guide, doc_source/viewing-bucket-key-settings.md: "HeadObject returns the
 * x-amz-server-side-encryption-bucket-key-enabled response header to show whether an S3 Bucket Key is enabled or
 * disabled for the object"; doc_source/bucket-key.md), and leaves it out otherwise, so an aws:kms object whose answer
 * lacks it does not use one. DSSE-KMS never does ("S3 Bucket Keys aren't supported for DSSE-KMS",
 * doc_source/UsingDSSEncryption.md). Undefined for objects without a KMS key (nothing to say). Pure.
 */
export function bucketKeyOf(sse: string | null | undefined, header: boolean | undefined): boolean | undefined {
  if (sse === "aws:kms:dsse") return false;
  if (sse !== "aws:kms") return undefined;
  return header === true;
}
