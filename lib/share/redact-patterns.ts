/**
 * What redaction (redact.ts) recognises in a report, and how it numbers placeholders.
 *
 * Where a path ends: a string that is a URI, an ARN or an object key as a whole (a policy's Resource, the target's
 * URI, a listed object) is one path, whatever its characters. In prose, a path ends at a space, a quote or bracket,
 * and at Japanese punctuation or kana (Japanese writes no space after a path: 「mydata/を指します。」), unless it is
 * one of the paths known as a whole, which are matched first and completely (a key may hold Japanese). So redaction
 * never takes a Japanese sentence for a key, and every object-key placeholder stands for a real path.
 */
export const TIDB_EXTERNAL_ID = /^696e6672612d617069[0-9a-f]{32}$/i;
export const PATH_CHARS = "[^\\s\"'`<>()\\[\\]{},;]*";
// In prose: also not Japanese punctuation (U+3000–303F), hiragana (U+3040–309F: the particle that follows a path) or
// full-width punctuation. Kanji and katakana may be part of a key.
export const PROSE_PATH_CHARS =
  "[^\\s\"'`<>()\\[\\]{},;\\u3000-\\u309f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65]*";
// After a path known as a whole: no more path characters (a full stop ends it unless a letter or digit follows).
export const PATH_END = "(?![A-Za-z0-9_*?/-]|\\.[A-Za-z0-9])";
export const BUCKET_CHARS = "[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?";
export const S3_URI = new RegExp(`s3://(${BUCKET_CHARS})(/${PROSE_PATH_CHARS})?`, "g");
export const S3_ARN = new RegExp(`arn:aws[a-z-]*:s3:::(${BUCKET_CHARS})(/${PROSE_PATH_CHARS})?`, "g");
/** A string that is one URI or ARN as a whole. */
export const WHOLE_S3 = new RegExp(`^(?:s3://|arn:aws[a-z-]*:s3:::)(${BUCKET_CHARS})(/${PATH_CHARS})?$`);
export const ACCESS_KEY = "\\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA|AIPA|ANVA|APKA)[A-Z0-9]{16}\\b";
export const UUID = "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b";
export const MRK = "\\bmrk-[0-9a-fA-F]{32}\\b";
export const ALIAS = "\\balias/(?!aws/)[A-Za-z0-9/_-]+";
export const ACCOUNT = "(?<!\\d)\\d{12}(?!\\d)";

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Placeholders numbered in order of first appearance: the same original always gets the same one. */
export class Numbering {
  private readonly map = new Map<string, string>();
  constructor(private readonly make: (n: number) => string) {}
  get(original: string): string {
    let p = this.map.get(original);
    if (p === undefined) {
      p = this.make(this.map.size + 1);
      this.map.set(original, p);
    }
    return p;
  }
  entries() {
    return [...this.map.entries()];
  }
}
