import "server-only";
import {
  GetAccessKeyLastUsedCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  SimulatePrincipalPolicyCommand,
  type ContextEntry,
} from "@aws-sdk/client-iam";
import { DescribeKeyCommand, GetKeyPolicyCommand, ListAliasesCommand } from "@aws-sdk/client-kms";
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketRequestPaymentCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
} from "@aws-sdk/client-s3";
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { StepId } from "@/lib/report/types";
import { keyInTarget, parseBucketUri, type ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import type {
  GroundTruth,
  PolicyDocument,
  Snapshot,
  SnapshotBucket,
  SnapshotKey,
  SnapshotObject,
  SnapshotRole,
  SnapshotUser,
  Target,
} from "@/lib/snapshot/schema";
import { AwsClients, DEFAULT_CLIENT_OPTIONS } from "./clients";
import {
  CollectInputError,
  enabledReads,
  ROLE_ARN,
  validateCollectInput,
  type CollectInput,
  type ReadGroup,
} from "./collect-input";
import { classifyAwsError, redactSecrets } from "./errors";
import type { ImportCall, OperationName } from "./operations";
import { parsePolicyDocument } from "./policy-document";
import { CollectRun, type CallRef, type CallResult } from "./run";
import { pickSample } from "./sample";

type PolicyMap = Record<string, PolicyDocument>;
type PolicyRead = { ok: true; doc: PolicyDocument } | { ok: false; reason: string };

/** Reads a map of policies (inline or managed); any failure makes the whole map unknown, with the reason. */
interface MapState {
  docs: PolicyMap;
  failed?: string;
}

function regionFromArn(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && parts[0] === "arn" ? parts[3] || undefined : undefined;
}
function accountFromArn(arn: string | null | undefined): string | undefined {
  const parts = (arn ?? "").split(":");
  return parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? "") ? parts[4] : undefined;
}
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/;

/**
 * Reads the live account into a Snapshot v1 with the given (temporary) credentials.
 * Reads that don't depend on each other run at once; a dependent read starts as soon as its input arrives.
 * A failed read records the reason in `unavailable` and never stops the run. Throws only `CollectInputError`
 * for invalid input (before any network call).
 */
export async function collectSnapshot(input: CollectInput): Promise<Snapshot> {
  const problems = validateCollectInput(input);
  if (problems.length > 0) throw new CollectInputError(problems[0].field, problems[0].message);

  const { target } = input;
  const uri = parseBucketUri(target.bucketUri).value as ParsedBucketUri;
  const region = input.region ?? target.region ?? "us-east-1";
  const reads = enabledReads(input.only, input.simulate === true);
  const secrets = [input.credentials.secretAccessKey, input.credentials.sessionToken, input.importSecret];
  const run = new CollectRun(input.onProgress, secrets);
  const clients = new AwsClients(input.credentials, region, {
    callTimeoutMs: input.callTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.callTimeoutMs,
    maxAttempts: input.maxAttempts ?? DEFAULT_CLIENT_OPTIONS.maxAttempts,
  });
  const importClients =
    input.importSecret && target.mode === "access-key" && target.accessKeyId
      ? new AwsClients({ accessKeyId: target.accessKeyId, secretAccessKey: input.importSecret }, region, {
          callTimeoutMs: input.callTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.callTimeoutMs,
          maxAttempts: 1,
        })
      : undefined;

  const c = new Collector(run, clients, importClients, target, uri, region, reads, input.headSample ?? 10);
  const deadlineMs = input.deadlineMs ?? 30_000;
  const timer = setTimeout(() => run.controller.abort(), deadlineMs);
  try {
    c.start();
    // The SDK honours the abort signal; the extra margin only guards against a read that ignores it.
    let guard: NodeJS.Timeout | undefined;
    await Promise.race([
      run.settled(),
      new Promise<void>((resolve) => {
        guard = setTimeout(resolve, deadlineMs + 2_000);
      }),
    ]);
    clearTimeout(guard);
    return c.assemble();
  } finally {
    clearTimeout(timer);
    if (!run.signal.aborted) run.controller.abort();
    clients.destroy();
    importClients?.destroy();
  }
}

class Collector {
  private readonly unavailable: Record<string, string> = {};
  private closed = false;

  private caller?: { arn: string; accountId: string };
  private callerRef?: Promise<{ accountId?: string; ref?: CallRef }>;

  private role:
    | {
        arn: string;
        name: string;
        exists?: boolean;
        getRoleFailed?: string;
        trustPolicy?: PolicyDocument | null;
        boundaryArn?: string | null;
        boundary?: PolicyDocument | null;
        boundaryFailed?: string;
        inline?: MapState;
        attached?: MapState;
      }
    | undefined;

  private user:
    | {
        exists?: boolean;
        failed?: string;
        name?: string;
        arn?: string;
        accountId?: string;
        accountFailed?: string;
        lastUsedService?: string;
        lastUsedDate?: string;
        boundaryArn?: string | null;
        boundary?: PolicyDocument | null;
        boundaryFailed?: string;
        keys?: { id: string; status: "Active" | "Inactive" }[];
        keysFailed?: string;
        inline?: MapState;
        attached?: MapState;
        groups?: { name: string; inline?: MapState; attached?: MapState }[];
        groupsFailed?: string;
      }
    | undefined;

  private bucket: {
    exists?: boolean;
    notFound?: boolean;
    region?: string;
    regionFailed?: string;
    ownerAccountId?: string;
    ownerFailed?: string;
    ownerCanonicalId?: string;
    aclFailed?: string;
    policy?: PolicyDocument | null;
    policyFailed?: string;
    ownership?: SnapshotBucket["objectOwnership"];
    ownershipFailed?: string;
    encryption?: SnapshotBucket["encryption"];
    encryptionFailed?: string;
    requesterPays?: boolean;
    requesterPaysFailed?: string;
  } = {};

  private objects?: SnapshotObject[];
  private objectsFailed?: string;
  private objectsTruncated?: boolean;
  private readonly headFailed = new Map<string, string>();
  /** The bucket's region as soon as HeadBucket or GetBucketLocation tells it (undefined when neither can). */
  private regionKnown: Promise<{ region?: string; ref?: CallRef }> = Promise.resolve({});
  private tellRegion: (r: { region?: string; ref?: CallRef }) => void = () => undefined;
  /** Settles when the object listing has answered (or will not happen). */
  private objectsListed: Promise<void> = Promise.resolve();
  private markListed: () => void = () => undefined;

  private readonly keys = new Map<string, SnapshotKey>();
  private readonly keyStarted = new Map<string, Promise<string | undefined>>();
  private readonly keyArnStarted = new Set<string>();

