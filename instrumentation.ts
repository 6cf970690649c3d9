/**
 * Runs once when the server starts. The start-up work (lib/server-start.ts) runs in the Node.js runtime only and is
 * imported dynamically, so that the Edge bundle never sees Node APIs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/server-start");
    await onServerStart();
  }
}
