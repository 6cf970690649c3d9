/**
 * Runs once when the server starts (Node.js runtime only; the start-up work lives in instrumentation-node.ts so that
 * the Edge bundle never sees Node APIs).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/server-start");
    await onServerStart();
  }
}
