import { afterEach, describe, expect, it, vi } from "vitest";

describe("endpoint override", () => {
  afterEach(() => vi.restoreAllMocks());

  it("comes only from the server's environment, the service variable first, and is announced once on stderr", async () => {
    vi.resetModules();
    const { endpointOverride } = await import("./endpoints");
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => (lines.push(String(s)), true));
    const env = {
      AWS_ENDPOINT_URL: "http://127.0.0.1:4599",
      AWS_ENDPOINT_URL_S3: "http://127.0.0.1:4600",
    } as unknown as NodeJS.ProcessEnv;
    expect(endpointOverride("s3", env)).toBe("http://127.0.0.1:4600");
    expect(endpointOverride("kms", env)).toBe("http://127.0.0.1:4599");
    expect(endpointOverride("iam", {} as NodeJS.ProcessEnv)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /AWS endpoint override in effect: AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:4599, AWS_ENDPOINT_URL_S3=http:\/\/127\.0\.0\.1:4600/,
    );
  });
});
