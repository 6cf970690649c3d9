/**
 * shareReport() (what `diagnose --share URL` calls) against a real HTTP server running the report API.
 */
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { ShareError, shareReport } from "@/lib/share/client";
import { startReportsServer, type ReportsServer } from "./support/reports-server";

const report = sample as unknown as Report;
let server: ReportsServer;
let base: string;

beforeAll(async () => {
  server = await startReportsServer("s3doctor-client-");
  base = server.base;
});

afterAll(async () => {
  await server?.stop();
});

describe("shareReport", () => {
  it("sends the report redacted and returns the links", async () => {
    const link = await shareReport(base, report);
    expect(link.url).toBe(`${base}/r/${link.id}`);
    expect(link.deleteUrl).toContain(`/r/${link.id}/delete?token=`);
    const saved = await (await fetch(`${base}/api/reports/${link.id}`)).text();
    expect(saved).not.toContain("123456789012");
    expect(saved).not.toContain("acme-tidb-source-data");
    expect(saved).toContain("example-bucket-1");
  });

  it("sends it as it is with redact: false", async () => {
    const link = await shareReport(`${base}/`, report, { redact: false });
    expect(await (await fetch(`${base}/api/reports/${link.id}`)).json()).toEqual(report);
  });

  it("reports the server's refusal with the JSON path, without the secret", async () => {
    const leaky = structuredClone(report);
    leaky.findings[0].detail = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const err = await shareReport(base, leaky).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareError);
    expect(err).toMatchObject({ status: 400, code: "secret-detected", path: "findings[0].detail" });
    expect((err as Error).message).not.toContain("wJalrXUtnFEMI");
  });

  it("says which URL is wrong or unreachable", async () => {
    await expect(shareReport("not a url", report)).rejects.toThrow(/--share: not a URL/);
    await expect(shareReport("ftp://example.com", report)).rejects.toThrow(/http:\/\/ or https:\/\//);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const addr = closed.address();
    await new Promise((r) => closed.close(r));
    await expect(
      shareReport(`http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 1}`, report),
    ).rejects.toThrow(/cannot reach/);
  });
});
