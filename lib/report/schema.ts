import { z } from "zod";
import { CHECK_IDS } from "@/lib/checks/ids";
import { TargetSchema } from "@/lib/snapshot/schema";
import { STATUSES, STEPS } from "./vocabulary";

/**
 * The report (v1) as a schema: the one definition of its shape. `type Report` and its parts are inferred from it
 * (lib/report/types.ts), the share API validates what it receives and what it loads with it, and every field a
 * renderer reads is checked here, so that a report that passes can be drawn by every surface.
 *
 * Objects are loose (unknown fields are kept) so that later optional fields of a report survive a share; the fields
 * named here are strict.
 */

const text = (max: number) => z.string().max(max);
const lines = z.array(text(4096)).max(50);
const JsonObject = z.record(z.string(), z.unknown());

/** A finding's text in one language. */
export const FindingTextSchema = z.looseObject({
  title: text(2000),
  detail: text(50_000),
  unavailable: text(4000).optional(),
  /** The fix's console steps and notes, when the fix has them. */
  console: lines.optional(),
  notes: lines.optional(),
  /** The fix's command in this language, when it carries a comment line (the account that runs it). */
  cli: text(16_384).optional(),
  /** The same for each of the fix's alternatives, in their order. */
  alternativesCli: z.array(text(16_384)).max(20).optional(),
});

/** Where in which document the deciding statement is; other fields are free-form facts a finding wants to keep. */
export const EvidenceSchema = z.looseObject({
  /** e.g. "trust-policy", "role-policy:s3-read", "bucket-policy", "key-policy:<arn>" */
  document: text(2048).optional(),
  statement: z.number().int().min(0).max(10_000).optional(),
  sid: text(2048).optional(),
  /** Condition keys whose unknown value left the decision open. */
  unknownKeys: z.array(text(256)).max(100).optional(),
});

/** A corrected document as infrastructure code. */
const SnippetSchema = z.looseObject({
  code: text(100_000),
  /** aws_iam_role_policy, AWS::IAM::Role … */
  resource: text(200),
  /** assume_role_policy, PolicyDocument … */
  property: text(200),
});

const FixFields = {
  /** Document name per the catalogue: trust-policy, role-policy:<name>, bucket-policy, object-ownership … */
  document: text(2048),
  before: JsonObject.nullable(),
  after: JsonObject.nullable(),
  /** AWS CLI command that applies `after` (expects the JSON saved as the file it names). */
  cli: text(16_384),
  /** Console steps, for settings (ownership, encryption) and where the guide gives them. */
  console: lines.optional(),
  /**
   * Ids of earlier findings whose fixes already changed this document in the same report: `before` is the document
   * as they left it and `after` includes their changes, so the last fix of a document is the complete document.
   */
  includesFixesOf: z.array(z.enum(CHECK_IDS)).max(1000).optional(),
  /** Notes that go with the fix (e.g. existing objects keep their old key until re-copied). */
  notes: lines.optional(),
  /**
   * When the bucket or a key is in another account than the importing principal: the account that runs `cli` (the
   * bucket owner for the bucket policy and settings, the key's account for its key policy, the principal's account
   * for trust and identity policies). `cli` then starts with a comment line naming it.
   */
  account: text(64).optional(),
  /**
   * The same change where people manage IAM as code: the Terraform resource (HCL, the policy as jsonencode) and the
   * CloudFormation template fragment (YAML) that hold `after`, with the resource type and the argument or property
   * that changes (lib/fixes/iac). Absent where neither has one (CloudFormation has no Requester Pays).
   */
  terraform: SnippetSchema.optional(),
  cloudformation: SnippetSchema.extend({ logicalId: text(256) }).optional(),
  /**
   * The resource this fix edits was made by a CloudFormation stack (its aws:cloudformation:* tags, read live): the
   * change belongs in the stack's template, since a console or CLI edit is reverted by the stack's next update.
   */
  stack: z
    .looseObject({
      stackName: text(256),
      logicalId: text(256),
      stackId: text(2048).optional(),
      /** What the stack made: AWS::IAM::Role, AWS::IAM::User, AWS::IAM::ManagedPolicy, AWS::S3::Bucket, AWS::KMS::Key. */
      resourceType: text(256).optional(),
      /** Its name or ARN. */
      name: text(2048).optional(),
    })
    .optional(),
};

/**
 * A fix: the corrected document and how to apply it. `alternatives` are other ways to the same result, each set
 * applied instead of this fix (e.g. the guide's key user in the key policy instead of an identity-policy change).
 */
export const FixSchema = z.looseObject({
  ...FixFields,
  alternatives: z.array(z.looseObject(FixFields)).max(20).optional(),
});

export const FindingSchema = z.looseObject({
  /** The check's id (lib/checks/ids.ts): the report of a catalogue that has no such check is not this version's. */
  id: z.enum(CHECK_IDS),
  step: z.enum(STEPS),
  status: z.enum(STATUSES),
  title: text(2000),
  detail: text(50_000),
  evidence: EvidenceSchema.optional(),
  fix: FixSchema.optional(),
  /** For `unknown`: the IAM action or document that would settle it. */
  unavailable: text(4000).optional(),
  /**
   * The same text in the report's other languages, so that a shared report reads in the viewer's language
   * (`title`, `detail` and `unavailable` above are in the language the report was made in). Other languages a later
   * version may add are kept as they are.
   */
  translations: z.looseObject({ en: FindingTextSchema.optional(), ja: FindingTextSchema.optional() }).optional(),
});

const count = z.number().int().min(0).max(1_000_000);
const SummarySchema = z.object({ pass: count, fail: count, warn: count, unknown: count, skipped: count });

export const ReportSchema = z
  .looseObject({
    version: z.literal(1),
    target: TargetSchema.loose(),
    findings: z.array(FindingSchema).max(1000),
    /** Findings per status: must agree with the findings. */
    summary: SummarySchema,
    /** ISO time of the analysis. */
    generatedAt: text(100).optional(),
  })
  .superRefine((report, ctx) => {
    const seen = new Set<string>();
    report.findings.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: "custom", path: ["findings", i, "id"], message: "the id is repeated" });
      seen.add(f.id);
    });
    for (const s of STATUSES) {
      const n = report.findings.filter((f) => f.status === s).length;
      if (report.summary[s] !== n)
        ctx.addIssue({
          code: "custom",
          path: ["summary", s],
          message: `is ${report.summary[s]}, the findings say ${n}`,
        });
    }
  });
