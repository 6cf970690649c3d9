/** `collect`: reads the live AWS account and prints the snapshot (JSON), to save, edit and analyse offline. */
import { CliUsageError, parseCliArgs } from "../args";
import { useColour as colourWanted } from "../colour";
import { collectSnapshot, CollectInputError } from "@/lib/aws/collect";
import { credentialsFromDefaultChain } from "@/lib/aws/default-credentials";
import { progressLine } from "../progress-line";
import { optionForField, targetFromOptions } from "../target-options";
import type { Snapshot } from "@/lib/snapshot/schema";

export const LIVE_OPTIONS = {
  "bucket-uri": { type: "string" },
  "role-arn": { type: "string" },
  "external-id": { type: "string" },
  "tidb-account-id": { type: "string" },
  "access-key-id": { type: "string" },
  region: { type: "string" },
  "error-message": { type: "string" },
  "import-secret-env": { type: "string" },
  "deadline-seconds": { type: "string" },
  progress: { type: "boolean" },
  simulate: { type: "boolean" },
  json: { type: "boolean" },
} as const;

export const LIVE_OPTIONS_HELP = `  --bucket-uri URI          the import's source, e.g. s3://bucket/folder/ (required)
  --role-arn ARN            role mode: the role TiDB Cloud assumes (with --external-id)
  --external-id ID          role mode: this cluster's TiDB Cloud External ID
  --tidb-account-id ID      role mode: TiDB Cloud's AWS account id, when not the usual one
  --access-key-id ID        access-key mode: the import's access key id (the key itself is found from the id)
  --region R                the bucket's region (default: found from the bucket)
  --error-message TEXT      the error text TiDB Cloud showed, if any
  --import-secret-env NAME  access-key mode: name of an environment variable holding the import key's secret;
                            the import's own calls are then made with it (ground truth). Never pass a secret as
                            an argument: it would be visible to other users of the machine.
  --deadline-seconds N      one deadline for the whole read (default 30)
  --progress                progress lines on stderr even when it is not a terminal
  --simulate                also ask AWS's policy simulator (iam:SimulatePrincipalPolicy) for its verdict on the
                            import's requests, shown beside this tool's (check aws.simulation)`;

/** Said after the options of every live command. */
export const LIVE_CREDENTIALS_HELP = `The diagnosing credentials come from the standard AWS SDK credential chain (environment, AWS_PROFILE, SSO …);
they need only the read-only policy shown in the README ("Live diagnosis").`;

export const usage = `Usage: npm run --silent cli -- collect --bucket-uri URI (--role-arn ARN --external-id ID | --access-key-id ID) [options]

Reads the live AWS account and prints the snapshot (JSON) that \`analyze --snapshot\` reads.

Options:
${LIVE_OPTIONS_HELP}

${LIVE_CREDENTIALS_HELP}

Exit status: 0 when the snapshot was read (reads that failed are listed in its "unavailable"), 2 for bad input.`;

type LiveValues = {
  [K in keyof typeof LIVE_OPTIONS]?: (typeof LIVE_OPTIONS)[K]["type"] extends "boolean" ? boolean : string;
};

/** Shared by `collect` and `diagnose`: parses the options, resolves the credentials and reads the account. */
export async function collectFromArgv(argv: string[]): Promise<{ snapshot: Snapshot; values: LiveValues } | number> {
  const { values } = parseCliArgs(argv, LIVE_OPTIONS) as { values: LiveValues };
  const t = targetFromOptions(values);
  if (!t.ok) throw new CliUsageError(t.message);
  let importSecret: string | undefined;
  if (values["import-secret-env"]) {
    importSecret = process.env[values["import-secret-env"]];
    if (!importSecret)
      throw new CliUsageError(
        `--import-secret-env: the environment variable ${values["import-secret-env"]} is not set`,
      );
    if (t.target.mode !== "access-key") throw new CliUsageError("--import-secret-env: only with --access-key-id");
  }
  const deadline = values["deadline-seconds"] === undefined ? 30 : Number(values["deadline-seconds"]);
  if (!Number.isFinite(deadline) || deadline <= 0)
    throw new CliUsageError("--deadline-seconds: a positive number of seconds");

  // The SDK's notice about future Node versions is not for the users of this command.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const region = values.region ?? "us-east-1";
  const creds = await credentialsFromDefaultChain(region);
  if (!creds.ok) {
    process.stderr.write(creds.message + "\n");
    return 2;
  }
  const showProgress = values.progress === true || Boolean(process.stderr.isTTY);
  const colour = colourWanted(process.stderr);
  try {
    const snapshot = await collectSnapshot({
      target: t.target,
      credentials: creds.credentials,
      ...(values.region ? { region: values.region } : {}),
      ...(importSecret ? { importSecret } : {}),
      deadlineMs: deadline * 1000,
      ...(values.simulate ? { simulate: true } : {}),
      ...(showProgress
        ? {
            onProgress: (e) => {
              const line = progressLine(e, colour);
              if (line) process.stderr.write(line + "\n");
            },
          }
        : {}),
    });
    return { snapshot, values };
  } catch (e) {
    if (e instanceof CollectInputError)
      throw new CliUsageError(`${optionForField(e.field)}: ${e.message.slice(e.field.length + 2)}`);
    throw e;
  }
}

export async function run(argv: string[]): Promise<number> {
  const r = await collectFromArgv(argv);
  if (typeof r === "number") return r;
  process.stdout.write(JSON.stringify(r.snapshot, null, 2) + "\n");
  return 0;
}
