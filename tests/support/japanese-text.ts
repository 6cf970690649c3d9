/**
 * What makes Japanese output read as Japanese, as a checker: no English sentence (or fragment of one) inside it, and
 * no sentence said twice. Identifiers, ARNs, IAM actions and condition keys, code, commands, URLs, product and
 * service names and console labels quoted as they appear on screen are allowed: TiDB Cloud's Japanese guide writes
 * them so too (「Bucket owner enforced」, **Permission policies**, `s3:GetObject`).
 */

/** Names written in Latin letters in Japanese AWS and TiDB Cloud documentation. Longest first. */
const NAMES = [
  "AWS Key Management Service",
  "AWS Management Console",
  "AWS Organizations",
  "AWS CloudShell",
  "AWS CloudFormation",
  "AWS CLI",
  "Amazon S3",
  "TiDB Cloud",
  "Requester Pays",
  "Object Ownership",
  "Block Public Access",
  "Bucket owner enforced",
  "Bucket owner preferred",
  "Object writer",
  "S3 Glacier Deep Archive",
  "S3 Glacier Flexible Retrieval",
  "Glacier Deep Archive",
  "Intelligent-Tiering",
  "Access Analyzer",
  "Trust relationships",
  "Permission policies",
  "Key users",
  "Key policy",
  "Default encryption",
  "Bucket policy",
  "Revoke active sessions",
  "Markdown",
  "JavaScript",
  "Terraform",
  "CloudFormation",
  "CloudTrail",
  "CloudShell",
  "GitHub",
].sort((a, b) => b.length - a.length);

const FUNCTION_WORDS = new Set(
  (
    "a an the is are was were be been being to of in on at by for from with without and or but not no nor " +
    "this that these those it its it's there here which who what when where why how can cannot could should would " +
    "will may might must has have had do does did done if then than so as into onto over under after before " +
    "please check your you we our they their them he she his her one only also each every any all some more most"
  ).split(" "),
);

/**
 * Quoted text that may stay as it is: a console label (no full stop, at most 10 words, like 「Click here to create new one with AWS
 * CloudFormation」), a message AWS wrote, quoted as such (AWS のメッセージ：「…」), or a statement's Sid.
 */
function quotedAllowed(quoted: string, before: string): boolean {
  if (/(?:メッセージ|エラー)\s*[:：]?\s*$/.test(before)) return true;
  // A statement's Sid is a name the policy's author chose (AWS's own key policies use sentences as Sids).
  if (/\bSid\s*[:：]?\s*$/.test(before)) return true;
  // A label has no full stop and few words; a sentence quoted in English is neither.
  return !/[.!?]\s*$/.test(quoted.trim()) && quoted.trim().split(/\s+/).length <= 10;
}

/** Removes what may stay in Latin letters; what is left is prose. */
function stripAllowed(text: string): string {
  let t = text;
  // Code: `…` and **…** (console labels as the guide marks them).
  t = t.replace(/`[^`]*`|\*\*[^*]+\*\*/g, " ");
  // Quoted: 「…」, 『…』, “…”, "…", '…'.
  t = t.replace(
    /「([^」]*)」|『([^』]*)』|“([^”]*)”|"([^"]*)"|(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])/g,
    (whole, ...groups: unknown[]) => {
      const offset = groups[5] as number;
      const quoted = (groups.slice(0, 5).find((g) => typeof g === "string") as string | undefined) ?? "";
      return quotedAllowed(quoted, t.slice(Math.max(0, offset - 12), offset)) ? " " : whole;
    },
  );
  // URLs, ARNs, URIs, paths, commands' options.
  t = t.replace(/\b(?:https?|s3|file):\/\/\S*|\barn:[^\s、。，）)」]+|--[a-z][\w-]*|\S*\/\S*/g, " ");
  // Commands: aws <service> <command>, and lower-case kebab-case words (get-role-policy, bucket-owner-full-control).
  t = t.replace(/\baws\s+[a-z0-9]+(?:\s+[a-z][a-z0-9-]*)?|\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, " ");
  // IAM actions, condition keys, JSON-ish identifiers (with ':', '.', '_', '=' or digits inside).
  t = t.replace(/[A-Za-z0-9*?_-]*[:._=$<>{}[\]\d][A-Za-z0-9*?:._=$<>{}[\]/-]*/g, " ");
  for (const name of NAMES) t = t.split(name).join(" ");
  return t;
}

export interface LatinFinding {
  /** The English words found, as written. */
  words: string;
  /** The text they were found in. */
  text: string;
}

/**
 * English prose inside a Japanese string: a run of 3 or more Latin words that holds an English function word
 * ("the", "is", "of" …), or a run of 5 or more words of any kind, once the allowed forms are removed.
 */
export function latinSentences(text: string): LatinFinding[] {
  const found: LatinFinding[] = [];
  const prose = stripAllowed(text);
  for (const m of prose.matchAll(/[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/g)) {
    const words = m[0].split(/[ ,]+/);
    const hasFunctionWord = words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()));
    if (hasFunctionWord || words.length >= 5) found.push({ words: m[0], text });
  }
  return found;
}

/** Sentences (ending in 。) said twice in one text. */
export function repeatedSentences(text: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const raw of text.split(/(?<=。)/)) {
    const s = raw.trim();
    if (s.length < 8) continue;
    if (seen.has(s)) repeated.add(s);
    seen.add(s);
  }
  return [...repeated];
}
