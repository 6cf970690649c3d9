import { reportPageGet } from "@/lib/share/report-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The shared report page in English: lib/share/report-route.ts (one route file per locale, see there). */
export const GET = reportPageGet("en");