  private readonly managed = new Map<string, Promise<PolicyRead & { ref?: CallRef }>>();
  private groundTruth?: GroundTruth[];
  private simulation?: NonNullable<Snapshot["simulation"]>;
  private simulationFailed?: string;
  /** Settle when the bucket default key and the sampled objects' keys are all known (for the simulator). */
  private encryptionRead: Promise<void> = Promise.resolve();
  private markEncryptionRead: () => void = () => undefined;
  private headsDone: Promise<void> = Promise.resolve();
  private markHeadsDone: () => void = () => undefined;
  /** The user's ARN in access-key mode, once GetUser answers. */
  private userArn: Promise<{ arn?: string; ref?: CallRef }> = Promise.resolve({});
  private tellUserArn: (r: { arn?: string; ref?: CallRef }) => void = () => undefined;

  constructor(
    private readonly run: CollectRun,
    private readonly clients: AwsClients,
    private readonly importClients: AwsClients | undefined,
    private readonly target: Target,
    private readonly uri: ParsedBucketUri,
    private readonly region: string,
    private readonly reads: Set<ReadGroup>,
    private readonly headSample: number,
  ) {}

  private call<T>(
    op: OperationName,
    step: StepId,
    parents: readonly (CallRef | undefined)[],
    send: (signal: AbortSignal) => Promise<T>,
    subject?: string,
  ): Promise<CallResult<T>> {
    return this.run.call(op, step, parents, send, subject);
  }

  private spawn(p: Promise<unknown>) {
    this.run.spawn(p);
  }

  start(): void {
    if (this.reads.has("bucket")) {
      let pending = 2;
      let told = false;
      this.regionKnown = new Promise((resolve) => {
        this.tellRegion = (r) => {
          pending--;
          if (!told && (r.region || pending <= 0)) {
            told = true;
            resolve(r);
          }
        };
      });
    }
    if (this.reads.has("bucket") && this.reads.has("objects")) {
      this.objectsListed = new Promise<void>((resolve) => {
        this.markListed = resolve;
      });
    }
    if (this.reads.has("simulation")) {
      this.encryptionRead = new Promise((resolve) => (this.markEncryptionRead = resolve));
      this.headsDone = new Promise((resolve) => (this.markHeadsDone = resolve));
      this.userArn = new Promise((resolve) => (this.tellUserArn = resolve));
    }
    this.callerRef = this.readCaller();
    this.spawn(this.callerRef);
    if (this.target.mode === "role") {
      if (this.reads.has("role") || this.reads.has("rolePolicies")) this.spawn(this.readRole());
    } else if (this.reads.has("user") || this.reads.has("userPolicies")) {
      this.spawn(this.readUser());
    }
    this.spawn(this.readBucket());
    if (this.importClients) this.spawn(this.readGroundTruth());
    if (this.reads.has("simulation")) this.spawn(this.readSimulation());
  }

