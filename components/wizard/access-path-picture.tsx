"use client";

import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import { STATUS_TOKENS } from "@/lib/report/status";
import type { Hop } from "@/lib/wizard/access-path";

/**
 * The access path as a picture: one box per hop, in order, each coloured by the worst status of its checks (with
 * the status in words too) and each a link to the step that shows those checks.
 */
export function AccessPathPicture({ hops, onOpen }: { hops: Hop[]; onOpen: (step: Hop["step"]) => void }) {
  const t = useTranslations("wizard.path");
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">{t("title")}</figcaption>
      <ol className="flex flex-col items-stretch gap-1 sm:flex-row sm:flex-wrap sm:items-center">
        {hops.map((h, i) => {
          const s = STATUS_TOKENS[h.status];
          return (
            <li key={h.id} className="flex flex-col items-center sm:flex-row" data-hop={h.id} data-status={h.status}>
              {i > 0 ? (
                <span aria-hidden="true" className="px-2 text-xl text-slate-500">
                  <span className="sm:hidden">↓</span>
                  <span className="hidden sm:inline">→</span>
                </span>
              ) : null}
              <a
                href={`#step-${h.step}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(h.step);
                }}
                style={{ backgroundColor: s.fill, borderColor: s.stroke }}
                className="flex w-full min-w-[8.5rem] flex-col items-center gap-1 rounded-lg border-2 px-3 py-2 text-center text-slate-900 no-underline hover:shadow sm:w-auto"
              >
                <span className="font-semibold">{t(`hops.${h.id}`)}</span>
                <StatusBadge status={h.status} />
              </a>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
