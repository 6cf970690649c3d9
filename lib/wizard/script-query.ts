/** The start form as the query of the collection script's address (/<locale>/wizard/collect-script?…). Pure. */
import type { StartInput } from "./form-types";

export function scriptQuery(start: StartInput): string {
  const q = new URLSearchParams();
  const put = (k: keyof StartInput) => {
    const v = start[k].trim();
    if (v) q.set(k, v);
  };
  q.set("mode", start.mode);
  put("bucketUri");
  if (start.mode === "role") {
    put("roleArn");
    put("externalId");
    put("tidbAccountId");
  } else put("accessKeyId");
  put("region");
  return q.toString();
}
