"use client";

import { useTranslations } from "next-intl";
import type { OfflineDocuments } from "@/lib/wizard/form-types";
import { Field, TextArea, TextInput } from "./fields";
import type { BoxKit } from "./policy-list-boxes";

function Skip({
  id,
  checked,
  onChange,
  label,
}: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
}) {
  return (
    <label htmlFor={id} className="flex items-start gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 h-4 w-4"
      />
      <span>{label}</span>
    </label>
  );
}

/** Requester Pays (the bucket-policy step): the CLI's output, or "I don't know". */
export function RequesterPaysBox({
  docs,
  onChange,
  kit: h,
}: {
  docs: OfflineDocuments;
  onChange: (d: OfflineDocuments) => void;
  kit: BoxKit;
}) {
  const t = useTranslations("wizard.offline.requesterPays");
  return (
    <div className="space-y-2">
      {docs.skipRequesterPays ? null : (
        <Field
          id={h.id("requesterPays")}
          label={t("label")}
          hint={
            <>
              {t("hint")}
              {h.recognised("requesterPays")}
            </>
          }
          error={h.errOf("requesterPays")}
        >
          <TextArea
            onBlur={h.onCheck}
            id={h.id("requesterPays")}
            value={docs.requesterPays}
            onChange={(v) => onChange({ ...docs, requesterPays: v })}
            hint
            error={h.errOf("requesterPays")}
            rows={2}
          />
        </Field>
      )}
      <Skip
        id={h.id("skipRequesterPays")}
        checked={docs.skipRequesterPays}
        onChange={(v) => onChange({ ...docs, skipRequesterPays: v })}
        label={t("skip")}
      />
    </div>
  );
}

/** The objects under the folder: the listing and the HEAD of a few objects, or "I can't get these". */
export function ObjectsBoxes({
  docs,
  onChange,
  kit: h,
}: {
  docs: OfflineDocuments;
  onChange: (d: OfflineDocuments) => void;
  kit: BoxKit;
}) {
  const t = useTranslations("wizard.offline.objects");
  const setHead = (i: number, patch: Partial<OfflineDocuments["objectHeads"][number]>) =>
    onChange({ ...docs, objectHeads: docs.objectHeads.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setListing = (v: string) => onChange({ ...docs, objectListing: v });
  const listingMessage = h.msg("objectListing", docs.objectListing, setListing);
  return (
    <fieldset className="space-y-4 rounded border border-slate-200 p-3">
      <legend className="px-1 font-medium">{t("legend")}</legend>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      {docs.skipObjects ? null : (
        <>
          <Field
            id={h.id("objectListing")}
            label={t("listing.label")}
            hint={
              <>
                {t("listing.hint")}
                {h.recognised("objectListing")}
              </>
            }
            {...listingMessage}
          >
            <TextArea
              onBlur={h.onCheck}
              id={h.id("objectListing")}
              value={docs.objectListing}
              onChange={setListing}
              hint
              {...listingMessage}
            />
          </Field>
          {docs.objectHeads.map((head, i) => {
            const field = `objectHeads[${i}]`;
            const headMessage = h.msg(field, head.text, (v) => setHead(i, { text: v }));
            return (
              <div key={i} className="space-y-2 border-t border-slate-100 pt-3">
                <Field
                  id={h.id(`${field}-key`)}
                  label={t("headKey", { n: i + 1 })}
                  hint={t("headKeyHint")}
                  error={h.errOf(`${field}.key`)}
                >
                  <TextInput
                    id={h.id(`${field}-key`)}
                    value={head.key}
                    hint
                    error={h.errOf(`${field}.key`)}
                    autoComplete="off"
                    onChange={(v) => setHead(i, { key: v })}
                  />
                </Field>
                <Field
                  id={h.id(field)}
                  label={t("head", { n: i + 1 })}
                  hint={
                    <>
                      {t("headHint")}
                      {h.recognised(field)}
                    </>
                  }
                  {...headMessage}
                >
                  <TextArea
                    onBlur={h.onCheck}
                    id={h.id(field)}
                    value={head.text}
                    hint
                    {...headMessage}
                    rows={4}
                    onChange={(v) => setHead(i, { text: v })}
                  />
                </Field>
                {docs.objectHeads.length > 1 ? (
                  <button
                    type="button"
                    className="text-sm text-red-800 underline"
                    onClick={() => onChange({ ...docs, objectHeads: docs.objectHeads.filter((_, j) => j !== i) })}
                  >
                    {t("removeHead", { n: i + 1 })}
                  </button>
                ) : null}
              </div>
            );
          })}
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            onClick={() => onChange({ ...docs, objectHeads: [...docs.objectHeads, { key: "", text: "" }] })}
          >
            {t("addHead")}
          </button>
        </>
      )}
      <Skip
        id={h.id("skipObjects")}
        checked={docs.skipObjects}
        onChange={(v) => onChange({ ...docs, skipObjects: v })}
        label={t("skip")}
      />
    </fieldset>
  );
}
