"use client";

import { useTranslations } from "next-intl";
import type { AccessMode } from "@/lib/wizard/form-types";
import { DocumentBox, RowTextField, type BoxesProps } from "./document-box";
import { Field, TextInput } from "./fields";
import { RowList } from "./row-list";

/** The identity policies (of the role, or of the IAM user with its ARN): one name and one document box each. */
export function IdentityPolicyBoxes({ mode, docs, onChange, kit }: BoxesProps & { mode: AccessMode }) {
  const t = useTranslations("wizard.offline");
  return (
    <fieldset className="space-y-4 rounded border border-slate-200 p-3">
      <legend className="px-1 font-medium">
        {mode === "role" ? t("identity.legendRole") : t("identity.legendUser")}
      </legend>
      <p className="text-sm text-slate-700">{t("identity.hint")}</p>
      {mode === "access-key" ? (
        <Field id={kit.id("userArn")} label={t("userArn.label")} hint={t("userArn.hint")}>
          <TextInput
            id={kit.id("userArn")}
            value={docs.userArn}
            onChange={(v) => onChange({ ...docs, userArn: v })}
            hint
            autoComplete="off"
            placeholder="arn:aws:iam::111122223333:user/tidb-importer"
          />
        </Field>
      ) : null}
      <RowList
        rows={docs.identityPolicies}
        onChange={(identityPolicies) => onChange({ ...docs, identityPolicies })}
        blank={{ name: "", text: "" }}
        addLabel={t("identity.add")}
        removeLabel={(i) => t("identity.remove", { n: i + 1 })}
        rowClassName="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0"
      >
        {(p, i, set) => {
          const field = `identityPolicies[${i}]`;
          return (
            <>
              <RowTextField
                kit={kit}
                field={`${field}-name`}
                label={t("identity.name", { n: i + 1 })}
                hint={t("identity.nameHint")}
                value={p.name}
                onChange={(name) => set({ name })}
              />
              <DocumentBox
                kit={kit}
                field={field}
                label={t("identity.document", { n: i + 1 })}
                text={p.text}
                onChange={(text) => set({ text })}
              />
            </>
          );
        }}
      </RowList>
    </fieldset>
  );
}

/** The KMS key policies: one key ARN and one document box each, each removable while another is left. */
export function KeyPolicyBoxes({ docs, onChange, kit }: BoxesProps) {
  const t = useTranslations("wizard.offline.keyPolicy");
  return (
    <RowList
      rows={docs.keyPolicies}
      onChange={(keyPolicies) => onChange({ ...docs, keyPolicies })}
      blank={{ keyArn: "", text: "" }}
      addLabel={t("add")}
      removeLabel={(i) => t("remove", { n: i + 1 })}
      rowClassName="space-y-2"
    >
      {(k, i, set) => {
        const field = `keyPolicies[${i}]`;
        return (
          <>
            <RowTextField
              kit={kit}
              field={`${field}-arn`}
              errorField={`${field}.keyArn`}
              label={t("arn", { n: i + 1 })}
              hint={t("arnHint")}
              value={k.keyArn}
              onChange={(keyArn) => set({ keyArn })}
            />
            <DocumentBox
              kit={kit}
              field={field}
              label={t("label", { n: i + 1 })}
              hint={t("hint")}
              text={k.text}
              onChange={(text) => set({ text })}
            />
          </>
        );
      }}
    </RowList>
  );
}
