// IAM and STS: AWS Query protocol (form-encoded POST in, XML out).
import { el, members, t, XML_DECL } from "./xml";
import { FakeAwsError, type Reply, type RequestContext, type Routed } from "./types";
import type { PolicyDocument } from "@/lib/snapshot/schema";

const NS = { iam: "https://iam.amazonaws.com/doc/2010-05-08/", sts: "https://sts.amazonaws.com/doc/2011-06-15/" };
const CREATED = "2026-01-15T09:00:00Z";

/** IAM returns policy documents URL-encoded (RFC 3986). */
function encodeDoc(doc: PolicyDocument): string {
  return encodeURIComponent(JSON.stringify(doc));
}

function ok(service: "iam" | "sts", action: string, result: string): Reply {
  return {
    status: 200,
    headers: { "content-type": "text/xml" },
    body: `${XML_DECL}<${action}Response xmlns="${NS[service]}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>fake-${action}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function errorReply(service: "iam" | "sts", e: FakeAwsError): Reply {
  return {
    status: e.status,
    headers: { "content-type": "text/xml" },
    body: `${XML_DECL}<ErrorResponse xmlns="${NS[service]}"><Error><Type>${e.status >= 500 ? "Receiver" : "Sender"}</Type><Code>${e.code}</Code><Message>${t(e.message)}</Message></Error><RequestId>fake-error</RequestId></ErrorResponse>`,
  };
}

const noSuchEntity = (what: string) => new FakeAwsError(404, "NoSuchEntity", `The ${what} cannot be found.`);
const nameOf = (arn: string | null | undefined) => (arn ?? "").split("/").pop() ?? "";

function policies(map: Record<string, PolicyDocument> | null | undefined) {
  return map ?? {};
}

function findManaged(ctx: RequestContext, arn: string): PolicyDocument | undefined {
  const s = ctx.scenario.snapshot;
  const pools = [
    s.role?.attachedPolicies,
    s.user?.attachedPolicies,
    ...(s.user?.groups ?? []).map((g) => g.attachedPolicies),
  ];
  for (const p of pools) if (p && p[arn]) return p[arn];
  if (boundaryArnOf(s.role) === arn && s.role?.permissionsBoundary) return s.role.permissionsBoundary;
  if (boundaryArnOf(s.user) === arn && s.user?.permissionsBoundary) return s.user.permissionsBoundary;
  return undefined;
}

function role(ctx: RequestContext, name: string | undefined) {
  const r = ctx.scenario.snapshot.role;
  if (!r || !r.exists || nameOf(r.arn) !== name) throw noSuchEntity(`role with name ${name}`);
  return r;
}

function user(ctx: RequestContext, name: string | undefined) {
  const u = ctx.scenario.snapshot.user;
  if (!u || !u.exists || nameOf(u.arn) !== name) throw noSuchEntity(`user with name ${name}`);
  return u;
}

function group(ctx: RequestContext, name: string | undefined) {
  const g = (ctx.scenario.snapshot.user?.groups ?? []).find((x) => x.name === name);
  if (!g) throw noSuchEntity(`group with name ${name}`);
  return g;
}

function accountOf(ctx: RequestContext): string {
  return ctx.scenario.snapshot.caller?.accountId ?? "111122223333";
}

function boundaryXml(arn: string | null | undefined) {
  return arn
    ? el("PermissionsBoundary", [el("PermissionsBoundaryType", "Policy"), el("PermissionsBoundaryArn", t(arn))])
    : "";
}

/** A boundary document without its ARN (a hand-written snapshot) is served under a made-up managed policy ARN. */
function boundaryArnOf(
  entity:
    | { arn?: string | null; permissionsBoundary?: PolicyDocument | null; permissionsBoundaryArn?: string | null }
    | null
    | undefined,
): string | undefined {
  if (!entity) return undefined;
  if (entity.permissionsBoundaryArn) return entity.permissionsBoundaryArn;
  if (!entity.permissionsBoundary) return undefined;
  const account = (entity.arn ?? "").split(":")[4] || "111122223333";
  return `arn:aws:iam::${account}:policy/permissions-boundary`;
}

function listNames(names: string[]) {
  return [el("PolicyNames", members(names, t)), el("IsTruncated", "false")];
}

function listAttached(map: Record<string, PolicyDocument> | null | undefined) {
  return [
    el(
      "AttachedPolicies",
      members(Object.keys(policies(map)), (arn) => [el("PolicyName", t(nameOf(arn))), el("PolicyArn", t(arn))]),
    ),
    el("IsTruncated", "false"),
  ];
}

function listTags(tags: Record<string, string> | null | undefined) {
  return [
    el(
      "Tags",
      members(Object.entries(tags ?? {}), ([k, v]) => [el("Key", t(k)), el("Value", t(v))]),
    ),
    el("IsTruncated", "false"),
  ].join("");
}

type Handler = (p: URLSearchParams, ctx: RequestContext) => string;

const IAM: Record<string, Handler> = {
  GetRole: (p, ctx) => {
    const r = role(ctx, p.get("RoleName") ?? undefined);
    return el("Role", [
      el("Path", "/"),
      el("RoleName", t(nameOf(r.arn))),
      el("RoleId", t(r.id ?? "AROAFAKEROLEID000001")),
      el("Arn", t(r.arn)),
      el("CreateDate", CREATED),
      el("AssumeRolePolicyDocument", r.trustPolicy ? encodeDoc(r.trustPolicy) : undefined),
      el("MaxSessionDuration", "3600"),
      boundaryXml(boundaryArnOf(r)),
    ]);
  },
  ListRolePolicies: (p, ctx) =>
    listNames(Object.keys(policies(role(ctx, p.get("RoleName") ?? undefined).inlinePolicies))).join(""),
  GetRolePolicy: (p, ctx) => {
    const r = role(ctx, p.get("RoleName") ?? undefined);
    const name = p.get("PolicyName") ?? "";
    const doc = policies(r.inlinePolicies)[name];
    if (!doc) throw noSuchEntity(`role policy with name ${name}`);
    return [el("RoleName", t(nameOf(r.arn))), el("PolicyName", t(name)), el("PolicyDocument", encodeDoc(doc))].join("");
  },
  ListAttachedRolePolicies: (p, ctx) =>
    listAttached(role(ctx, p.get("RoleName") ?? undefined).attachedPolicies).join(""),
  ListRoleTags: (p, ctx) => listTags(role(ctx, p.get("RoleName") ?? undefined).tags),
  GetPolicy: (p, ctx) => {
    const arn = p.get("PolicyArn") ?? "";
    if (!findManaged(ctx, arn)) throw noSuchEntity(`policy ${arn}`);
    return el("Policy", [
      el("PolicyName", t(nameOf(arn))),
      el("PolicyId", "ANPAFAKEPOLICY000001"),
      el("Arn", t(arn)),
      el("Path", "/"),
      el("DefaultVersionId", "v3"),
      el("AttachmentCount", "1"),
      el("IsAttachable", "true"),
      el("CreateDate", CREATED),
    ]);
  },
  GetPolicyVersion: (p, ctx) => {
    const arn = p.get("PolicyArn") ?? "";
    const doc = findManaged(ctx, arn);
    if (!doc || p.get("VersionId") !== "v3") throw noSuchEntity(`policy version ${p.get("VersionId")} of ${arn}`);
    return el("PolicyVersion", [
      el("Document", encodeDoc(doc)),
      el("VersionId", "v3"),
      el("IsDefaultVersion", "true"),
      el("CreateDate", CREATED),
    ]);
  },
  GetAccessKeyLastUsed: (p, ctx) => {
    const id = p.get("AccessKeyId") ?? "";
    const u = ctx.scenario.snapshot.user;
    const key = u?.accessKeys?.find((k) => k.id === id);
    if (!u || !key) {
      throw new FakeAwsError(
        403,
        "AccessDenied",
        `User: ${ctx.scenario.snapshot.caller?.arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`,
      );
    }
    return [
      el("UserName", t(nameOf(u.arn))),
      el("AccessKeyLastUsed", [
        el("LastUsedDate", key.lastUsedDate ? t(new Date(key.lastUsedDate).toISOString()) : undefined),
        el("ServiceName", t(key.lastUsedService ?? "N/A")),
        el("Region", t(key.lastUsedService && key.lastUsedService !== "N/A" ? "us-east-1" : "N/A")),
      ]),
    ].join("");
  },
  GetUser: (p, ctx) => {
    const u = user(ctx, p.get("UserName") ?? undefined);
    return el("User", [
      el("Path", "/"),
      el("UserName", t(nameOf(u.arn))),
      el("UserId", t(u.id ?? "AIDAFAKEUSERID000001")),
      el("Arn", t(u.arn)),
      el("CreateDate", CREATED),
      boundaryXml(boundaryArnOf(u)),
    ]);
  },
  ListAccessKeys: (p, ctx) => {
    const u = user(ctx, p.get("UserName") ?? undefined);
    return [
      el(
        "AccessKeyMetadata",
        members(u.accessKeys ?? [], (k) => [
          el("UserName", t(nameOf(u.arn))),
          el("AccessKeyId", t(k.id)),
          el("Status", t(k.status)),
          el("CreateDate", CREATED),
        ]),
      ),
      el("IsTruncated", "false"),
    ].join("");
  },
  ListUserTags: (p, ctx) => listTags(user(ctx, p.get("UserName") ?? undefined).tags),
  ListUserPolicies: (p, ctx) =>
    listNames(Object.keys(policies(user(ctx, p.get("UserName") ?? undefined).inlinePolicies))).join(""),
  GetUserPolicy: (p, ctx) => {
    const u = user(ctx, p.get("UserName") ?? undefined);
    const name = p.get("PolicyName") ?? "";
    const doc = policies(u.inlinePolicies)[name];
    if (!doc) throw noSuchEntity(`user policy with name ${name}`);
    return [el("UserName", t(nameOf(u.arn))), el("PolicyName", t(name)), el("PolicyDocument", encodeDoc(doc))].join("");
  },
  ListAttachedUserPolicies: (p, ctx) =>
    listAttached(user(ctx, p.get("UserName") ?? undefined).attachedPolicies).join(""),
  ListGroupsForUser: (p, ctx) => {
    const u = user(ctx, p.get("UserName") ?? undefined);
    return [
      el(
        "Groups",
        members(u.groups ?? [], (g) => [
          el("Path", "/"),
          el("GroupName", t(g.name)),
          el("GroupId", "AGPAFAKEGROUP0000001"),
          el("Arn", t(`arn:aws:iam::${accountOf(ctx)}:group/${g.name}`)),
          el("CreateDate", CREATED),
        ]),
      ),
      el("IsTruncated", "false"),
    ].join("");
  },
  ListGroupPolicies: (p, ctx) =>
    listNames(Object.keys(policies(group(ctx, p.get("GroupName") ?? undefined).inlinePolicies))).join(""),
  GetGroupPolicy: (p, ctx) => {
    const g = group(ctx, p.get("GroupName") ?? undefined);
    const name = p.get("PolicyName") ?? "";
    const doc = policies(g.inlinePolicies)[name];
    if (!doc) throw noSuchEntity(`group policy with name ${name}`);
    return [el("GroupName", t(g.name)), el("PolicyName", t(name)), el("PolicyDocument", encodeDoc(doc))].join("");
  },
  ListAttachedGroupPolicies: (p, ctx) =>
    listAttached(group(ctx, p.get("GroupName") ?? undefined).attachedPolicies).join(""),
  // AWS's verdicts are configuration of the scenario (`snapshot.simulation`), never computed here: a pair it does
  // not list answers implicitDeny, and a scenario without any stands for credentials that may not call the simulator.
  SimulatePrincipalPolicy: (p, ctx) => {
    const s = ctx.scenario.snapshot;
    const source = p.get("PolicySourceArn") ?? "";
    if (!s.simulation)
      throw new FakeAwsError(
        403,
        "AccessDenied",
        `Not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${source}`,
      );
    if (source !== s.role?.arn && source !== s.user?.arn) throw noSuchEntity(`entity ${source}`);
    const list = (name: string) => [...p.entries()].filter(([k]) => k.startsWith(`${name}.member.`)).map(([, v]) => v);
    const results: string[] = [];
    for (const action of list("ActionNames")) {
      for (const resource of list("ResourceArns")) {
        const hit = s.simulation.find((x) => x.action === action && x.resource === resource);
        results.push(
          el("member", [
            el("EvalActionName", t(action)),
            el("EvalResourceName", t(resource)),
            el("EvalDecision", hit?.decision ?? "implicitDeny"),
            el("MatchedStatements", ""),
            el("MissingContextValues", ""),
          ]),
        );
      }
    }
    return [el("EvaluationResults", results.join("")), el("IsTruncated", "false")].join("");
  },
};

const STS: Record<string, Handler> = {
  GetCallerIdentity: (_p, ctx) => {
    const c = ctx.scenario.snapshot.caller;
    if (!c)
      throw new FakeAwsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    return [el("Arn", t(c.arn)), el("UserId", "AIDAFAKECALLER000001"), el("Account", t(c.accountId))].join("");
  },
  GetAccessKeyInfo: (p, ctx) => {
    const id = p.get("AccessKeyId") ?? "";
    const u = ctx.scenario.snapshot.user;
    const account = u?.accountId ?? (u?.arn ? u.arn.split(":")[4] : undefined);
    if (!account || ctx.scenario.snapshot.target.accessKeyId !== id) {
      // AWS answers for any well-formed key; an unknown one gets a made-up account here.
      return el("Account", "999988887777");
    }
    return el("Account", t(account));
  },
};

/** Routes a form-encoded Query request of IAM or STS. */
export function routeQuery(service: "iam" | "sts", body: string): Routed {
  const params = new URLSearchParams(body);
  const action = params.get("Action") ?? "";
  const table = service === "iam" ? IAM : STS;
  const handler = table[action];
  const error = (e: FakeAwsError) => errorReply(service, e);
  return {
    op: `${service}:${action}`,
    error,
    malformed: () => ({ status: 200, headers: { "content-type": "text/xml" }, body: "<<<this is not XML" }),
    handle(ctx) {
      if (!handler)
        return error(
          new FakeAwsError(400, "InvalidAction", `The fake endpoint does not implement ${service}:${action}.`),
        );
      return ok(service, action, handler(params, ctx));
    },
  };
}
