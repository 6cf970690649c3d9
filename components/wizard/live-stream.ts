import type { ActionError, ActionResult } from "@/lib/actions/result";
import type { LiveResult } from "@/lib/actions/live-core";
import type { StepId } from "@/lib/report/types";
import type { StepProgress } from "@/lib/wizard/wizard-state";

/**
 * Runs a live diagnosis through the streaming route and reports per-step read counts as they happen.
 * The credentials travel in the POST body only.
 */
export async function runLiveStream(
  locale: string,
  body: unknown,
  onProgress: (p: StepProgress) => void,
): Promise<ActionResult<LiveResult>> {
  const res = await fetch(`/${locale}/wizard/live`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
    credentials: "same-origin",
  });
  if (!res.body) return { ok: false, error: { code: "internal", message: `HTTP ${res.status}` } };
  const progress: StepProgress = {};
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let result: ActionResult<LiveResult> | null = null;
  const handle = (line: string) => {
    if (!line.trim()) return;
    const msg = JSON.parse(line) as { type: string; step?: StepId; phase?: string } & Partial<ActionResult<LiveResult>>;
    if (msg.type === "progress" && msg.step) {
      const p = progress[msg.step] ?? { started: 0, ended: 0 };
      progress[msg.step] = msg.phase === "end" ? { ...p, ended: p.ended + 1 } : { ...p, started: p.started + 1 };
      onProgress({ ...progress });
    } else if (msg.type === "result") {
      result = msg.ok
        ? { ok: true, data: (msg as { data: LiveResult }).data }
        : { ok: false, error: (msg as { error: ActionError }).error };
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) !== -1) {
      handle(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
    if (done) break;
  }
  handle(buffer);
  return result ?? { ok: false, error: { code: "internal", message: `HTTP ${res.status}` } };
}
