"use client";

import { useTranslations } from "next-intl";
import { DocumentBox, RowTextField, type BoxesProps } from "./document-box";
import { RowList } from "./row-list";

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
export function RequesterPaysBox({ docs, onChange, kit }: BoxesProps) {
  const t = useTranslations("wizard.offline.requesterPays");
  return (
    <div className="space-y-2">
      {docs.skipRequesterPays ? null : (
        <DocumentBox
          kit={kit}
          field="requesterPays"
          label={t("label")}
          hint={t("hint")}
          text={docs.requesterPays}
          onChange={(requesterPays) => onChange({ ...docs, requesterPays })}
          rows={2}
        />
      )}
      <Skip
        id={kit.id("skipRequesterPays")}
        checked={docs.skipRequesterPays}
        onChange={(skipRequesterPays) => onChange({ ...docs, skipRequesterPays })}
        label={t("skip")}
      />
    </div>
  );
}

/** The objects under the folder: the listing and the HEAD of a few objects, or "I can't get these". */
export function ObjectsBoxes({ docs, onChange, kit }: BoxesProps) {
  const t = useTranslations("wizard.offline.objects");
  return (
    <fieldset className="space-y-4 rounded border border-slate-200 p-3">
      <legend className="px-1 font-medium">{t("legend")}</legend>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      {docs.skipObjects ? null : (
        <>
          <DocumentBox
            kit={kit}
            field="objectListing"
            label={t("listing.label")}
            hint={t("listing.hint")}
            text={docs.objectListing}
            onChange={(objectListing) => onChange({ ...docs, objectListing })}
          />
          <RowList
            rows={docs.objectHeads}
            onChange={(objectHeads) => onChange({ ...docs, objectHeads })}
            blank={{ key: "", text: "" }}
            addLabel={t("addHead")}
            removeLabel={(i) => t("removeHead", { n: i + 1 })}
            rowClassName="space-y-2 border-t border-slate-100 pt-3"
          >
            {(head, i, set) => {
              const field = `objectHeads[${i}]`;
              return (
                <>
                  <RowTextField
                    kit={kit}
                    field={`${field}-key`}
                    errorField={`${field}.key`}
                    label={t("headKey", { n: i + 1 })}
                    hint={t("headKeyHint")}
                    value={head.key}
                    onChange={(key) => set({ key })}
                  />
                  <DocumentBox
                    kit={kit}
                    field={field}
                    label={t("head", { n: i + 1 })}
                    hint={t("headHint")}
                    text={head.text}
                    onChange={(text) => set({ text })}
                    rows={4}
                  />
                </>
              );
            }}
          </RowList>
        </>
      )}
      <Skip
        id={kit.id("skipObjects")}
        checked={docs.skipObjects}
        onChange={(skipObjects) => onChange({ ...docs, skipObjects })}
        label={t("skip")}
      />
    </fieldset>
  );
}
