import { describe, expect, it } from "vitest";
import { localizeReason } from "@/lib/checks/reasons";
import { buildOfflineObjects, HEADS_NOT_PASTED, LEFT_OUT, OBJECTS_NOT_PASTED, PAYER_NOT_PASTED } from "./build-objects";
import { EMPTY_DOCUMENTS } from "./form-types";
import { parseHeadObject, parseObjectListing, parseRequestPayment } from "./parse-objects";

const KEY = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const listing = {
  IsTruncated: true,
  NextContinuationToken: "t",
  Contents: [
    {
      Key: "mydata/a.csv",
      LastModified: "2026-01-15T09:00:00+00:00",
      Size: 7,
      StorageClass: "GLACIER",
      Owner: { ID: "c1" },
    },
    { Key: "mydata/b.csv", Size: 2 },
  ],
};

describe("the object and Requester Pays boxes", () => {
  it("read aws s3api list-objects-v2 output as is, or its Contents list", () => {
    const r = parseObjectListing(JSON.stringify(listing, null, 4));
    expect(r).toMatchObject({
      ok: true,
      source: "aws s3api list-objects-v2",
      value: {
        truncated: true,
        objects: [
          { key: "mydata/a.csv", size: 7, storageClass: "GLACIER", ownerCanonicalId: "c1" },
          { key: "mydata/b.csv", size: 2, storageClass: "STANDARD" },
        ],
      },
    });
    expect(parseObjectListing(JSON.stringify(listing.Contents))).toMatchObject({
      ok: true,
      value: { truncated: false },
    });
    expect(parseObjectListing("{}")).toMatchObject({ ok: true, value: { objects: [] } });
    expect(parseObjectListing('{"Contents": [{"Size": 1}]}')).toMatchObject({
      ok: false,
      error: { code: "objects.invalid", path: "$.Contents[0].Key" },
    });
    expect(parseObjectListing("{ not json")).toMatchObject({ ok: false, error: { code: "json.invalid" } });
  });

  it("read aws s3api head-object output, and the 400 a HEAD of an SSE-C object gets", () => {
    const kms = {
      ContentLength: 7,
      ETag: '"e"',
      ServerSideEncryption: "aws:kms",
      SSEKMSKeyId: KEY,
      StorageClass: "GLACIER",
      Restore: 'ongoing-request="false"',
    };
    expect(parseHeadObject(JSON.stringify(kms), "h")).toMatchObject({
      ok: true,
      value: { sse: "aws:kms", kmsKeyId: KEY, storageClass: "GLACIER", restored: true },
    });
    expect(
      parseHeadObject("An error occurred (400) when calling the HeadObject operation: Bad Request", "h"),
    ).toMatchObject({ ok: true, value: { sse: "SSE-C" } });
    expect(parseHeadObject('{"Policy": "{}"}', "h")).toMatchObject({ ok: false, error: { code: "head.invalid" } });
  });

  it("read from a pasted HEAD whether the object was written with an S3 Bucket Key (the CLI prints BucketKeyEnabled only then)", () => {
    const head = { ContentLength: 7, ETag: '"e"', ServerSideEncryption: "aws:kms", SSEKMSKeyId: KEY };
    const value = (o: object) => {
      const r = parseHeadObject(JSON.stringify(o, null, 4), "h");
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    expect(value({ ...head, BucketKeyEnabled: true }).bucketKeyEnabled).toBe(true);
    // written before the bucket's Bucket Key was turned on: S3 sends no header, the CLI prints no field
    expect(value(head).bucketKeyEnabled).toBe(false);
    // DSSE-KMS never uses an S3 Bucket Key; SSE-S3 has no KMS key, so there is nothing to say
    expect(value({ ...head, ServerSideEncryption: "aws:kms:dsse" }).bucketKeyEnabled).toBe(false);
    expect(value({ ContentLength: 7, ServerSideEncryption: "AES256" })).not.toHaveProperty("bucketKeyEnabled");
    // and the snapshot's object carries it
    const built = buildOfflineObjects({
      ...EMPTY_DOCUMENTS,
      objectListing: JSON.stringify(listing),
      objectHeads: [
        { key: "mydata/a.csv", text: JSON.stringify({ ...head, BucketKeyEnabled: true }) },
        { key: "mydata/b.csv", text: JSON.stringify(head) },
      ],
    });
    expect(built.objects?.map((o) => [o.key, o.bucketKeyEnabled])).toEqual([
      ["mydata/a.csv", true],
      ["mydata/b.csv", false],
    ]);
  });

  it("read Requester Pays as the CLI prints it, or as one word", () => {
    expect(parseRequestPayment('{\n    "Payer": "Requester"\n}')).toMatchObject({ ok: true, value: true });
    expect(parseRequestPayment("BucketOwner")).toMatchObject({ ok: true, value: false });
    expect(parseRequestPayment('{"Payer": "Me"}')).toMatchObject({ ok: false, error: { code: "payer.invalid" } });
  });

  it("give the snapshot the listing's objects with each pasted HEAD, and say what was not pasted or left out", () => {
    const head = JSON.stringify({ ContentLength: 7, ETag: '"e"', ServerSideEncryption: "AES256" });
    const built = buildOfflineObjects({
      ...EMPTY_DOCUMENTS,
      objectListing: JSON.stringify(listing),
      objectHeads: [
        { key: "mydata/a.csv", text: head },
        { key: "mydata/other.csv", text: head },
      ],
      requesterPays: "Requester",
    });
    expect(built.errors).toEqual([]);
    expect(built.requesterPays).toBe(true);
    expect(built.objects?.map((o) => [o.key, o.sse])).toEqual([
      ["mydata/a.csv", "AES256"],
      ["mydata/b.csv", undefined],
      ["mydata/other.csv", "AES256"],
    ]);
    expect(built.unavailable).toEqual({});

    const listedOnly = buildOfflineObjects({ ...EMPTY_DOCUMENTS, objectListing: JSON.stringify(listing) });
    expect(listedOnly.unavailable["objects.sse"]).toMatch(/^not provided: paste the output of aws s3api head-object/);
    expect(buildOfflineObjects(EMPTY_DOCUMENTS).unavailable).toMatchObject({
      objects: expect.stringMatching(/^not provided/),
      "bucket.requesterPays": expect.stringMatching(/^not provided/),
    });
    const skipped = buildOfflineObjects({
      ...EMPTY_DOCUMENTS,
      skipObjects: true,
      skipRequesterPays: true,
      objectListing: "junk",
    });
    expect(skipped.errors).toEqual([]);
    expect(skipped.unavailable).toEqual({ objects: LEFT_OUT, "bucket.requesterPays": LEFT_OUT });
    const noKey = buildOfflineObjects({ ...EMPTY_DOCUMENTS, objectHeads: [{ key: "", text: head }] });
    expect(noKey.errors.map((e) => e.field)).toEqual(["objectHeads[0].key"]);
  });

  it("each reason it records reads in Japanese in a Japanese report", () => {
    for (const reason of [LEFT_OUT, OBJECTS_NOT_PASTED, HEADS_NOT_PASTED, PAYER_NOT_PASTED])
      expect(localizeReason(reason).ja, reason).toMatch(/^[^「]*[ぁ-ん]/);
  });
});
