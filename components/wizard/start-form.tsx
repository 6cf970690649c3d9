"use client";

import { useTranslations } from "next-intl";
import type { StartInput } from "@/lib/wizard/form-types";
import type { StepId } from "@/lib/wizard/steps";
import type { StartField } from "@/lib/wizard/validate-start";
import type { FieldErrors } from "@/lib/wizard/wizard-state";
import { CheckedTextField, Field, TextArea, type ShownProblem } from "./fields";

/**
 * What is imported and how TiDB Cloud reaches it; optionally the error text TiDB Cloud showed. Each field shows
 * the server's message about it (`errors`) or the problem found as it is typed (`problems`).
 */
/** The start form's one-line fields. */
type TextField = Exclude<StartField, "errorMessage">;

export function StartForm({
  start,
  onChange,
  errors,
  problems,
  onTouch,
  triageStep,
  onErrorMessageBlur,
}: {
  start: StartInput;
  onChange: (s: StartInput) => void;
  errors: FieldErrors;
  problems: Partial<Record<StartField, ShownProblem>>;
  /** The field was left or pasted into: from now on its problems show as they are typed. */
  onTouch: (field: StartField, how: "blur" | "paste") => void;
  triageStep: StepId | null;
  onErrorMessageBlur: () => void;
}) {
  const t = useTranslations("wizard.start");
  const ts = useTranslations("report.steps");
  const set =
    <K extends keyof StartInput>(k: K) =>
    (v: StartInput[K]) =>
      onChange({ ...start, [k]: v });
  const role = start.mode === "role";
  /** One of the start form's text fields, checked as it is typed. */
  const textField = (name: TextField, extra: { placeholder?: string; inputMode?: "numeric" } = {}) => (
    <CheckedTextField
      id={name}
      label={t(`${name}.label`)}
      hint={t(`${name}.hint`)}
      value={start[name]}
      onChange={set(name)}
      error={errors[name]}
      problem={problems[name]}
      onTouch={(how) => onTouch(name, how)}
      {...extra}
      autoComplete="off"
    />
  );
  return (
    <section aria-labelledby="start-title" className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="start-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("mode.legend")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(["role", "access-key"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input
                type="radio"
                name="mode"
                value={m}
                checked={start.mode === m}
                onChange={() => set("mode")(m)}
                className="h-4 w-4"
              />
              {t(`mode.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {textField("bucketUri", { placeholder: "s3://tidb-cloud-source-data/mydata/" })}

      {role ? (
        <>
          {textField("roleArn", { placeholder: "arn:aws:iam::111122223333:role/tidb-import" })}
          <details className="rounded border border-blue-200 bg-blue-50 p-3 text-sm">
            <summary className="cursor-pointer font-medium text-blue-950">{t("whereIds.summary")}</summary>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-800">
              {(["1", "2", "3", "4", "5"] as const).map((k) => (
                <li key={k}>{t(`whereIds.steps.${k}`)}</li>
              ))}
            </ol>
            <p className="mt-2 text-slate-800">{t("whereIds.note")}</p>
          </details>
          <div className="grid gap-4 sm:grid-cols-2">
            {textField("externalId")}
            {textField("tidbAccountId", { inputMode: "numeric" })}
          </div>
        </>
      ) : (
        textField("accessKeyId", { placeholder: "AKIA…" })
      )}

      {textField("region", { placeholder: "ap-northeast-1" })}

      <Field
        id="errorMessage"
        label={t("errorMessage.label")}
        hint={
          <>
            {t("errorMessage.hint")}
            {triageStep ? (
              <span role="status" className="mt-1 block font-medium text-blue-900">
                {t("errorMessage.pointsTo", { step: ts(triageStep) })}
              </span>
            ) : null}
          </>
        }
        error={errors.errorMessage}
        problem={problems.errorMessage}
      >
        <TextArea
          id="errorMessage"
          value={start.errorMessage}
          onChange={set("errorMessage")}
          onBlur={() => {
            onErrorMessageBlur();
            onTouch("errorMessage", "blur");
          }}
          onPaste={() => onTouch("errorMessage", "paste")}
          hint
          error={errors.errorMessage}
          problem={problems.errorMessage}
          rows={3}
        />
      </Field>
    </section>
  );
}
