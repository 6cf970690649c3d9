"use client";

import { useTranslations } from "next-intl";
import { boxesOfStep, OFFLINE_BOXES, type OfflineBox } from "@/lib/reads/table";
import { STEPS } from "@/lib/report/types";
import { EXAMPLE_IDS, type ExampleId } from "@/lib/wizard/examples";
import type { AccessMode, OfflineDocuments } from "@/lib/wizard/form-types";
import type { PasteError, PasteSource } from "@/lib/wizard/paste-result";
import { Field, TextArea, TextInput } from "./fields";

export type DocGroup = OfflineBox;
const ALL_GROUPS: readonly DocGroup[] = OFFLINE_BOXES;

/** Which documents a step reads, for the offline "edit and re-check" form of that step (lib/reads/table.ts). */
export const GROUPS_OF_STEP: Record<string, DocGroup[]> = Object.fromEntries(STEPS.map((s) => [s, boxesOfStep(s)]));

/** Turns a paste error into the user's language, naming the field and the JSON path. */
function usePasteErrorText() {
  const t = useTranslations("wizard.pasteErrors");
  return (e: PasteError) =>
    t(e.code, {
      path: e.path,
      line: Number(e.params?.line ?? 0),
      column: Number(e.params?.column ?? 0),
      message: String(e.params?.message ?? ""),
    });
}

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
  const show = (g: DocGroup) => groups.includes(g) && (g !== "trust" || mode === "role");

  return (
    <div className="space-y-5">
      {show("trust") ? (
        <Field
          id={id("trustPolicy")}
          label={t("trustPolicy.label")}
          hint={
            <>
              {t("trustPolicy.hint")}
              {recognised("trustPolicy")}
            </>
          }
          error={errOf("trustPolicy")}
        >
          <TextArea
            onBlur={onCheck}
            id={id("trustPolicy")}
            value={docs.trustPolicy}
            onChange={(v) => onChange({ ...docs, trustPolicy: v })}
            hint
            error={errOf("trustPolicy")}
          />
        </Field>
      ) : null}

      {show("identity") ? (
        <fieldset className="space-y-4 rounded border border-slate-200 p-3">
          <legend className="px-1 font-medium">
            {mode === "role" ? t("identity.legendRole") : t("identity.legendUser")}
          </legend>
          <p className="text-sm text-slate-700">{t("identity.hint")}</p>
          {mode === "access-key" ? (
            <Field id={id("userArn")} label={t("userArn.label")} hint={t("userArn.hint")}>
              <TextInput
                id={id("userArn")}
                value={docs.userArn}
                onChange={(v) => onChange({ ...docs, userArn: v })}
                hint
                autoComplete="off"
                placeholder="arn:aws:iam::111122223333:user/tidb-importer"
              />
            </Field>
          ) : null}
          {docs.identityPolicies.map((p, i) => {
            const field = `identityPolicies[${i}]`;
            return (
              <div key={i} className="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
                <Field id={id(`${field}-name`)} label={t("identity.name", { n: i + 1 })} hint={t("identity.nameHint")}>
                  <TextInput
                    id={id(`${field}-name`)}
                    value={p.name}
                    hint
                    autoComplete="off"
                    onChange={(v) =>
                      onChange({
                        ...docs,
                        identityPolicies: docs.identityPolicies.map((x, j) => (j === i ? { ...x, name: v } : x)),
                      })
                    }
                  />
                </Field>
                <Field
                  id={id(field)}
                  label={t("identity.document", { n: i + 1 })}
                  hint={recognised(field)}
                  error={errOf(field)}
                >
                  <TextArea
                    onBlur={onCheck}
                    id={id(field)}
                    value={p.text}
                    error={errOf(field)}
                    hint={!!sources[field]}
                    onChange={(v) =>
                      onChange({
                        ...docs,
                        identityPolicies: docs.identityPolicies.map((x, j) => (j === i ? { ...x, text: v } : x)),
                      })
                    }
                  />
                </Field>
                {docs.identityPolicies.length > 1 ? (
                  <button
                    type="button"
                    className="text-sm text-red-800 underline"
                    onClick={() =>
                      onChange({ ...docs, identityPolicies: docs.identityPolicies.filter((_, j) => j !== i) })
                    }
                  >
                    {t("identity.remove", { n: i + 1 })}
                  </button>
                ) : null}
              </div>
            );
          })}
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            onClick={() => onChange({ ...docs, identityPolicies: [...docs.identityPolicies, { name: "", text: "" }] })}
          >
            {t("identity.add")}
          </button>
        </fieldset>
      ) : null}

      {show("bucketPolicy") ? (
        <>
          <Field
            id={id("bucketPolicy")}
            label={t("bucketPolicy.label")}
            hint={
              <>
                {t("bucketPolicy.hint")}
                {recognised("bucketPolicy")}
              </>
            }
            error={errOf("bucketPolicy")}
          >
            <TextArea
              onBlur={onCheck}
              id={id("bucketPolicy")}
              value={docs.bucketPolicy}
              onChange={(v) => onChange({ ...docs, bucketPolicy: v })}
              hint
              error={errOf("bucketPolicy")}
            />
          </Field>
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
        </>
      ) : null}

      {show("ownership") ? (
        <Field
          id={id("objectOwnership")}
          label={t("ownership.label")}
          hint={
            <>
              {t("ownership.hint")}
              {recognised("objectOwnership")}
            </>
          }
          error={errOf("objectOwnership")}
        >
          <TextArea
            onBlur={onCheck}
            id={id("objectOwnership")}
            value={docs.objectOwnership}
            onChange={(v) => onChange({ ...docs, objectOwnership: v })}
            hint
            error={errOf("objectOwnership")}
            rows={3}
          />
        </Field>
      ) : null}

      {show("encryption") ? (
        <>
          <Field
            id={id("bucketEncryption")}
            label={t("encryption.label")}
            hint={
              <>
                {t("encryption.hint")}
                {recognised("bucketEncryption")}
              </>
            }
            error={errOf("bucketEncryption")}
          >
            <TextArea
              onBlur={onCheck}
              id={id("bucketEncryption")}
              value={docs.bucketEncryption}
              onChange={(v) => onChange({ ...docs, bucketEncryption: v })}
              hint
              error={errOf("bucketEncryption")}
              rows={4}
            />
          </Field>
          {docs.keyPolicies.map((k, i) => {
            const field = `keyPolicies[${i}]`;
            return (
              <div key={i} className="space-y-2">
                <Field
                  id={id(`${field}-arn`)}
                  label={t("keyPolicy.arn", { n: i + 1 })}
                  hint={t("keyPolicy.arnHint")}
                  error={errOf(`${field}.keyArn`)}
                >
                  <TextInput
                    id={id(`${field}-arn`)}
                    value={k.keyArn}
                    hint
                    error={errOf(`${field}.keyArn`)}
                    autoComplete="off"
                    onChange={(v) =>
                      onChange({
                        ...docs,
                        keyPolicies: docs.keyPolicies.map((x, j) => (j === i ? { ...x, keyArn: v } : x)),
                      })
                    }
                  />
                </Field>
                <Field
                  id={id(field)}
                  label={t("keyPolicy.label", { n: i + 1 })}
                  hint={
                    <>
                      {t("keyPolicy.hint")}
                      {recognised(field)}
                    </>
                  }
                  error={errOf(field)}
                >
                  <TextArea
                    onBlur={onCheck}
                    id={id(field)}
                    value={k.text}
                    hint
                    error={errOf(field)}
                    onChange={(v) =>
                      onChange({
                        ...docs,
                        keyPolicies: docs.keyPolicies.map((x, j) => (j === i ? { ...x, text: v } : x)),
                      })
                    }
                  />
                </Field>
              </div>
            );
          })}
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            onClick={() => onChange({ ...docs, keyPolicies: [...docs.keyPolicies, { keyArn: "", text: "" }] })}
          >
            {t("keyPolicy.add")}
          </button>
        </>
      ) : null}
    </div>
  );
}

