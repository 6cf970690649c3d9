/**
 * Reads the infrastructure code a fix carries with parsers of its own format, as Terraform and CloudFormation would:
 * HCL with HashiCorp's own parser (@cdktn/hcl2json, the maintained continuation of HashiCorp's archived @cdktf/hcl2json: Go's hcl/v2 compiled to WebAssembly), YAML with the `yaml`
 * package as YAML 1.1 with CloudFormation's intrinsic function tags declared.
 */
import { getExpressionAst, parse as parseHcl } from "@cdktn/hcl2json";
import { parse as parseYaml, type Tags } from "yaml";

/** One `resource "type" "label" { … }` block of an HCL file, its arguments as hcl2json gives them. */
export interface HclResource {
  type: string;
  label: string;
  body: Record<string, unknown>;
}

/** The resource blocks of an HCL file (throws when the file is not HCL). */
export async function terraformResources(code: string): Promise<HclResource[]> {
  const json = (await parseHcl("main.tf", code)) as { resource?: Record<string, Record<string, unknown[]>> };
  const out: HclResource[] = [];
  for (const [type, byLabel] of Object.entries(json.resource ?? {}))
    for (const [label, bodies] of Object.entries(byLabel))
      for (const body of bodies) out.push({ type, label, body: body as Record<string, unknown> });
  return out;
}

/** A template's text read as HCL's scanner does, left to right: "$${" and "%%{" are literals, "${" and "%{" start a sequence. */
function templateLiteral(s: string, path: string): string {
  let out = "";
  for (let i = 0; i < s.length;) {
    const three = s.slice(i, i + 3);
    if (three === "$${" || three === "%%{") {
      out += three.slice(1);
      i += 3;
    } else if (three.startsWith("${") || three.startsWith("%{")) {
      throw new Error(`${path}: Terraform would evaluate ${JSON.stringify(s)}`);
    } else {
      out += s[i];
      i += 1;
    }
  }
  return out;
}

/**
 * A value as hcl2json writes it (Terraform's JSON syntax, where a string is a template): what Terraform would make
 * of it. A template with an interpolation or a directive throws (Terraform would evaluate it, not keep it).
 */
export function literalOf(v: unknown, path = "$"): unknown {
  if (typeof v === "string") return templateLiteral(v, path);
  if (Array.isArray(v)) return v.map((x, i) => literalOf(x, `${path}[${i}]`));
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [literalOf(k, path), literalOf(x, `${path}.${k}`)]));
  return v;
}

/**
 * The document inside `jsonencode(…)`: the argument's expression is found with HCL's own expression parser and read
 * again as the value of an attribute, so that what is compared is what Terraform would encode.
 */
export async function jsonencodeArgument(expression: unknown): Promise<unknown> {
  if (typeof expression !== "string" || !expression.startsWith("${") || !expression.endsWith("}"))
    throw new Error(`not an expression: ${String(expression).slice(0, 80)}`);
  const source = expression.slice(2, -1);
  const call = (await getExpressionAst("main.tf", source)) as {
    type: string;
    meta: { name?: string; argsRanges?: { start: { byte: number }; end: { byte: number } }[] };
  } | null;
  if (!call || call.type !== "function" || call.meta.name !== "jsonencode" || call.meta.argsRanges?.length !== 1)
    throw new Error(`not a call of jsonencode with one argument: ${source.slice(0, 80)}`);
  const { start, end } = call.meta.argsRanges[0];
  const bytes = Buffer.from(source, "utf8");
  const arg = bytes.subarray(start.byte, end.byte).toString("utf8");
  const parsed = (await parseHcl("arg.tf", `v = ${arg}\n`)) as { v: unknown };
  return literalOf(parsed.v);
}

/** CloudFormation's short-form intrinsic functions, so that a template that uses them parses. */
const INTRINSICS = [
  "Ref",
  "Sub",
  "GetAtt",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "FindInMap",
  "GetAZs",
  "ImportValue",
  "Base64",
  "Cidr",
  "Condition",
  "Transform",
];
const CFN_TAGS: Tags = INTRINSICS.flatMap((name) =>
  (["scalar", "seq", "map"] as const).map((nodeClass) => ({
    tag: `!${name}`,
    nodeClass: nodeClass === "scalar" ? undefined : undefined,
    collection: nodeClass === "scalar" ? undefined : nodeClass,
    resolve: (value: unknown) => ({ [name === "Ref" || name === "Condition" ? name : `Fn::${name}`]: value }),
  })),
) as unknown as Tags;

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/**
 * A CloudFormation template in YAML, parsed as CloudFormation reads it (YAML 1.1, intrinsic tags known). A YAML 1.2
 * reader must read the very same values (a plain 1e10 or yes would differ): throws when it does not.
 */
export function cloudFormationTemplate(code: string): Template {
  const read = (version: "1.1" | "1.2") =>
    parseYaml(code, { version, customTags: CFN_TAGS, strict: true, uniqueKeys: true, prettyErrors: true }) as Template;
  const v11 = read("1.1");
  const v12 = read("1.2");
  if (JSON.stringify(v11) !== JSON.stringify(v12))
    throw new Error(`YAML 1.1 and 1.2 read this template differently:\n${code}`);
  return v11;
}
