/**
 * A wire-level fake AWS endpoint on loopback for tests: speaks the real protocols the AWS SDK uses for every
 * operation the collector calls (IAM and STS Query/XML, S3 REST-XML path-style, KMS JSON 1.1), serves named
 * scenarios, delays every call and injects faults per operation. It serves configuration; it does not evaluate IAM.
 * It checks that each request is SigV4-signed and reads the access key id from the signature (it does not verify
 * the signature), and it never records a secret or a session token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { routeKms } from "./kms-protocol";
import { routeQuery } from "./query-protocol";
import { importCallOf, routeS3 } from "./s3-protocol";
import { loadScenarios, type Scenario } from "./scenario";
import { FakeAwsError, type Reply, type RequestContext, type Routed } from "./types";

export type FaultKind = "throttle" | "500" | "timeout" | "reset" | "malformed" | "AccessDenied";
/** A fault for every call of an operation, or only for the first `times` calls. */
type FaultSpec = FaultKind | { kind: FaultKind; times?: number };
/** Operation ("s3:GetBucketPolicy", "iam:GetRole", "kms:DescribeKey", …, or "*" for every one) → fault. */
export type Faults = Record<string, FaultSpec>;

export interface FakeAwsOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Scenario for access key ids that no scenario claims (a name, or a Scenario object). */
  scenario?: string | Scenario;
  /** Access key id → scenario name, on top of each scenario's own `diagnosingKeys`. */
  keys?: Record<string, string>;
  /** Fixed delay before every answer. */
  latencyMs?: number;
  faults?: Faults;
  /** Extra scenarios (by name), on top of tests/fake-aws/scenarios/*.json. */
  scenarios?: Scenario[];
}

interface FakeCall {
  op: string;
  accessKeyId: string;
  importKey: boolean;
  region: string;
  status: number;
  fault?: FaultKind;
  startedAt: number;
  endedAt?: number;
}

export interface FakeAws {
  url: string;
  port: number;
  /** Every request received, in arrival order (no secrets: the access key id only). */
  calls: FakeCall[];
  scenarios: Map<string, Scenario>;
  /** Selects the scenario for one access key id, or the default scenario when none is given. */
  setScenario(name: string | Scenario, accessKeyId?: string): void;
  /** Replaces the faults, for every caller or for one access key id. */
  setFaults(faults: Faults, accessKeyId?: string): void;
  setLatency(ms: number): void;
  stop(): Promise<void>;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=[a-z0-9;-]+,\s*Signature=[0-9a-f]{64}$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, r: Reply) {
  const body = r.body === undefined ? undefined : typeof r.body === "string" ? Buffer.from(r.body) : r.body;
  const headers: Record<string, string> = { "x-amz-request-id": "FAKEREQUESTID", ...(r.headers ?? {}) };
  if (body && !headers["content-length"]) headers["content-length"] = String(body.length);
  if (!body && !headers["content-length"]) headers["content-length"] = "0";
  res.writeHead(r.status, headers);
  res.end(body);
}

function faultReply(route: Routed, kind: FaultKind, service: string): Reply {
  switch (kind) {
    case "throttle":
      return service === "s3"
        ? route.error(new FakeAwsError(503, "SlowDown", "Please reduce your request rate."))
        : service === "kms"
          ? route.error(new FakeAwsError(400, "ThrottlingException", "Rate exceeded"))
          : route.error(new FakeAwsError(400, "Throttling", "Rate exceeded"));
    case "500":
      return service === "s3"
        ? route.error(new FakeAwsError(500, "InternalError", "We encountered an internal error. Please try again."))
        : service === "kms"
          ? route.error(new FakeAwsError(500, "KMSInternalException", "An internal error occurred."))
          : route.error(
              new FakeAwsError(500, "ServiceFailure", "The request processing has failed because of an unknown error."),
            );
    case "malformed":
      return route.malformed();
    default:
      return accessDenied(route, service, "the fault injected by the test");
  }
}

