/**
 * The import's source URI, as TiDB Cloud takes it: a folder `s3://bucket/folder/`, a single file
 * `s3://bucket/folder/file.csv`, or a file pattern with `*` / `?` in the last segment `s3://bucket/folder/*.csv`.
 * Console and https URLs are rewritten to the s3:// form.
 */
type BucketUriKind = "folder" | "file" | "pattern";

export interface ParsedBucketUri {
  /** The s3:// form (after any rewrite). */
  uri: string;
  bucket: string;
  /** The folder with its trailing "/" ("" at the bucket root). */
  folder: string;
  kind: BucketUriKind;
  /** For "file": the object key; for "pattern": the key pattern (with * and ?). */
  key?: string;
  /** The input was rewritten from another form (https or console URL). */
  rewrittenFrom?: string;
}

type BucketUriProblem = "empty" | "scheme" | "bucket-name" | "no-folder";

export type BucketUriResult =
  | { ok: true; value: ParsedBucketUri }
  | { ok: false; problem: BucketUriProblem; message: string; value?: ParsedBucketUri };

/** S3 general purpose bucket naming rules (3–63 chars, lowercase letters, digits, dots, hyphens, no IP form). */
function bucketNameProblem(name: string): string | null {
  if (name.length < 3 || name.length > 63) return `must be 3 to 63 characters long (it has ${name.length})`;
  if (/[A-Z]/.test(name)) return "must not contain uppercase letters";
  if (/_/.test(name)) return "must not contain underscores";
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name))
    return "may contain only lowercase letters, digits, dots and hyphens, and must begin and end with a letter or digit";
  if (/\.\./.test(name)) return "must not contain two adjacent dots";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return "must not be formatted as an IP address";
  return null;
}

/** Rewrites console and https URLs to s3:// (returns null when the input is not such a URL). */
function rewriteToS3(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname;
  // Console: https://<region>.console.aws.amazon.com/s3/buckets/<bucket>?prefix=<folder>/
  if (host.endsWith("console.aws.amazon.com")) {
    const m = /\/s3\/(?:buckets|object)\/([^/?#]+)/.exec(url.pathname);
    if (!m) return null;
    const prefix = url.searchParams.get("prefix") ?? "";
    return `s3://${m[1]}/${prefix}`;
  }
  // Virtual-hosted style: https://<bucket>.s3[.<region>].amazonaws.com/<key>
  const vh = /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(host);
  if (vh) return `s3://${vh[1]}${decodeURIComponent(url.pathname)}`;
  // Path style: https://s3[.<region>].amazonaws.com/<bucket>/<key>
  if (/^s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.test(host)) return `s3:/${decodeURIComponent(url.pathname)}`;
  return null;
}

export function parseBucketUri(raw: string | null | undefined): BucketUriResult {
  const input = (raw ?? "").trim();
  if (!input) return { ok: false, problem: "empty", message: "the bucket URI is empty" };
  let uri = input;
  let rewrittenFrom: string | undefined;
  if (!/^s3:\/\//.test(input)) {
    const rewritten = rewriteToS3(input);
    if (rewritten) {
      uri = rewritten;
      rewrittenFrom = input;
    } else if (/^s3[an]?:\/\//i.test(input)) {
      return { ok: false, problem: "scheme", message: `the URI must start with s3:// (not ${input.split("//")[0]}//)` };
    } else if (/^arn:aws[\w-]*:s3:::/.test(input)) {
      uri = "s3://" + input.replace(/^arn:aws[\w-]*:s3:::/, "");
      rewrittenFrom = input;
    } else {
      return { ok: false, problem: "scheme", message: "the URI must have the form s3://bucket/folder/" };
    }
  }
  const rest = uri.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash + 1);
  const badName = bucketNameProblem(bucket);
  const lastSlash = path.lastIndexOf("/");
  const folder = lastSlash < 0 ? "" : path.slice(0, lastSlash + 1);
  const last = path.slice(lastSlash + 1);
  const kind: BucketUriKind = last === "" ? "folder" : /[*?]/.test(last) ? "pattern" : "file";
  const value: ParsedBucketUri = {
    uri: `s3://${bucket}/${path}`,
    bucket,
    folder,
    kind,
    ...(kind !== "folder" ? { key: path } : {}),
    ...(rewrittenFrom ? { rewrittenFrom } : {}),
  };
  if (badName) return { ok: false, problem: "bucket-name", message: `bucket name "${bucket}" ${badName}`, value };
  if (kind === "folder" && folder === "") {
    return {
      ok: false,
      problem: "no-folder",
      message: "the URI must contain the data source folder (s3://bucket/folder/)",
      value,
    };
  }
  return { ok: true, value };
}

/** Whether an object key is part of the import (under the folder, and matching the file or pattern). */
export function keyInTarget(target: ParsedBucketUri, key: string): boolean {
  if (target.kind === "folder") return key.startsWith(target.folder) && key !== target.folder;
  if (target.kind === "file") return key === target.key;
  const re = new RegExp(
    "^" +
      (target.key ?? "")
        .split("")
        .map((c) => (c === "*" ? "[^/]*" : c === "?" ? "[^/]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
        .join("") +
      "$",
  );
  return re.test(key);
}

/** The listing prefix of the import's target: its folder, its file, or its pattern up to the first wildcard. */
export function listPrefix(u: ParsedBucketUri): string {
  return u.kind === "folder" ? u.folder : u.kind === "file" ? (u.key ?? "") : (u.key ?? "").split(/[*?]/)[0];
}
