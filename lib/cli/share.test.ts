import { describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { shareFromCli, ShareOptionError, takeShareOption } from "./share";

const report = sample as unknown as Report;

describe("takeShareOption", () => {
  it("takes --share URL or --share=URL out of argv, leaving the command's own options", () => {
    expect(takeShareOption(["--bucket-uri", "s3://b/", "--share", "http://localhost:3000", "--json"])).toEqual({
      share: "http://localhost:3000",
      rest: ["--bucket-uri", "s3://b/", "--json"],
    });
    expect(takeShareOption(["--share=https://doctor.example.com"]).share).toBe("https://doctor.example.com");
    expect(takeShareOption(["--json"])).toEqual({ share: null, rest: ["--json"] });
  });

  it("names the option when the URL is missing or wrong", () => {
    expect(() => takeShareOption(["--share"])).toThrow(ShareOptionError);
    expect(() => takeShareOption(["--share", "--json"])).toThrow(/--share: expected/);
    expect(() => takeShareOption(["--share", "localhost"])).toThrow(/--share: not a URL/);
    expect(() => takeShareOption(["--share", "file:///etc/passwd"])).toThrow(/--share: the URL must start with http/);
  });
});

describe("shareFromCli", () => {
  it("sends the redacted report and prints both links", async () => {
    let sent = "";
    const fakeServer = (async (_url: URL, init?: RequestInit) => {
      sent = String(init?.body);
      return new Response(
        JSON.stringify({
          id: "x".repeat(24),
          url: "http://s/r/x",
          deleteUrl: "http://s/r/x/delete?token=t",
          expiresAt: "2026-12-28T00:00:00.000Z",
        }),
        {
          status: 201,
        },
      );
    }) as unknown as typeof fetch;
    let printed = "";
    const ok = await shareFromCli("http://s", report, { write: (s: string) => (printed += s) }, fakeServer);
    expect(ok).toBe(true);
    expect(printed).toContain("Shared (redacted): http://s/r/x");
    expect(printed).toContain("Delete link (keep it private): http://s/r/x/delete?token=t");
    expect(sent).not.toContain("123456789012");
    expect(sent).not.toContain("acme-tidb-source-data");
  });

  it("prints the server's refusal and reports failure", async () => {
    const refusing = (async () =>
      new Response(
        JSON.stringify({
          error: {
            code: "secret-detected",
            message: "findings[0].detail: looks like an AWS secret access key",
            path: "findings[0].detail",
          },
        }),
        {
          status: 400,
        },
      )) as unknown as typeof fetch;
    let printed = "";
    expect(await shareFromCli("http://s", report, { write: (s: string) => (printed += s) }, refusing)).toBe(false);
    expect(printed).toMatch(/^--share: sharing failed \(HTTP 400\): findings\[0\]\.detail/);
  });
});