function accessDenied(route: Routed, service: string, why: string): Reply {
  if (service === "kms")
    return route.error(
      new FakeAwsError(400, "AccessDeniedException", `Not authorized to perform ${route.op} (${why})`),
    );
  if (service === "s3") return route.error(new FakeAwsError(403, "AccessDenied", "Access Denied"));
  return route.error(new FakeAwsError(403, "AccessDenied", `Not authorized to perform: ${route.op} (${why})`));
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const scenarios = loadScenarios();
  for (const s of options.scenarios ?? []) scenarios.set(s.name, s);
  const resolveScenario = (s: string | Scenario): Scenario => {
    if (typeof s !== "string") {
      scenarios.set(s.name, s);
      return s;
    }
    const found = scenarios.get(s);
    if (!found) throw new Error(`unknown fake AWS scenario "${s}" (known: ${[...scenarios.keys()].join(", ")})`);
    return found;
  };
  let defaultScenario = options.scenario ? resolveScenario(options.scenario) : undefined;
  const keyScenario = new Map<string, Scenario>();
  for (const [k, name] of Object.entries(options.keys ?? {})) keyScenario.set(k, resolveScenario(name));
  let latencyMs = options.latencyMs ?? 0;
  let faults: Faults = { ...(options.faults ?? {}) };
  const keyFaults = new Map<string, Faults>();
  const calls: FakeCall[] = [];

  /** Which scenario a request belongs to, and whether it is signed with the scenario's import key. */
  function lookup(accessKeyId: string): { scenario: Scenario; importKey: boolean } | undefined {
    const explicit = keyScenario.get(accessKeyId);
    if (explicit) return { scenario: explicit, importKey: false };
    for (const s of scenarios.values())
      if (s.diagnosingKeys?.includes(accessKeyId)) return { scenario: s, importKey: false };
    const importers = [...keyScenario.values(), ...(defaultScenario ? [defaultScenario] : []), ...scenarios.values()];
    for (const s of importers) {
      if (s.snapshot.target.mode === "access-key" && s.snapshot.target.accessKeyId === accessKeyId)
        return { scenario: s, importKey: true };
    }
    return defaultScenario ? { scenario: defaultScenario, importKey: false } : undefined;
  }

  function takeFault(op: string, accessKeyId: string): FaultKind | undefined {
    for (const table of [keyFaults.get(accessKeyId), faults]) {
      if (!table) continue;
      for (const name of [op, "*"]) {
        const spec = table[name];
        if (!spec) continue;
        if (typeof spec === "string") return spec;
        if (spec.times === undefined) return spec.kind;
        if (spec.times > 0) {
          spec.times--;
          return spec.kind;
        }
      }
    }
    return undefined;
  }

  const server = createServer(async (req, res) => {
    const startedAt = Date.now();
    const body = await readBody(req).catch(() => "");
    const url = new URL(req.url ?? "/", "http://fake-aws");
    const auth = AUTH.exec(String(req.headers.authorization ?? ""));
    if (!auth) {
      send(res, {
        status: 403,
        headers: { "content-type": "text/xml" },
        body: '<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing a SigV4 Authorization header.</Message></Error></ErrorResponse>',
      });
      return;
    }
    const [, accessKeyId, , region, service] = auth;
    let route: Routed;
    if (service === "iam" || service === "sts") route = routeQuery(service, body);
    else if (service === "kms") route = routeKms(String(req.headers["x-amz-target"] ?? ""), body);
    else if (service === "s3") route = routeS3(req.method ?? "GET", url, req.headers);
    else {
      send(res, { status: 400, body: `unsupported service ${service}` });
      return;
    }
    const found = lookup(accessKeyId);
    const call: FakeCall = {
      op: route.op,
      accessKeyId,
      importKey: Boolean(found?.importKey),
      region,
      status: 0,
      startedAt,
    };
    calls.push(call);
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));

    const finish = (r: Reply) => {
      call.status = r.status;
      call.endedAt = Date.now();
      if (!res.destroyed) send(res, r);
    };
    if (!found) {
      const code =
        service === "s3"
          ? "InvalidAccessKeyId"
          : service === "kms"
            ? "UnrecognizedClientException"
            : "InvalidClientTokenId";
      finish(route.error(new FakeAwsError(403, code, "The security token included in the request is invalid.")));
      return;
    }
    const fault = takeFault(route.op, accessKeyId);
    if (fault) {
      call.fault = fault;
      if (fault === "timeout") return; // never answers; the socket is closed on stop()
      if (fault === "reset") {
        call.status = -1;
        req.socket.destroy();
        return;
      }
      finish(faultReply(route, fault, service));
      return;
    }
    const servedOf = found.scenario.serveSnapshotOf ? scenarios.get(found.scenario.serveSnapshotOf) : undefined;
    const served = servedOf ? { ...found.scenario, snapshot: servedOf.snapshot } : found.scenario;
    const ctx: RequestContext = { scenario: served, accessKeyId, importKey: found.importKey, region };
    if (found.importKey) {
      const importCall = importCallOf(route.op);
      const outcome = importCall ? (found.scenario.importOutcomes?.[importCall] ?? "ok") : "AccessDenied";
      if (outcome === "AccessDenied") return finish(accessDenied(route, service, "import key"));
      if (outcome !== "ok")
        return finish(
          route.error(
            new FakeAwsError(
              403,
              outcome,
              outcome === "InvalidAccessKeyId"
                ? "The AWS Access Key Id you provided does not exist in our records."
                : "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            ),
          ),
        );
    } else if (found.scenario.denied?.includes(route.op)) {
      return finish(accessDenied(route, service, "denied by the scenario"));
    }
    try {
      finish(route.handle(ctx));
    } catch (e) {
      if (e instanceof FakeAwsError) finish(route.error(e));
      else finish({ status: 500, body: `fake AWS bug: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    scenarios,
    setScenario(name, accessKeyId) {
      const s = resolveScenario(name);
      if (accessKeyId) keyScenario.set(accessKeyId, s);
      else defaultScenario = s;
    },
    setFaults(next, accessKeyId) {
      const copy = JSON.parse(JSON.stringify(next)) as Faults;
      if (accessKeyId) keyFaults.set(accessKeyId, copy);
      else faults = copy;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
