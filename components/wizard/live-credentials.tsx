"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { LiveCredentials } from "@/lib/wizard/form-types";
import { Field, TextInput } from "./fields";

export interface HowToGetCredentials {
  intro: string;
  ways: { title: string; command: string; note: string }[];
}

/** The three credential fields. Values live in the parent's state only; nothing here persists them. */
export function CredentialFields({
  creds,
  onChange,
  errors,
  idPrefix = "cred",
}: {
  creds: LiveCredentials;
  onChange: (c: LiveCredentials) => void;
  errors: Record<string, string>;
  idPrefix?: string;
}) {
  const t = useTranslations("wizard.live");
  const set = (k: keyof LiveCredentials) => (v: string) => onChange({ ...creds, [k]: v });
  const common = { autoComplete: "off", spellCheck: false, autoCapitalize: "off" } as const;
  return (
    <div className="space-y-4">
      <Field id={`${idPrefix}-accessKeyId`} label={t("accessKeyId")} error={errors.accessKeyId}>
        <TextInput
          id={`${idPrefix}-accessKeyId`}
          value={creds.accessKeyId}
          onChange={set("accessKeyId")}
          error={errors.accessKeyId}
          {...common}
        />
      </Field>
      <Field id={`${idPrefix}-secretAccessKey`} label={t("secretAccessKey")} error={errors.secretAccessKey}>
        <TextInput
          id={`${idPrefix}-secretAccessKey`}
          type="password"
          value={creds.secretAccessKey}
          onChange={set("secretAccessKey")}
          error={errors.secretAccessKey}
          {...common}
        />
      </Field>
      <Field
        id={`${idPrefix}-sessionToken`}
        label={t("sessionToken")}
        hint={t("sessionTokenHint")}
        error={errors.sessionToken}
      >
        <TextInput
          id={`${idPrefix}-sessionToken`}
          type="password"
          value={creds.sessionToken}
          onChange={set("sessionToken")}
          hint
          error={errors.sessionToken}
          {...common}
        />
      </Field>
    </div>
  );
}

/** Live source: the credential form, with the read-only policy they need and how to get them beside it. */
export function LiveSource({
  creds,
  onChange,
  errors,
  policyJson,
  howTo,
}: {
  creds: LiveCredentials;
  onChange: (c: LiveCredentials) => void;
  errors: Record<string, string>;
  policyJson: string;
  howTo: HowToGetCredentials;
}) {
  const t = useTranslations("wizard.live");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <CredentialFields creds={creds} onChange={onChange} errors={errors} />
        <p className="text-sm text-slate-700">{t("privacy")}</p>
      </div>
      <aside aria-labelledby="policy-title" className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="policy-title" className="font-semibold">
            {t("policyTitle")}
          </h3>
          <CopyButton text={policyJson} label={t("copyPolicy")} />
        </div>
        <CodeBlock code={policyJson} label={t("policyTitle")} />
        <h3 className="font-semibold">{t("howToTitle")}</h3>
        <p className="text-sm text-slate-700">{howTo.intro}</p>
        <ul className="space-y-3 text-sm">
          {howTo.ways.map((w) => (
            <li key={w.command} className="space-y-1">
              <p className="font-medium">{w.title}</p>
              <div className="flex items-start gap-2">
                <code className="block min-w-0 flex-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">
                  {w.command}
                </code>
                <CopyButton text={w.command} label={t("copyCommand")} />
              </div>
              <p className="text-slate-700">{w.note}</p>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