/** One button per classic mistake: fills the start form and the documents with a ready example. */
export function ExampleButtons({ onLoad }: { onLoad: (id: ExampleId) => void }) {
  const t = useTranslations("wizard.examples");
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ul className="flex flex-wrap gap-2">
        {EXAMPLE_IDS.map((id) => (
          <li key={id}>
            <button
              type="button"
              onClick={() => onLoad(id)}
              className="rounded-full border border-blue-700 bg-blue-50 px-3 py-1 text-sm text-blue-950 hover:bg-blue-100"
            >
              {t(id)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Offline alternative: a whole snapshot saved by `npm run cli -- collect` (perhaps edited), analysed as is. */
export function SnapshotPaste({
  text,
  onChange,
  errors,
  idPrefix = "doc",
}: {
  text: string;
  onChange: (v: string) => void;
  errors: PasteError[];
  idPrefix?: string;
}) {
  const t = useTranslations("wizard.offline.snapshot");
  const errorText = usePasteErrorText();
  const e = errors.find((x) => x.field === "snapshot");
  const id = `${idPrefix}-snapshot`;
  return (
    <Field id={id} label={t("label")} hint={t("hint")} error={e ? errorText(e) : null}>
      <TextArea id={id} value={text} onChange={onChange} hint error={e ? errorText(e) : null} rows={8} />
    </Field>
  );
}
