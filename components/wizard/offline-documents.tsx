"use client";

import { useTranslations } from "next-intl";
import { boxesOfStep, OFFLINE_BOXES, type OfflineBox } from "@/lib/reads/table";
import { STEPS } from "@/lib/report/types";
import type { AccessMode, OfflineDocuments } from "@/lib/wizard/form-types";
import type { PasteError, PasteSource } from "@/lib/wizard/paste-result";
import { DocumentBox, type BoxKit } from "./document-box";
import { Field, TextInput } from "./fields";
import { IdentityPolicyBoxes, KeyPolicyBoxes } from "./policy-list-boxes";
import { usePasteErrorText } from "./use-paste-error-text";
import { ObjectsBoxes, RequesterPaysBox } from "./offline-objects";
import { useCurlyQuotes } from "./use-curly-quotes";

export type DocGroup = OfflineBox;
const ALL_GROUPS: readonly DocGroup[] = OFFLINE_BOXES;

/** Which documents a step reads, for the offline "edit and re-check" form of that step (lib/reads/table.ts). */
export const GROUPS_OF_STEP: Record<string, DocGroup[]> = Object.fromEntries(STEPS.map((s) => [s, boxesOfStep(s)]));

/** Offline source: a textarea per document; raw AWS CLI output is accepted as is. */
export function OfflineDocumentsForm({
  mode,
  docs,
  onChange,
  errors,
  sources,
  groups = ALL_GROUPS,
  idPrefix = "doc",
  onCheck,
}: {
  mode: AccessMode;
  docs: OfflineDocuments;
  onChange: (d: OfflineDocuments) => void;
  errors: PasteError[];
  sources: Record<string, PasteSource>;
  groups?: readonly DocGroup[];
  idPrefix?: string;
  /** Called when the user leaves a document box: the parent reads the documents and shows what it recognised. */
  onCheck?: () => void;
}) {
  const t = useTranslations("wizard.offline");
  const errorText = usePasteErrorText();
  const errOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? errorText(e) : null;
  };
  const quotes = useCurlyQuotes();
  /** A JSON box's message: typographic quotes (with the fix), else its paste error. */
  const msg = (field: string, text: string, apply: (v: string) => void) => {
    const q = quotes(text, apply);
    return q ? { problem: q } : { error: errOf(field) };
  };
  const recognised = (field: string) =>
    sources[field] ? (
      <span className="mt-1 block text-emerald-900" role="status">
        {t("recognised", {
          source:
            sources[field] === "policy"
              ? t("bareDocument")
              : sources[field] === "not-found-error"
                ? t("notFoundError")
                : sources[field],
        })}
      </span>
    ) : null;
  const id = (f: string) => `${idPrefix}-${f.replace(/[[\]]/g, "-")}`;
  const kit: BoxKit = { id, errOf, msg, recognised, onCheck };
  const show = (g: DocGroup) => groups.includes(g) && (g !== "trust" || mode === "role");

  return (
    <div className="space-y-5">
      {show("trust") ? (
        <DocumentBox
          kit={kit}
          field="trustPolicy"
          label={t("trustPolicy.label")}
          hint={t("trustPolicy.hint")}
          text={docs.trustPolicy}
          onChange={(trustPolicy) => onChange({ ...docs, trustPolicy })}
        />
      ) : null}

      {show("identity") ? <IdentityPolicyBoxes mode={mode} docs={docs} onChange={onChange} kit={kit} /> : null}

      {show("bucketPolicy") ? (
        <>
          <DocumentBox
            kit={kit}
            field="bucketPolicy"
            label={t("bucketPolicy.label")}
            hint={t("bucketPolicy.hint")}
            text={docs.bucketPolicy}
            onChange={(bucketPolicy) => onChange({ ...docs, bucketPolicy })}
          />
          <Field id={id("bucketOwnerAccountId")} label={t("bucketOwner.label")} hint={t("bucketOwner.hint")}>
            <TextInput
              id={id("bucketOwnerAccountId")}
              value={docs.bucketOwnerAccountId}
              onChange={(v) => onChange({ ...docs, bucketOwnerAccountId: v })}
              hint
              inputMode="numeric"
              autoComplete="off"
            />
          </Field>
          <RequesterPaysBox docs={docs} onChange={onChange} kit={kit} />
        </>
      ) : null}

      {show("ownership") ? (
        <DocumentBox
          kit={kit}
          field="objectOwnership"
          label={t("ownership.label")}
          hint={t("ownership.hint")}
          text={docs.objectOwnership}
          onChange={(objectOwnership) => onChange({ ...docs, objectOwnership })}
          rows={3}
        />
      ) : null}

      {show("encryption") ? (
        <>
          <DocumentBox
            kit={kit}
            field="bucketEncryption"
            label={t("encryption.label")}
            hint={t("encryption.hint")}
            text={docs.bucketEncryption}
            onChange={(bucketEncryption) => onChange({ ...docs, bucketEncryption })}
            rows={4}
          />
          <KeyPolicyBoxes docs={docs} onChange={onChange} kit={kit} />
        </>
      ) : null}

      {show("objects") ? <ObjectsBoxes docs={docs} onChange={onChange} kit={kit} /> : null}
    </div>
  );
}
