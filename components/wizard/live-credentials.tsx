"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { LiveCredentials } from "@/lib/wizard/form-types";
import { Field, TextInput, type ShownProblem } from "./fields";

export interface HowToGetCredentials {
  intro: string;
  ways: { title: string; command: string; note: string }[];
}

/** What the credential fields show: the server's message about a credential, or what is wrong as it is typed. */
export interface CredentialMessages {
  errors: Record<string, string>;
  problems: Partial<Record<keyof LiveCredentials, ShownProblem>>;
  /** A field was left or pasted into: from now on its problems show as they are typed. */
  onTouch: (field: keyof LiveCredentials, how: "blur" | "paste") => void;
}

/** The three credential fields. Values live in the parent's state only; nothing here persists them. */
export function CredentialFields({
  creds,
  onChange,
  messages,
  idPrefix = "cred",
}: {
  creds: LiveCredentials;
  onChange: (c: LiveCredentials) => void;
  messages: CredentialMessages;
  idPrefix?: string;
}) {
  const t = useTranslations("wizard.live");
  const { errors, problems, onTouch } = messages;
  const set = (k: keyof LiveCredentials) => (v: string) => onChange({ ...creds, [k]: v });
  const common = { autoComplete: "off", spellCheck: false, autoCapitalize: "off" } as const;
  const touch = (k: keyof LiveCredentials) => ({
    onBlur: () => onTouch(k, "blur"),
    onPaste: () => onTouch(k, "paste"),
  });
  return (
    <div className="space-y-4">
      <Field
        id={`${idPrefix}-accessKeyId`}
        label={t("accessKeyId")}
        error={errors.accessKeyId}
        problem={problems.accessKeyId}
      >
        <TextInput
          id={`${idPrefix}-accessKeyId`}
          value={creds.accessKeyId}
          onChange={set("accessKeyId")}
          error={errors.accessKeyId}
          problem={problems.accessKeyId}
          {...touch("accessKeyId")}
          {...common}
        />
      </Field>
      <Field
        id={`${idPrefix}-secretAccessKey`}
        label={t("secretAccessKey")}
        error={errors.secretAccessKey}
        problem={problems.secretAccessKey}
      >
        <TextInput
          id={`${idPrefix}-secretAccessKey`}
          type="password"
          value={creds.secretAccessKey}
          onChange={set("secretAccessKey")}
          error={errors.secretAccessKey}
          problem={problems.secretAccessKey}
          {...touch("secretAccessKey")}
          {...common}
        />
      </Field>
      <Field
        id={`${idPrefix}-sessionToken`}
        label={t("sessionToken")}
        hint={t("sessionTokenHint")}
        error={errors.sessionToken}
        problem={problems.sessionToken}
      >
        <TextInput
          id={`${idPrefix}-sessionToken`}
          type="password"
          value={creds.sessionToken}
          onChange={set("sessionToken")}
          hint
          error={errors.sessionToken}
          problem={problems.sessionToken}
          {...touch("sessionToken")}
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
  messages,
  policyJson,
  howTo,
}: {
  creds: LiveCredentials;
  onChange: (c: LiveCredentials) => void;
  messages: CredentialMessages;
  policyJson: string;
  howTo: HowToGetCredentials;
}) {
  const t = useTranslations("wizard.live");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <CredentialFields creds={creds} onChange={onChange} messages={messages} />
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
