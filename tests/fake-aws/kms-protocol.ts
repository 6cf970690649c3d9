// KMS: AWS JSON 1.1 (POST /, X-Amz-Target: TrentService.<Operation>).
import { FakeAwsError, type Reply, type RequestContext, type Routed } from "./types";
import type { SnapshotKey } from "@/lib/snapshot/schema";

function json(body: unknown, status = 200): Reply {
  return { status, headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(body) };
}

function keyIdOf(arn: string): string {
  return arn.slice(arn.indexOf(":key/") + 5);
}

/** Finds a key by ARN, bare key id, alias name or alias ARN, in the signing region only (KMS is regional). */
function findKey(ctx: RequestContext, id: string): { arn: string; key: SnapshotKey } {
  const keys = ctx.scenario.snapshot.keys ?? {};
  const alias = id.includes(":alias/") ? id.slice(id.indexOf(":alias/") + 1) : id.startsWith("alias/") ? id : undefined;
  for (const [arn, key] of Object.entries(keys)) {
    const match = alias ? (key.aliases ?? []).includes(alias) : arn === id || keyIdOf(arn) === id;
    if (!match) continue;
    if (arn.split(":")[3] !== ctx.region) break;
    return { arn, key };
  }
  throw new FakeAwsError(
    400,
    "NotFoundException",
    alias ? `Alias ${alias} is not found.` : `Key '${id}' does not exist`,
  );
}

type Handler = (body: Record<string, unknown>, ctx: RequestContext) => unknown;

const HANDLERS: Record<string, Handler> = {
  DescribeKey: (b, ctx) => {
    const { arn, key } = findKey(ctx, String(b.KeyId ?? ""));
    return {
      KeyMetadata: {
        AWSAccountId: arn.split(":")[4],
        KeyId: keyIdOf(arn),
        Arn: arn,
        CreationDate: 1768467600,
        Enabled: key.keyState === "Enabled",
        Description: key.description ?? "",
        KeyUsage: "ENCRYPT_DECRYPT",
        KeyState: key.keyState ?? "Enabled",
        Origin: "AWS_KMS",
        KeyManager: key.keyManager ?? "CUSTOMER",
        KeySpec: "SYMMETRIC_DEFAULT",
        EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
        MultiRegion: false,
      },
    };
  },
  GetKeyPolicy: (b, ctx) => {
    const { arn, key } = findKey(ctx, String(b.KeyId ?? ""));
    const caller = ctx.scenario.snapshot.caller?.accountId;
    // Key policies cannot be read across accounts.
    if (caller && arn.split(":")[4] !== caller) {
      throw new FakeAwsError(
        400,
        "AccessDeniedException",
        `User: ${ctx.scenario.snapshot.caller?.arn} is not authorized to perform: kms:GetKeyPolicy on resource: ${arn}`,
      );
    }
    return { Policy: JSON.stringify(key.policy ?? {}), PolicyName: "default" };
  },
  ListResourceTags: (b, ctx) => {
    const { arn, key } = findKey(ctx, String(b.KeyId ?? ""));
    // Like the key policy, a key's tags cannot be listed from another account.
    const caller = ctx.scenario.snapshot.caller?.accountId;
    if (caller && arn.split(":")[4] !== caller) {
      throw new FakeAwsError(
        400,
        "AccessDeniedException",
        `User: ${ctx.scenario.snapshot.caller?.arn} is not authorized to perform: kms:ListResourceTags on resource: ${arn}`,
      );
    }
    const Tags = Object.entries(key.tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    return { Tags, Truncated: false };
  },
  ListAliases: (b, ctx) => {
    const keyId = b.KeyId ? String(b.KeyId) : undefined;
    const caller = ctx.scenario.snapshot.caller?.accountId;
    const aliases: { AliasName: string; AliasArn: string; TargetKeyId: string }[] = [];
    for (const [arn, key] of Object.entries(ctx.scenario.snapshot.keys ?? {})) {
      if (arn.split(":")[3] !== ctx.region || arn.split(":")[4] !== caller) continue;
      if (keyId && keyId !== arn && keyId !== keyIdOf(arn)) continue;
      for (const a of key.aliases ?? []) {
        aliases.push({ AliasName: a, AliasArn: `arn:aws:kms:${ctx.region}:${caller}:${a}`, TargetKeyId: keyIdOf(arn) });
      }
    }
    return { Aliases: aliases, Truncated: false };
  },
};

export function routeKms(target: string, rawBody: string): Routed {
  const action = target.replace(/^TrentService\./, "");
  const handler = HANDLERS[action];
  const error = (e: FakeAwsError) => json({ __type: e.code, message: e.message }, e.status);
  return {
    op: `kms:${action}`,
    error,
    malformed: () => ({ status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: "{not json" }),
    handle(ctx) {
      if (!handler)
        return error(
          new FakeAwsError(400, "UnknownOperationException", `The fake endpoint does not implement kms:${action}.`),
        );
      let body: Record<string, unknown>;
      try {
        body = rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
      } catch {
        return error(new FakeAwsError(400, "SerializationException", "Malformed JSON body"));
      }
      return json(handler(body, ctx));
    },
  };
}
