import { describe, expect, it } from "vitest";
import { GET } from "./route";

const get = (locale: string, query: Record<string, string>) => {
  const url = new URL(`http://127.0.0.1:3000/${locale}/wizard/collect-script`);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  return GET(new Request(url), { params: Promise.resolve({ locale }) });
};
const ROLE = {
  mode: "role",
  bucketUri: "s3://tidb-cloud-source-data/mydata/",
  roleArn: "arn:aws:iam::111122223333:role/tidb-import",
  externalId: "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
  tidbAccountId: "380838443567",
};

describe("GET /[locale]/wizard/collect-script", () => {
  it("serves the script as a shell-script attachment, filled in and in the page's language", async () => {
    const res = await get("ja", ROLE);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/x-shellscript; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="s3-access-doctor-collect.sh"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(text.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(text).toContain("ROLE_ARN='arn:aws:iam::111122223333:role/tidb-import'");
    expect(text).toContain("読み取り専用");
  });

  it("answers 400 naming the field for a crafted link, never a script", async () => {
    for (const [field, value] of [
      ["roleArn", "arn:aws:iam::111122223333:role/x'$(reboot)"],
      ["externalId", "x`id`"],
      ["tidbAccountId", "1;reboot"],
      ["region", "us-east-1\nreboot"],
      ["bucketUri", "s3://tidb-cloud-source-data/a\n$(reboot)/"],
      ["mode", "root"],
    ] as const) {
      const res = await get("en", { ...ROLE, [field]: value });
      expect(res.status, field).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = await res.json();
      expect(body.error.field).toBe(field);
      expect(JSON.stringify(body)).not.toContain("#!/usr/bin/env bash");
    }
    const twice = new URL("http://127.0.0.1:3000/en/wizard/collect-script");
    for (const [k, v] of Object.entries(ROLE)) twice.searchParams.append(k, v);
    twice.searchParams.append("roleArn", "arn:aws:iam::444455556666:role/other");
    const res = await GET(new Request(twice), { params: Promise.resolve({ locale: "en" }) });
    expect(res.status).toBe(400);
  });
});
