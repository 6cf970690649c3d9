"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { LiveCredentials } from "@/lib/wizard/form-types";
import { CheckedTextField, type ShownProblem } from "./fields";

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
  /** One credential's field; the secret and the token are typed like passwords (never shown). */
  const field = (name: keyof LiveCredentials, extra: { type?: "password"; hint?: string } = {}) => (
    <CheckedTextField
      id={`${idPrefix}-${name}`}
      label={t(name)}
      value={creds[name]}
      onChange={(v) => onChange({ ...creds, [name]: v })}
      error={errors[name]}
      problem={problems[name]}
      onTouch={(how) => onTouch(name, how)}
      {...extra}
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="off"
    />
  );
  return (
    <div className="space-y-4">
      {field("accessKeyId")}
      {field("secretAccessKey", { type: "password" })}
      {field("sessionToken", { type: "password", hint: t("sessionTokenHint") })}
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
