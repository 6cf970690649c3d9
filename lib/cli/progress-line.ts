import "server-only";
import type { ProgressEvent } from "@/lib/aws/run";
import { paint as paintIf } from "./colour";

/** One progress line per finished read, for a terminal (stderr): "  ok   bucket-policy    s3:GetBucketPolicy  …". */
export function progressLine(e: ProgressEvent, colour: boolean): string | null {
  if (e.type !== "end") return null;
  const paint = (code: number, s: string) => paintIf(colour, code, s);
  const mark = e.ok ? paint(32, "ok  ") : e.absent ? paint(32, "none") : paint(33, "miss");
  const subject = e.subject ? ` ${e.subject}` : "";
  const why = e.ok || e.absent ? "" : ` (${e.error})`;
  return `  ${mark} ${e.step.padEnd(16)} ${e.op}${subject}${why}  ${(e.at / 1000).toFixed(1)} s`;
}
