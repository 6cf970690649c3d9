"use client";

import { useTranslations } from "next-intl";
import type { Finding } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { sortFindings } from "@/lib/wizard/steps";
import { FindingCard } from "./finding-card";

/** A step's findings, problems first. */
export function FindingList({ findings, snapshot }: { findings: Finding[]; snapshot: Snapshot | null }) {
  const t = useTranslations("findings");
  if (findings.length === 0) return <p className="text-slate-700">{t("none")}</p>;
  return (
    <div className="space-y-3">
      {sortFindings(findings).map((f) => (
        <FindingCard key={f.id} finding={f} snapshot={snapshot} />
      ))}
    </div>
  );
}
