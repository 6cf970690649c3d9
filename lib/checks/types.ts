import type { CheckStatus, Evidence, Fix, StepId } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { Derived } from "./derive/derived";
import type { FixWorkspace } from "@/lib/fixes/workspace";
import type { CheckId } from "./ids";

/** Languages a report can be written in. */
export type { ReportLocale } from "@/lib/report/types";

/** One message in both languages, kept beside the check that says it. */
export interface Localized {
  en: string;
  ja: string;
}

/** What a check returns; the runner adds id, step and the language. */
export interface Outcome {
  status: CheckStatus;
  /** A status-specific title; the check's catalogue title when absent. */
  title?: Localized;
  detail: Localized;
  evidence?: Evidence;
  fix?: Fix;
  /** The fix's console steps and notes in both languages (the report takes its language's; see toReport). */
  fixText?: {
    console?: LocalizedList;
    notes?: LocalizedList;
    /** Says what fix.alternatives do; shown as the last note while the proof keeps them. */
    alternative?: Localized;
  };
  /** For unknown: the IAM action or document that would settle it. */
  unavailable?: Localized;
}

export interface CheckContext {
  snapshot: Snapshot;
  /** Facts derived once from the snapshot: the parsed target, principal, policies, the import's requests. */
  derived: Derived;
  /** Documents as corrected by earlier findings' fixes in this run (each fix builds on the previous ones). */
  fixes: FixWorkspace;
  /** Outcomes of the checks that ran before this one in this run (catalogue order). */
  previous: readonly { id: CheckId; step: StepId; outcome: Outcome }[];
  now: Date;
}

export interface Check {
  /** One of lib/checks/ids.ts (stable: never renamed). */
  id: CheckId;
  step: StepId;
  title: Localized;
  run(ctx: CheckContext): Outcome | Promise<Outcome>;
}

export const defineCheck = <const C extends Check>(c: C): C => c;

export const l = (en: string, ja: string): Localized => ({ en, ja });

/** A list of sentences (console steps, notes) in both languages. */
export interface LocalizedList {
  en: string[];
  ja: string[];
}
