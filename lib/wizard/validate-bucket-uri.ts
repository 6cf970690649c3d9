/** The bucket URI field: what is wrong with it, and the URI the user most likely meant. */
import { parseBucketUri } from "@/lib/snapshot/bucket-uri";
import { cleanupFix, invalid, note, type InputProblem } from "./input-problem";

export function bucketUriProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  const r = parseBucketUri(v);
  if (r.ok) {
    if (r.value.rewrittenFrom) return note("bucketUri.url", { suggestion: r.value.uri });
    // S3 keys may hold spaces, but one in a pasted URI is usually a mistake.
    if (/\s/.test(v)) {
      const compact = v.replace(/\s+/g, "");
      if (parseBucketUri(compact).ok) return note("spaces", { suggestion: compact });
    }
    const last = (r.value.key ?? "").split("/").pop() ?? "";
    // "s3://bucket/mydata" names one file called mydata; a folder ends with "/".
    if (r.value.kind === "file" && !last.includes(".")) {
      return note("bucketUri.folder-slash", { suggestion: `${r.value.uri}/`, params: { name: last } });
    }
    return null;
  }
  const parses = (u: string) => parseBucketUri(u).ok;
  const fix = cleanupFix(v, parses, "live");
  if (fix) return fix;
  if (/^s3:\/(?!\/)/i.test(v)) {
    const s = `s3://${v.slice(4)}`;
    return invalid("bucketUri.single-slash", "live", parses(s) ? { suggestion: s } : {});
  }
  if (r.problem === "scheme") {
    const withScheme = /^s3:\/\//i.test(v) ? `s3://${v.slice(5)}` : `s3://${v.replace(/^\/+/, "")}`;
    return invalid("bucketUri.scheme", "live", parses(withScheme) ? { suggestion: withScheme } : {});
  }
  if (r.problem === "bucket-name" && r.value) {
    const { bucket, uri } = r.value;
    const lower = uri.replace(`s3://${bucket}`, `s3://${bucket.toLowerCase()}`);
    return invalid("bucketUri.bucket-name", "live", {
      params: { bucket },
      ...(lower !== uri && parses(lower) ? { suggestion: lower } : {}),
    });
  }
  // No folder (s3://bucket/): TiDB Cloud imports from a folder; the live reader still reads the bucket.
  return invalid(r.problem === "no-folder" ? "bucketUri.no-folder" : "bucketUri.scheme", "none");
}