  // ---------- caller ----------
  private async readCaller(): Promise<{ accountId?: string; ref?: CallRef }> {
    const r = await this.call("sts:GetCallerIdentity", "intake", [], (abortSignal) =>
      this.clients.sts().send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    if (!r.ok) {
      this.unavailable["caller"] = r.reason;
      return {};
    }
    if (r.value.Arn && r.value.Account) this.caller = { arn: r.value.Arn, accountId: r.value.Account };
    return { accountId: r.value.Account, ref: r.ref };
  }

  // ---------- managed policies (shared by role, user and groups) ----------
  private readManaged(arn: string, parent: CallRef | undefined): Promise<PolicyRead & { ref?: CallRef }> {
    let p = this.managed.get(arn);
    if (!p) {
      p = (async () => {
        const pol = await this.call(
          "iam:GetPolicy",
          "identity-policy",
          [parent],
          (abortSignal) => this.clients.iam().send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal }),
          arn,
        );
        if (!pol.ok) return { ok: false as const, reason: pol.reason };
        const versionId = pol.value.Policy?.DefaultVersionId;
        if (!versionId) return { ok: false as const, reason: `No default version in iam:GetPolicy for ${arn}` };
        const ver = await this.call(
          "iam:GetPolicyVersion",
          "identity-policy",
          [pol.ref],
          (abortSignal) =>
            this.clients
              .iam()
              .send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), { abortSignal }),
          arn,
        );
        if (!ver.ok) return { ok: false as const, reason: ver.reason };
        const doc = parsePolicyDocument(ver.value.PolicyVersion?.Document);
        if (!doc)
          return { ok: false as const, reason: `Unreadable policy document from iam:GetPolicyVersion (${arn})` };
        return { ok: true as const, doc, ref: ver.ref };
      })();
      this.managed.set(arn, p);
    }
    return p;
  }

  // ---------- role mode ----------
  private async readRole(): Promise<void> {
    const arn = this.target.roleArn as string;
    const name = ROLE_ARN.exec(arn)?.[2] as string;
    const role: NonNullable<Collector["role"]> = { arn, name };
    this.role = role;
    const iam = () => this.clients.iam();
    const tasks: Promise<unknown>[] = [];

    tasks.push(
      (async () => {
        const r = await this.call(
          "iam:GetRole",
          "assume-role",
          [],
          (abortSignal) => iam().send(new GetRoleCommand({ RoleName: name }), { abortSignal }),
          name,
        );
        if (!r.ok) {
          if (r.error.code === "not-found") role.exists = false;
          else role.getRoleFailed = r.reason;
          return;
        }
        role.exists = true;
        if (r.value.Role?.Arn) role.arn = r.value.Role.Arn;
        role.trustPolicy = parsePolicyDocument(r.value.Role?.AssumeRolePolicyDocument);
        const boundaryArn = r.value.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
        role.boundaryArn = boundaryArn ?? null;
        if (boundaryArn && this.reads.has("rolePolicies")) {
          const b = await this.readManaged(boundaryArn, r.ref);
          if (b.ok) role.boundary = b.doc;
          else role.boundaryFailed = b.reason;
        } else if (!boundaryArn) role.boundary = null;
      })(),
    );
    if (this.reads.has("rolePolicies")) {
      tasks.push(
        this.readMapWithParent(
          undefined,
          "iam:ListRolePolicies",
          (Marker, abortSignal) => iam().send(new ListRolePoliciesCommand({ RoleName: name, Marker }), { abortSignal }),
          (p) => ({ names: p.PolicyNames ?? [], next: p.IsTruncated ? p.Marker : undefined }),
          async (policyName, parent) => {
            const r = await this.call(
              "iam:GetRolePolicy",
              "identity-policy",
              [parent],
              (abortSignal) =>
                iam().send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }), { abortSignal }),
              policyName,
            );
            if (!r.ok) return { ok: false, reason: r.reason };
            const doc = parsePolicyDocument(r.value.PolicyDocument);
            return doc ? { ok: true, doc } : { ok: false, reason: "Unreadable policy document from iam:GetRolePolicy" };
          },
          name,
        ).then((s) => (role.inline = s)),
      );
      tasks.push(
        this.readMapWithParent(
          undefined,
          "iam:ListAttachedRolePolicies",
          (Marker, abortSignal) =>
            iam().send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker }), { abortSignal }),
          (p) => ({
            names: (p.AttachedPolicies ?? []).flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : [])),
            next: p.IsTruncated ? p.Marker : undefined,
          }),
          (policyArn, parent) => this.readManaged(policyArn, parent),
          name,
        ).then((s) => (role.attached = s)),
      );
    }
    await Promise.all(tasks);
  }

  // ---------- access-key mode ----------
  private async readUser(): Promise<void> {
    const keyId = this.target.accessKeyId as string;
    const user: NonNullable<Collector["user"]> = {};
    this.user = user;
    const iam = () => this.clients.iam();
    const tasks: Promise<unknown>[] = [];

    tasks.push(
      (async () => {
        const r = await this.call(
          "sts:GetAccessKeyInfo",
          "identity-policy",
          [],
          (abortSignal) =>
            this.clients.sts().send(new GetAccessKeyInfoCommand({ AccessKeyId: keyId }), { abortSignal }),
          keyId,
        );
        if (r.ok) user.accountId = r.value.Account;
        else user.accountFailed = r.reason;
      })(),
    );

    const last = await this.call(
      "iam:GetAccessKeyLastUsed",
      "identity-policy",
      [],
      (abortSignal) => iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keyId }), { abortSignal }),
      keyId,
    );
    if (!last.ok || !last.value.UserName) {
      this.tellUserArn({});
      user.failed = last.ok ? "No user name in iam:GetAccessKeyLastUsed" : last.reason;
      await Promise.all(tasks);
      return;
    }
    const UserName = last.value.UserName;
    user.name = UserName;
    user.lastUsedService = last.value.AccessKeyLastUsed?.ServiceName;
    user.lastUsedDate = last.value.AccessKeyLastUsed?.LastUsedDate?.toISOString();
    const parent = last.ref;

    tasks.push(
      (async () => {
        const r = await this.call(
          "iam:GetUser",
          "identity-policy",
          [parent],
          (abortSignal) => iam().send(new GetUserCommand({ UserName }), { abortSignal }),
          UserName,
        );
        this.tellUserArn({ arn: r.ok ? r.value.User?.Arn : undefined, ref: r.ref });
        if (!r.ok) {
          if (r.error.code === "not-found") user.exists = false;
          else user.failed = r.reason;
          return;
        }
        user.exists = true;
        user.arn = r.value.User?.Arn;
        const boundaryArn = r.value.User?.PermissionsBoundary?.PermissionsBoundaryArn;
        user.boundaryArn = boundaryArn ?? null;
        if (boundaryArn && this.reads.has("userPolicies")) {
          const b = await this.readManaged(boundaryArn, r.ref);
          if (b.ok) user.boundary = b.doc;
          else user.boundaryFailed = b.reason;
        } else if (!boundaryArn) user.boundary = null;
      })(),
    );
    tasks.push(
      (async () => {
        const r = await this.call(
          "iam:ListAccessKeys",
          "identity-policy",
          [parent],
          (abortSignal) => iam().send(new ListAccessKeysCommand({ UserName }), { abortSignal }),
          UserName,
        );
        if (!r.ok) user.keysFailed = r.reason;
        else
          user.keys = (r.value.AccessKeyMetadata ?? []).flatMap((k) =>
            k.AccessKeyId
              ? [{ id: k.AccessKeyId, status: k.Status === "Active" ? ("Active" as const) : ("Inactive" as const) }]
              : [],
          );
      })(),
    );
    if (this.reads.has("userPolicies")) {
      tasks.push(
        this.readMapWithParent(
          parent,
          "iam:ListUserPolicies",
          (Marker, abortSignal) => iam().send(new ListUserPoliciesCommand({ UserName, Marker }), { abortSignal }),
          (p) => ({ names: p.PolicyNames ?? [], next: p.IsTruncated ? p.Marker : undefined }),
          async (PolicyName, ref) => {
            const r = await this.call(
              "iam:GetUserPolicy",
              "identity-policy",
              [ref],
              (abortSignal) => iam().send(new GetUserPolicyCommand({ UserName, PolicyName }), { abortSignal }),
              PolicyName,
            );
            if (!r.ok) return { ok: false, reason: r.reason };
            const doc = parsePolicyDocument(r.value.PolicyDocument);
            return doc ? { ok: true, doc } : { ok: false, reason: "Unreadable policy document from iam:GetUserPolicy" };
          },
          UserName,
        ).then((s) => (user.inline = s)),
      );
      tasks.push(
        this.readMapWithParent(
          parent,
          "iam:ListAttachedUserPolicies",
          (Marker, abortSignal) =>
            iam().send(new ListAttachedUserPoliciesCommand({ UserName, Marker }), { abortSignal }),
          (p) => ({
            names: (p.AttachedPolicies ?? []).flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : [])),
            next: p.IsTruncated ? p.Marker : undefined,
          }),
          (policyArn, ref) => this.readManaged(policyArn, ref),
          UserName,
        ).then((s) => (user.attached = s)),
      );
      tasks.push(this.readGroups(UserName, parent, user));
    }
    await Promise.all(tasks);
  }

  /** Lists names page by page (IAM's Marker pagination), then reads each one as soon as its page arrives. */
  private async readMapWithParent<Page>(
    first: CallRef | undefined,
    listOp: OperationName,
    list: (marker: string | undefined, signal: AbortSignal) => Promise<Page>,
    namesOf: (page: Page) => { names: string[]; next?: string },
    read: (name: string, parent: CallRef) => Promise<PolicyRead>,
    subject: string,
  ): Promise<MapState> {
    const state: MapState = { docs: {} };
    const reads: Promise<void>[] = [];
    let marker: string | undefined;
    let parent = first;
    do {
      const page = await this.call(listOp, "identity-policy", [parent], (signal) => list(marker, signal), subject);
      if (!page.ok) {
        state.failed = page.reason;
        break;
      }
      parent = page.ref;
      const { names, next } = namesOf(page.value);
      for (const name of names) {
        const ref = page.ref;
        reads.push(
          read(name, ref).then((r) => {
            if (r.ok) state.docs[name] = r.doc;
            else state.failed ??= `${r.reason} (${name})`;
          }),
        );
      }
      marker = next;
    } while (marker);
    await Promise.all(reads);
    return state;
  }

  private async readGroups(UserName: string, first: CallRef, user: NonNullable<Collector["user"]>): Promise<void> {
    const iam = () => this.clients.iam();
    const groups: NonNullable<NonNullable<Collector["user"]>["groups"]> = [];
    const tasks: Promise<unknown>[] = [];
    let marker: string | undefined;
    let parent: CallRef = first;
    do {
      const page = await this.call(
        "iam:ListGroupsForUser",
        "identity-policy",
        [parent],
        (abortSignal) => iam().send(new ListGroupsForUserCommand({ UserName, Marker: marker }), { abortSignal }),
        UserName,
      );
      if (!page.ok) {
        user.groupsFailed = page.reason;
        break;
      }
      parent = page.ref;
      for (const g of page.value.Groups ?? []) {
        const GroupName = g.GroupName;
        if (!GroupName) continue;
        const group: (typeof groups)[number] = { name: GroupName };
        groups.push(group);
        const ref = page.ref;
        tasks.push(
          this.readMapWithParent(
            ref,
            "iam:ListGroupPolicies",
            (Marker, abortSignal) => iam().send(new ListGroupPoliciesCommand({ GroupName, Marker }), { abortSignal }),
            (p) => ({ names: p.PolicyNames ?? [], next: p.IsTruncated ? p.Marker : undefined }),
            async (PolicyName, pref) => {
              const r = await this.call(
                "iam:GetGroupPolicy",
                "identity-policy",
                [pref],
                (abortSignal) => iam().send(new GetGroupPolicyCommand({ GroupName, PolicyName }), { abortSignal }),
                PolicyName,
              );
              if (!r.ok) return { ok: false, reason: r.reason };
              const doc = parsePolicyDocument(r.value.PolicyDocument);
              return doc
                ? { ok: true, doc }
                : { ok: false, reason: "Unreadable policy document from iam:GetGroupPolicy" };
            },
            GroupName,
          ).then((s) => (group.inline = s)),
        );
        tasks.push(
          this.readMapWithParent(
            ref,
            "iam:ListAttachedGroupPolicies",
            (Marker, abortSignal) =>
              iam().send(new ListAttachedGroupPoliciesCommand({ GroupName, Marker }), { abortSignal }),
            (p) => ({
              names: (p.AttachedPolicies ?? []).flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : [])),
              next: p.IsTruncated ? p.Marker : undefined,
            }),
            (policyArn, pref) => this.readManaged(policyArn, pref),
            GroupName,
          ).then((s) => (group.attached = s)),
        );
      }
      marker = page.value.IsTruncated ? page.value.Marker : undefined;
    } while (marker);
    await Promise.all(tasks);
    if (!user.groupsFailed) user.groups = groups;
  }

  // ---------- bucket, objects, keys ----------
  private async readBucket(): Promise<void> {
    const Bucket = this.uri.bucket;
    const s3 = () => this.clients.s3();
    const b = this.bucket;
    const tasks: Promise<unknown>[] = [];
    const noBucket = (r: { ok: false; error: { awsCode?: string } }) => {
      if (r.error.awsCode === "NoSuchBucket") b.notFound = true;
      return r.error.awsCode === "NoSuchBucket";
    };
    if (!this.reads.has("bucket")) {
      this.markEncryptionRead();
      this.markHeadsDone();
      return;
    }

    // Existence and region.
    tasks.push(
      (async () => {
        const r = await this.call(
          "s3:HeadBucket",
          "bucket-policy",
          [],
          (abortSignal) => s3().send(new HeadBucketCommand({ Bucket }), { abortSignal }),
          Bucket,
        );
        if (r.ok) {
          b.exists = true;
          if (r.value.BucketRegion) b.region ??= r.value.BucketRegion;
        } else if (r.error.code === "not-found") {
          b.notFound = true;
        } else {
          b.regionFailed ??= r.reason;
        }
        this.tellRegion({ region: r.ok ? r.value.BucketRegion : undefined, ref: r.ref });
      })(),
    );
    tasks.push(
      (async () => {
        const r = await this.call(
          "s3:GetBucketLocation",
          "bucket-policy",
          [],
          (abortSignal) => s3().send(new GetBucketLocationCommand({ Bucket }), { abortSignal }),
          Bucket,
        );
        if (r.ok) {
          b.exists = true;
          const lc = r.value.LocationConstraint as string | undefined;
          b.region = !lc ? "us-east-1" : lc === "EU" ? "eu-west-1" : lc;
        } else if (!noBucket(r)) b.regionFailed ??= r.reason;
        this.tellRegion({ region: r.ok ? b.region : undefined, ref: r.ref });
      })(),
    );
    // Owner account: ask S3 whether the expected account owns the bucket (HeadBucket with ExpectedBucketOwner).
    tasks.push(this.readBucketOwner(Bucket));
    tasks.push(
      (async () => {
        const r = await this.call(
          "s3:GetBucketAcl",
          "object-ownership",
          [],
          (abortSignal) => s3().send(new GetBucketAclCommand({ Bucket }), { abortSignal }),
          Bucket,
        );
        if (r.ok) b.ownerCanonicalId = r.value.Owner?.ID;
        else if (!noBucket(r)) b.aclFailed = r.reason;
      })(),
    );
    if (this.reads.has("bucketPolicy")) {
      tasks.push(
        (async () => {
          const r = await this.call(
            "s3:GetBucketPolicy",
            "bucket-policy",
            [],
            (abortSignal) => s3().send(new GetBucketPolicyCommand({ Bucket }), { abortSignal }),
            Bucket,
          );
          if (r.ok) {
            const doc = parsePolicyDocument(r.value.Policy);
            if (doc) b.policy = doc;
            else b.policyFailed = "Unreadable bucket policy from s3:GetBucketPolicy";
          } else if (r.error.awsCode === "NoSuchBucketPolicy") b.policy = null;
          else if (!noBucket(r)) b.policyFailed = r.reason;
        })(),
      );
    }
    if (this.reads.has("ownership")) {
      tasks.push(
        (async () => {
          const r = await this.call(
            "s3:GetBucketOwnershipControls",
            "object-ownership",
            [],
            (abortSignal) => s3().send(new GetBucketOwnershipControlsCommand({ Bucket }), { abortSignal }),
            Bucket,
          );
          if (r.ok) {
            const o = r.value.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
            b.ownership = o === "BucketOwnerEnforced" || o === "BucketOwnerPreferred" ? o : "ObjectWriter";
          } else if (r.error.awsCode === "OwnershipControlsNotFoundError") b.ownership = "ObjectWriter";
          else if (!noBucket(r)) b.ownershipFailed = r.reason;
        })(),
      );
    }
    if (this.reads.has("requesterPays")) {
      tasks.push(
        (async () => {
          const r = await this.call(
            "s3:GetBucketRequestPayment",
            "bucket-policy",
            [],
            (abortSignal) => s3().send(new GetBucketRequestPaymentCommand({ Bucket }), { abortSignal }),
            Bucket,
          );
          if (r.ok) b.requesterPays = r.value.Payer === "Requester";
          else if (!noBucket(r)) b.requesterPaysFailed = r.reason;
        })(),
      );
    }
    if (this.reads.has("encryption")) {
      tasks.push(
        (async () => {
          const r = await this.call(
            "s3:GetBucketEncryption",
            "encryption",
            [],
            (abortSignal) => s3().send(new GetBucketEncryptionCommand({ Bucket }), { abortSignal }),
            Bucket,
          );
          if (r.ok) {
            const rule = r.value.ServerSideEncryptionConfiguration?.Rules?.[0];
            const alg = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
            if (alg === "AES256" || alg === "aws:kms" || alg === "aws:kms:dsse") {
              const kmsKeyId = rule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ?? null;
              b.encryption = { algorithm: alg, kmsKeyId, bucketKeyEnabled: rule?.BucketKeyEnabled ?? false };
              // Default aws:kms without a key id means the AWS managed key aws/s3: resolve it by its alias.
              if (alg !== "AES256" && this.reads.has("keys")) this.ensureKey(kmsKeyId ?? "alias/aws/s3", r.ref);
            } else b.encryption = null;
          } else if (r.error.awsCode === "ServerSideEncryptionConfigurationNotFoundError") b.encryption = null;
          else if (!noBucket(r)) b.encryptionFailed = r.reason;
        })().finally(() => this.markEncryptionRead()),
      );
    } else this.markEncryptionRead();
    if (this.reads.has("objects")) tasks.push(this.readObjects(Bucket));
    else this.markHeadsDone();
    await Promise.all(tasks);
  }

  private async readBucketOwner(Bucket: string): Promise<void> {
    const b = this.bucket;
    const roleAccount = accountFromArn(this.target.roleArn);
    const tryOwner = async (account: string, parent?: CallRef): Promise<"yes" | "no" | "unknown"> => {
      const r = await this.call(
        "s3:HeadBucket",
        "bucket-policy",
        [parent],
        (abortSignal) =>
          this.clients.s3().send(new HeadBucketCommand({ Bucket, ExpectedBucketOwner: account }), { abortSignal }),
        `${Bucket} owner ${account}`,
      );
      if (r.ok) return "yes";
      if (r.error.code === "access-denied") return "no";
      if (r.error.code !== "not-found") b.ownerFailed ??= r.reason;
      return "unknown";
    };
    const tried = new Set<string>();
    let denied = false;
    // The role's account is known at once; the caller's account as soon as GetCallerIdentity answers.
    const first = roleAccount ? tryOwner(roleAccount) : Promise.resolve<"yes" | "no" | "unknown">("unknown");
    if (roleAccount) tried.add(roleAccount);
    const [firstAnswer, caller] = await Promise.all([
      first,
      this.callerRef ?? Promise.resolve<{ accountId?: string; ref?: CallRef }>({}),
    ]);
    if (firstAnswer === "yes" && roleAccount) {
      b.ownerAccountId = roleAccount;
      return;
    }
    if (firstAnswer === "no") denied = true;
    if (caller.accountId && !tried.has(caller.accountId)) {
      const a = await tryOwner(caller.accountId, caller.ref);
      if (a === "yes") {
        b.ownerAccountId = caller.accountId;
        return;
      }
      if (a === "no") denied = true;
    }
    if (denied && !b.ownerFailed) {
      b.ownerFailed = `The bucket is not owned by ${[...tried, caller.accountId].filter(Boolean).join(" or ")}, or s3:ListBucket is denied`;
    }
  }

  private async readObjects(Bucket: string): Promise<void> {
    try {
      await this.listObjects(Bucket);
    } finally {
      this.markListed();
      this.markHeadsDone();
    }
  }

  private async listObjects(Bucket: string): Promise<void> {
    const u = this.uri;
    const prefix = u.kind === "folder" ? u.folder : u.kind === "file" ? (u.key ?? "") : (u.key ?? "").split(/[*?]/)[0];
    const r = await this.call(
      "s3:ListObjectsV2",
      "object-ownership",
      [],
      (abortSignal) =>
        this.clients
          .s3()
          .send(new ListObjectsV2Command({ Bucket, Prefix: prefix, FetchOwner: true, MaxKeys: 1000 }), { abortSignal }),
      prefix,
    );
    if (!r.ok) {
      if (r.error.awsCode === "NoSuchBucket") this.bucket.notFound = true;
      else this.objectsFailed = r.reason;
      return;
    }
    const objects: SnapshotObject[] = [];
    for (const o of r.value.Contents ?? []) {
      if (!o.Key || !keyInTarget(u, o.Key)) continue;
      objects.push({
        key: o.Key,
        size: o.Size ?? null,
        storageClass: o.StorageClass ?? "STANDARD",
        ...(o.Owner?.ID ? { ownerCanonicalId: o.Owner.ID } : {}),
      });
    }
    this.objects = objects;
    this.objectsTruncated = Boolean(r.value.IsTruncated);
    this.markListed();
    if (this.reads.has("objectHeads")) {
      await Promise.all(pickSample(objects, this.headSample).map((o) => this.headObject(Bucket, o, r.ref)));
    }
  }

  private async headObject(Bucket: string, o: SnapshotObject, parent: CallRef): Promise<void> {
    const r = await this.call(
      "s3:HeadObject",
      "encryption",
      [parent],
      (abortSignal) => this.clients.s3().send(new HeadObjectCommand({ Bucket, Key: o.key }), { abortSignal }),
      o.key,
    );
    if (!r.ok) {
      // An SSE-C object cannot be HEADed without its customer key: S3 answers 400 Bad Request.
      if (r.error.httpStatus === 400) {
        o.sse = "SSE-C";
      } else this.headFailed.set(o.key, r.reason);
      return;
    }
    const v = r.value;
    if (v.SSECustomerAlgorithm) o.sse = "SSE-C";
    else {
      const sse = v.ServerSideEncryption;
      o.sse = sse === "AES256" || sse === "aws:kms" || sse === "aws:kms:dsse" ? sse : null;
    }
    if (v.SSEKMSKeyId) o.kmsKeyId = v.SSEKMSKeyId;
    if (v.StorageClass) o.storageClass = v.StorageClass;
    if (v.ArchiveStatus) o.archiveStatus = v.ArchiveStatus;
    if (v.Restore) o.restored = /ongoing-request="false"/.test(v.Restore);
    if (o.kmsKeyId && this.reads.has("keys")) this.ensureKey(o.kmsKeyId, r.ref);
  }

  /** Reads a KMS key as soon as its id is known; each key is read once whatever form its id came in. */
  private ensureKey(id: string, parent: CallRef): void {
    if (this.keyStarted.has(id)) return;
    const p = (async (): Promise<string | undefined> => {
      if (KEY_ARN.test(id)) {
        // The ARN is known: describe, policy and aliases all at once.
        this.spawn(this.readKeyDetails(id, parent));
        const d = await this.describeKey(id, id, regionFromArn(id) as string, parent);
        return d ? id : undefined;
      }
      // An alias or a bare key id (aws/s3 included) lives in the bucket's region; DescribeKey there gives the ARN.
      const known = await this.regionKnown;
      const region = known.region ?? this.region;
      const parents = known.ref && known.ref.depth > parent.depth ? known.ref : parent;
      const d = await this.describeKey(id, undefined, region, parents);
      if (!d) return undefined;
      this.spawn(this.readKeyDetails(d.arn, d.ref));
      return d.arn;
    })();
    this.keyStarted.set(id, p);
    this.spawn(p);
  }

  private async describeKey(
    id: string,
    knownArn: string | undefined,
    region: string,
    parent: CallRef,
  ): Promise<{ arn: string; ref: CallRef } | undefined> {
    const r = await this.call(
      "kms:DescribeKey",
      "encryption",
      [parent],
      (abortSignal) => this.clients.kms(region).send(new DescribeKeyCommand({ KeyId: id }), { abortSignal }),
      id,
    );
    if (!r.ok) {
      if (knownArn) this.keyEntry(knownArn);
      this.unavailable[`keys.${knownArn ?? id}`] = r.reason;
      return undefined;
    }
    const m = r.value.KeyMetadata;
    const arn = m?.Arn ?? knownArn ?? id;
    const k = this.keyEntry(arn);
    k.keyManager = m?.KeyManager === "AWS" ? "AWS" : m?.KeyManager === "CUSTOMER" ? "CUSTOMER" : null;
    k.keyState = m?.KeyState ?? null;
    k.region = regionFromArn(arn) ?? region;
    k.accountId = m?.AWSAccountId ?? accountFromArn(arn) ?? null;
    k.description = m?.Description ?? null;
    if (id.startsWith("alias/") || id.includes(":alias/")) {
      const alias = id.includes(":alias/") ? id.slice(id.indexOf(":alias/") + 1) : id;
      k.aliases = [...new Set([...(k.aliases ?? []), alias])].sort();
    }
    return { arn, ref: r.ref };
  }

  private keyEntry(arn: string): SnapshotKey {
    let k = this.keys.get(arn);
    if (!k) {
      k = { region: regionFromArn(arn) ?? null, accountId: accountFromArn(arn) ?? null };
      this.keys.set(arn, k);
    }
    return k;
  }

  private async readKeyDetails(arn: string, parent: CallRef): Promise<void> {
    if (this.keyArnStarted.has(arn)) return;
    this.keyArnStarted.add(arn);
    const region = regionFromArn(arn) ?? this.region;
    const k = this.keyEntry(arn);
    await Promise.all([
      (async () => {
        const r = await this.call(
          "kms:GetKeyPolicy",
          "encryption",
          [parent],
          (abortSignal) =>
            this.clients
              .kms(region)
              .send(new GetKeyPolicyCommand({ KeyId: arn, PolicyName: "default" }), { abortSignal }),
          arn,
        );
        if (r.ok) {
          const doc = parsePolicyDocument(r.value.Policy);
          if (doc) k.policy = doc;
          else this.unavailable[`keys.${arn}.policy`] = "Unreadable key policy from kms:GetKeyPolicy";
        } else this.unavailable[`keys.${arn}.policy`] = r.reason;
      })(),
      (async () => {
        const aliases: string[] = [];
        let Marker: string | undefined;
        let p: CallRef = parent;
        do {
          const r = await this.call(
            "kms:ListAliases",
            "encryption",
            [p],
            (abortSignal) =>
              this.clients.kms(region).send(new ListAliasesCommand({ KeyId: arn, Marker }), { abortSignal }),
            arn,
          );
          if (!r.ok) {
            this.unavailable[`keys.${arn}.aliases`] = r.reason;
            return;
          }
          p = r.ref;
          for (const a of r.value.Aliases ?? []) if (a.AliasName) aliases.push(a.AliasName);
          Marker = r.value.Truncated ? r.value.NextMarker : undefined;
        } while (Marker);
        k.aliases = [...new Set([...(k.aliases ?? []), ...aliases])].sort();
      })(),
    ]);
  }

  // ---------- AWS's policy simulator (only when asked) ----------
  /**
   * Asks iam:SimulatePrincipalPolicy about the import's requests as soon as each group's inputs are known: the bucket
   * requests at once (role mode), the object requests after the listing, kms:Decrypt once every key in use is known.
   */
  private async readSimulation(): Promise<void> {
    const u = this.uri;
    let principal: string | undefined;
    let parent: CallRef | undefined;
    if (this.target.mode === "role") principal = this.target.roleArn ?? undefined;
    else {
      const who = await this.userArn;
      principal = who.arn;
      parent = who.ref;
    }
    if (!principal) {
      this.simulationFailed = "The principal's ARN is not known, so AWS's simulator could not be asked";
      return;
    }
    const source = principal;
    const partition = source.split(":")[1] || "aws";
    const bucketArn = `arn:${partition}:s3:::${u.bucket}`;
    const out: NonNullable<Snapshot["simulation"]> = [];
    const ask = async (
      actions: string[],
      resources: string[],
      context: ContextEntry[],
      parents: (CallRef | undefined)[],
    ) => {
      let Marker: string | undefined;
      let after = parents;
      do {
        const r = await this.call(
          "iam:SimulatePrincipalPolicy",
          "summary",
          after,
          (abortSignal) =>
            this.clients.iam().send(
              new SimulatePrincipalPolicyCommand({
                PolicySourceArn: source,
                ActionNames: actions,
                ResourceArns: resources,
                ContextEntries: context,
                Marker,
              }),
              { abortSignal },
            ),
          actions.join(" "),
        );
        if (!r.ok) {
          this.simulationFailed ??= r.reason;
          return;
        }
        after = [r.ref];
        for (const e of r.value.EvaluationResults ?? []) {
          const d = e.EvalDecision;
          if (
            e.EvalActionName &&
            e.EvalResourceName &&
            (d === "allowed" || d === "explicitDeny" || d === "implicitDeny")
          ) {
            out.push({ action: e.EvalActionName, resource: e.EvalResourceName, decision: d });
          }
        }
        Marker = r.value.IsTruncated ? r.value.Marker : undefined;
      } while (Marker);
    };
    await Promise.all([
      ask(
        ["s3:GetBucketLocation", "s3:ListBucket"],
        [bucketArn],
        [{ ContextKeyName: "s3:prefix", ContextKeyValues: [u.folder], ContextKeyType: "string" }],
        [parent],
      ),
      (async () => {
        await this.objectsListed;
        const keys = (this.objects ?? []).slice(0, 3).map((o) => `${bucketArn}/${o.key}`);
        if (keys.length === 0) return;
        await ask(
          this.target.mode === "role" ? ["s3:GetObject", "s3:GetObjectVersion"] : ["s3:GetObject"],
          keys,
          [],
          [parent],
        );
      })(),
      (async () => {
        await Promise.all([this.encryptionRead, this.headsDone]);
        const arns = [
          ...new Set((await Promise.all([...this.keyStarted.values()])).filter((a): a is string => Boolean(a))),
        ].sort();
        if (arns.length > 0) await ask(["kms:Decrypt"], arns, [], [parent]);
      })(),
    ]);
    this.simulation = out.sort((a, b) => a.action.localeCompare(b.action) || a.resource.localeCompare(b.resource));
  }

  // ---------- ground truth (access-key mode, with the import's own key) ----------
  private async readGroundTruth(): Promise<void> {
    const ic = this.importClients as AwsClients;
    const Bucket = this.uri.bucket;
    const results: Partial<Record<ImportCall, GroundTruth>> = {};
    const record = async <T>(
      callName: ImportCall,
      parents: (CallRef | undefined)[],
      send: (s: AbortSignal) => Promise<T>,
      subject: string,
    ) => {
      const op: OperationName =
        callName === "GetBucketLocation"
          ? "s3:GetBucketLocation"
          : callName === "ListObjectsV2"
            ? "s3:ListObjectsV2"
            : "s3:HeadObject";
      const r = await this.run.call(op, "summary", parents, send, subject, `import:${callName}`);
      results[callName] = r.ok
        ? { call: callName, ok: true }
        : {
            call: callName,
            ok: false,
            code: r.error.awsCode ?? r.error.code,
            message: redactSecrets(r.error.message.replace(/ on s3:\w+/, ""), this.run.secrets),
          };
      return r;
    };
    const u = this.uri;
    const prefix = u.kind === "folder" ? u.folder : u.kind === "file" ? (u.key ?? "") : (u.key ?? "").split(/[*?]/)[0];
    const [, list] = await Promise.all([
      record(
        "GetBucketLocation",
        [],
        (abortSignal) => ic.s3().send(new GetBucketLocationCommand({ Bucket }), { abortSignal }),
        Bucket,
      ),
      record(
        "ListObjectsV2",
        [],
        (abortSignal) =>
          ic.s3().send(new ListObjectsV2Command({ Bucket, Prefix: prefix, MaxKeys: 1 }), { abortSignal }),
        prefix,
      ),
    ]);
    let key: string | undefined;
    let parent: CallRef | undefined = list.ref;
    if (list.ok)
      key = list.value.Contents?.find((o) => o.Key && keyInTarget(u, o.Key))?.Key ?? list.value.Contents?.[0]?.Key;
    if (!key) {
      // The import's key could not list: read the first object the diagnosing credentials found.
      await this.objectsListed;
      key = this.objects?.[0]?.key;
      parent = undefined;
    }
    if (key) {
      const objectKey = key;
      await record(
        "GetObject",
        [parent],
        async (abortSignal) => {
          const res = await ic
            .s3()
            .send(new GetObjectCommand({ Bucket, Key: objectKey, Range: "bytes=0-0" }), { abortSignal });
          await res.Body?.transformToByteArray();
          return true;
        },
        objectKey,
      );
    }
    this.groundTruth = (["GetBucketLocation", "ListObjectsV2", "GetObject"] as const).flatMap((c) =>
      results[c] ? [results[c]] : [],
    );
  }

  // ---------- assembly ----------
  assemble(): Snapshot {
    if (this.closed) throw new Error("already assembled");
    this.closed = true;
    const un = this.unavailable;
    const snap: Snapshot = { version: 1, target: { ...this.target } };
    if (this.caller) snap.caller = { ...this.caller };

    if (this.role) snap.role = this.assembleRole();
    if (this.user) snap.user = this.assembleUser();
    if (this.reads.has("bucket")) {
      const bucket = this.assembleBucket();
      if (bucket) snap.bucket = bucket;
    }

    if (this.reads.has("objects")) {
      if (this.bucket.notFound) {
        // No bucket, no objects: the bucket checks say so.
      } else if (this.objects) {
        const b = snap.bucket;
        snap.objects = this.objects.map((o, i) => {
          const out: SnapshotObject = { ...o };
          if (
            o.ownerCanonicalId &&
            b?.ownerCanonicalId &&
            b.ownerAccountId &&
            o.ownerCanonicalId === b.ownerCanonicalId
          ) {
            out.ownerAccountId = b.ownerAccountId;
          }
          const failed = this.headFailed.get(o.key);
          if (failed) un[`objects[${i}].sse`] = failed;
          return out;
        });
        snap.objectsTruncated = this.objectsTruncated ?? false;
      } else if (this.objectsFailed) un["objects"] = this.objectsFailed;
      else un["objects"] = "Deadline reached before s3:ListBucket answered";
    }
    if (this.keys.size > 0) {
      snap.keys = {};
      for (const [arn, k] of [...this.keys.entries()].sort(([a], [b]) => a.localeCompare(b))) snap.keys[arn] = { ...k };
    }
    if (this.groundTruth) snap.groundTruth = this.groundTruth;
    if (this.reads.has("simulation")) {
      if (this.simulationFailed) un["simulation"] = this.simulationFailed;
      else if (this.simulation) snap.simulation = this.simulation;
      else un["simulation"] = "Deadline reached before iam:SimulatePrincipalPolicy answered";
    }
    if (Object.keys(un).length > 0) {
      snap.unavailable = Object.fromEntries(Object.entries(un).sort(([a], [b]) => a.localeCompare(b)));
    }
    return snap;
  }

  private mapOrUnavailable(
    state: MapState | undefined,
    path: string,
    deadlineOp: string,
  ): Record<string, PolicyDocument> | undefined {
    if (state && !state.failed) return state.docs;
    this.unavailable[path] = state?.failed ?? `Deadline reached before ${deadlineOp} answered`;
    return undefined;
  }

  private assembleRole(): SnapshotRole | undefined {
    const r = this.role as NonNullable<Collector["role"]>;
    if (r.exists === false) return { exists: false, arn: r.arn };
    const listed = (r.inline && !r.inline.failed) || (r.attached && !r.attached.failed);
    if (r.exists === undefined && !listed) {
      this.unavailable["role"] = r.getRoleFailed ?? "Deadline reached before iam:GetRole answered";
      return undefined;
    }
    const role: SnapshotRole = { exists: true, arn: r.arn };
    if (r.exists) {
      if (r.trustPolicy) role.trustPolicy = r.trustPolicy;
      else this.unavailable["role.trustPolicy"] = "Unreadable trust policy from iam:GetRole";
    } else {
      this.unavailable["role.trustPolicy"] = r.getRoleFailed ?? "Deadline reached before iam:GetRole answered";
    }
    if (this.reads.has("rolePolicies")) {
      const inline = this.mapOrUnavailable(r.inline, "role.inlinePolicies", "iam:ListRolePolicies");
      if (inline) role.inlinePolicies = inline;
      const attached = this.mapOrUnavailable(r.attached, "role.attachedPolicies", "iam:ListAttachedRolePolicies");
      if (attached) role.attachedPolicies = attached;
      if (r.boundaryArn) role.permissionsBoundaryArn = r.boundaryArn;
      if (r.boundary !== undefined) role.permissionsBoundary = r.boundary;
      else if (r.exists)
        this.unavailable["role.permissionsBoundary"] =
          r.boundaryFailed ?? "Deadline reached before iam:GetPolicyVersion answered";
      else
        this.unavailable["role.permissionsBoundary"] =
          r.getRoleFailed ?? "Deadline reached before iam:GetRole answered";
    }
    return role;
  }

  private assembleUser(): SnapshotUser | undefined {
    const u = this.user as NonNullable<Collector["user"]>;
    if (u.accountFailed && !u.accountId) this.unavailable["user.accountId"] = u.accountFailed;
    if (u.exists === false) return { exists: false, ...(u.accountId ? { accountId: u.accountId } : {}) };
    if (!u.exists) {
      const reason = u.failed ?? "Deadline reached before iam:GetUser answered";
      const other = u.accountId && u.accountId !== this.caller?.accountId;
      // The key's account is known even when its user is not: say so (another account's users cannot be read).
      this.unavailable["user"] = other
        ? `${reason} (the key belongs to account ${u.accountId}, not the diagnosing credentials' ${this.caller?.accountId ?? "account"})`
        : reason;
      return undefined;
    }
    const user: SnapshotUser = { exists: true };
    if (u.arn) user.arn = u.arn;
    const account = u.accountId ?? accountFromArn(u.arn);
    if (account) user.accountId = account;
    if (this.reads.has("userPolicies")) {
      const inline = this.mapOrUnavailable(u.inline, "user.inlinePolicies", "iam:ListUserPolicies");
      if (inline) user.inlinePolicies = inline;
      const attached = this.mapOrUnavailable(u.attached, "user.attachedPolicies", "iam:ListAttachedUserPolicies");
      if (attached) user.attachedPolicies = attached;
      if (u.groups) {
        const failed = u.groups.find((g) => g.inline?.failed || g.attached?.failed || !g.inline || !g.attached);
        if (failed) {
          this.unavailable["user.groups"] =
            failed.inline?.failed ??
            failed.attached?.failed ??
            "Deadline reached before iam:ListGroupPolicies answered";
        } else {
          user.groups = u.groups.map((g) => ({
            name: g.name,
            inlinePolicies: g.inline?.docs ?? {},
            attachedPolicies: g.attached?.docs ?? {},
          }));
        }
      } else
        this.unavailable["user.groups"] = u.groupsFailed ?? "Deadline reached before iam:ListGroupsForUser answered";
      if (u.boundaryArn) user.permissionsBoundaryArn = u.boundaryArn;
      if (u.boundary !== undefined) user.permissionsBoundary = u.boundary;
      else
        this.unavailable["user.permissionsBoundary"] =
          u.boundaryFailed ?? "Deadline reached before iam:GetPolicyVersion answered";
    }
    if (u.keys) {
      user.accessKeys = u.keys.map((k) =>
        k.id === this.target.accessKeyId
          ? {
              ...k,
              ...(u.lastUsedService ? { lastUsedService: u.lastUsedService } : {}),
              ...(u.lastUsedDate ? { lastUsedDate: u.lastUsedDate } : {}),
            }
          : k,
      );
    } else this.unavailable["user.accessKeys"] = u.keysFailed ?? "Deadline reached before iam:ListAccessKeys answered";
    return user;
  }

  private assembleBucket(): SnapshotBucket | undefined {
    const b = this.bucket;
    const name = this.uri.bucket;
    if (b.notFound && !b.exists) return { exists: false, name };
    // Any successful read of the bucket proves it exists; with none (every read refused), nothing is known.
    const exists =
      b.exists === true ||
      b.ownerCanonicalId !== undefined ||
      b.ownerAccountId !== undefined ||
      b.policy !== undefined ||
      b.ownership !== undefined ||
      b.encryption !== undefined ||
      b.requesterPays !== undefined ||
      this.objects !== undefined;
    const un = this.unavailable;
    if (!exists) {
      un["bucket"] = b.regionFailed ?? b.policyFailed ?? "Deadline reached before s3:ListBucket answered";
      return undefined;
    }
    const out: SnapshotBucket = { exists: true, name };
    const set = <K extends keyof SnapshotBucket>(
      key: K,
      value: SnapshotBucket[K] | undefined,
      failed: string | undefined,
      op: string,
      enabled = true,
    ) => {
      if (!enabled) return;
      if (value !== undefined) out[key] = value;
      else un[`bucket.${String(key)}`] = failed ?? `Deadline reached before ${op} answered`;
    };
    set("region", b.region, b.regionFailed, "s3:GetBucketLocation");
    set("ownerAccountId", b.ownerAccountId, b.ownerFailed, "s3:ListBucket");
    set("ownerCanonicalId", b.ownerCanonicalId, b.aclFailed, "s3:GetBucketAcl");
    set("policy", b.policy, b.policyFailed, "s3:GetBucketPolicy", this.reads.has("bucketPolicy"));
    set(
      "objectOwnership",
      b.ownership,
      b.ownershipFailed,
      "s3:GetBucketOwnershipControls",
      this.reads.has("ownership"),
    );
    set("encryption", b.encryption, b.encryptionFailed, "s3:GetEncryptionConfiguration", this.reads.has("encryption"));
    set(
      "requesterPays",
      b.requesterPays,
      b.requesterPaysFailed,
      "s3:GetBucketRequestPayment",
      this.reads.has("requesterPays"),
    );
    return out;
  }
}

export { classifyAwsError };
export { CollectInputError, validateCollectInput } from "./collect-input";
export type { CollectInput, InputProblem } from "./collect-input";
export { pickSample } from "./sample";
