"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { AccessMode, OfflineDocuments } from "@/lib/wizard/form-types";
import { Field, TextArea, TextInput, type ShownProblem } from "./fields";

/** What every document box of the offline form uses: its element id, its error, what its text was recognised as. */
export interface BoxKit {
  id: (field: string) => string;
  errOf: (field: string) => string | null;
  /** A JSON box's message: its typographic quotes with the fix (`apply` puts the straightened text in), else its error. */
  msg: (
    field: string,
    text: string,
    apply: (v: string) => void,
  ) => { problem: ShownProblem } | { error: string | null };
  /** What the box's text was recognised as (null: nothing yet). */
  recognised: (field: string) => ReactNode;
  /** Called when the user leaves a document box. */
  onCheck?: () => void;
}

interface ListProps {
  docs: OfflineDocuments;
  onChange: (d: OfflineDocuments) => void;
  kit: BoxKit;
}

/** The identity policies (of the role, or of the IAM user with its ARN): one name and one document box each. */
export function IdentityPolicyBoxes({ mode, docs, onChange, kit }: ListProps & { mode: AccessMode }) {
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
      {docs.identityPolicies.map((p, i) => {
        const field = `identityPolicies[${i}]`;
        const setText = (v: string) =>
          onChange({
            ...docs,
            identityPolicies: docs.identityPolicies.map((x, j) => (j === i ? { ...x, text: v } : x)),
          });
        const message = kit.msg(field, p.text, setText);
        return (
          <div key={i} className="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
            <Field id={kit.id(`${field}-name`)} label={t("identity.name", { n: i + 1 })} hint={t("identity.nameHint")}>
              <TextInput
                id={kit.id(`${field}-name`)}
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
              id={kit.id(field)}
              label={t("identity.document", { n: i + 1 })}
              hint={kit.recognised(field)}
              {...message}
            >
              <TextArea
                onBlur={kit.onCheck}
                id={kit.id(field)}
                value={p.text}
                {...message}
                hint={kit.recognised(field) !== null}
                onChange={setText}
              />
            </Field>
            {docs.identityPolicies.length > 1 ? (
              <button
                type="button"
                className="text-sm text-red-800 underline"
                onClick={() => onChange({ ...docs, identityPolicies: docs.identityPolicies.filter((_, j) => j !== i) })}
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
  );
}

/** The KMS key policies: one key ARN and one document box each. */
export function KeyPolicyBoxes({ docs, onChange, kit }: ListProps) {
  const t = useTranslations("wizard.offline");
  return (
    <>
      {docs.keyPolicies.map((k, i) => {
        const field = `keyPolicies[${i}]`;
        const setText = (v: string) =>
          onChange({ ...docs, keyPolicies: docs.keyPolicies.map((x, j) => (j === i ? { ...x, text: v } : x)) });
        const message = kit.msg(field, k.text, setText);
        return (
          <div key={i} className="space-y-2">
            <Field
              id={kit.id(`${field}-arn`)}
              label={t("keyPolicy.arn", { n: i + 1 })}
              hint={t("keyPolicy.arnHint")}
              error={kit.errOf(`${field}.keyArn`)}
            >
              <TextInput
                id={kit.id(`${field}-arn`)}
                value={k.keyArn}
                hint
                error={kit.errOf(`${field}.keyArn`)}
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
              id={kit.id(field)}
              label={t("keyPolicy.label", { n: i + 1 })}
              hint={
                <>
                  {t("keyPolicy.hint")}
                  {kit.recognised(field)}
                </>
              }
              {...message}
            >
              <TextArea onBlur={kit.onCheck} id={kit.id(field)} value={k.text} hint {...message} onChange={setText} />
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
  );
}
