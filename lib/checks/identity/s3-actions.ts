import { actionCheck } from "./action-check";
import { l } from "../types";

const objectResource = (bucketArn: string, folder: string) => `${bucketArn}/${folder}*`;

export const identityListBucket = actionCheck({
  id: "identity.list-bucket",
  step: "identity-policy",
  title: l(
    "s3:ListBucket is allowed on the bucket for the folder",
    "バケットに対する s3:ListBucket がフォルダーについて許可されている",
  ),
  deniedTitle: l(
    "s3:ListBucket is not allowed for the import's folder",
    "インポートするフォルダーに対する s3:ListBucket が許可されていません",
  ),
  missing: "fail",
  requests: (ctx) => ctx.derived.s3Requests.filter((r) => r.action === "s3:ListBucket"),
  grant: (ctx) => ({ actions: ["s3:ListBucket"], resource: ctx.derived.bucketArn!, sid: "TiDBCloudImportBucket" }),
});

export const identityGetBucketLocation = actionCheck({
  id: "identity.get-bucket-location",
  step: "identity-policy",
  title: l("s3:GetBucketLocation is allowed on the bucket", "バケットに対する s3:GetBucketLocation が許可されている"),
  deniedTitle: l(
    "s3:GetBucketLocation is not allowed on the bucket",
    "バケットに対する s3:GetBucketLocation が許可されていません",
  ),
  missing: "fail",
  requests: (ctx) => ctx.derived.s3Requests.filter((r) => r.action === "s3:GetBucketLocation"),
  grant: (ctx) => ({
    actions: ["s3:GetBucketLocation"],
    resource: ctx.derived.bucketArn!,
    sid: "TiDBCloudImportBucket",
  }),
});

export const identityGetObject = actionCheck({
  id: "identity.get-object",
  step: "identity-policy",
  title: l(
    "s3:GetObject is allowed on the objects under the folder",
    "フォルダー内のオブジェクトに対する s3:GetObject が許可されている",
  ),
  deniedTitle: l(
    "s3:GetObject is not allowed on the objects to import",
    "インポートするオブジェクトに対する s3:GetObject が許可されていません",
  ),
  missing: "fail",
  requests: (ctx) => ctx.derived.s3Requests.filter((r) => r.action === "s3:GetObject"),
  grant: (ctx) => ({
    actions: ctx.snapshot.target.mode === "role" ? ["s3:GetObject", "s3:GetObjectVersion"] : ["s3:GetObject"],
    resource: objectResource(ctx.derived.bucketArn!, ctx.derived.target!.folder),
    sid: "TiDBCloudImportObjects",
  }),
});

export const identityGetObjectVersion = actionCheck({
  id: "identity.get-object-version",
  step: "identity-policy",
  title: l(
    "s3:GetObjectVersion is allowed, as the guide recommends",
    "ガイドの推奨どおり s3:GetObjectVersion が許可されている",
  ),
  deniedTitle: l(
    "s3:GetObjectVersion is not allowed (the guide recommends it)",
    "s3:GetObjectVersion が許可されていません（ガイドで推奨されています）",
  ),
  missing: "warn",
  skip: (ctx) =>
    ctx.snapshot.target.mode === "role"
      ? null
      : {
          status: "skipped",
          detail: l(
            "Access-key mode: the guide asks for s3:GetObjectVersion in role mode only.",
            "アクセスキー方式では s3:GetObjectVersion は不要です（ロール方式のみ推奨）。",
          ),
        },
  requests: (ctx) => ctx.derived.s3Requests.filter((r) => r.action === "s3:GetObjectVersion"),
  grant: (ctx) => ({
    actions: ["s3:GetObjectVersion"],
    resource: objectResource(ctx.derived.bucketArn!, ctx.derived.target!.folder),
    sid: "TiDBCloudImportObjects",
  }),
});
