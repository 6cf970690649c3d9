import { reportPageRoute } from "@/lib/share/report-route";

/**
 * The shared report page /<locale>/r/<id> (next.config.js rewrites it here): lib/share/report-route.ts says why it is an
 * API route of the pages router. Asked by this path directly, proxy.ts answers 404.
 */
export default reportPageRoute;

// GET only: no request body to parse. The page's size is bounded by the report's (lib/share/report-schema.ts), not by
// Next's 4 MB warning for API answers.
export const config = { api: { bodyParser: false, responseLimit: false } };
