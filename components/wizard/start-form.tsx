"use client";

import { useTranslations } from "next-intl";
import type { StartInput } from "@/lib/wizard/form-types";
import type { StepId } from "@/lib/wizard/steps";
import type { StartField } from "@/lib/wizard/validate-start";
import type { FieldErrors } from "@/lib/wizard/wizard-state";
import { Field, TextArea, TextInput, type ShownProblem } from "./fields";

/**
 * What is imported and how TiDB Cloud reaches it; optionally the error text TiDB Cloud showed. Each field shows
 * the server's message about it (`errors`) or the problem found as it is typed (`problems`).
 */
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

      <Field
        id="bucketUri"
        label={t("bucketUri.label")}
        hint={t("bucketUri.hint")}
        error={errors.bucketUri}
        problem={problems.bucketUri}
      >
        <TextInput
          id="bucketUri"
          value={start.bucketUri}
          onChange={set("bucketUri")}
          hint
          error={errors.bucketUri}
          problem={problems.bucketUri}
          onBlur={() => onTouch("bucketUri", "blur")}
          onPaste={() => onTouch("bucketUri", "paste")}
          placeholder="s3://tidb-cloud-source-data/mydata/"
          autoComplete="off"
        />
      </Field>

      {role ? (
        <>
          <Field
            id="roleArn"
            label={t("roleArn.label")}
            hint={t("roleArn.hint")}
            error={errors.roleArn}
            problem={problems.roleArn}
          >
            <TextInput
              id="roleArn"
              value={start.roleArn}
              onChange={set("roleArn")}
              hint
              error={errors.roleArn}
              problem={problems.roleArn}
              onBlur={() => onTouch("roleArn", "blur")}
              onPaste={() => onTouch("roleArn", "paste")}
              placeholder="arn:aws:iam::111122223333:role/tidb-import"
              autoComplete="off"
            />
          </Field>
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
            <Field
              id="externalId"
              label={t("externalId.label")}
              hint={t("externalId.hint")}
              error={errors.externalId}
              problem={problems.externalId}
            >
              <TextInput
                id="externalId"
                value={start.externalId}
                onChange={set("externalId")}
                hint
                error={errors.externalId}
                problem={problems.externalId}
                onBlur={() => onTouch("externalId", "blur")}
                onPaste={() => onTouch("externalId", "paste")}
                autoComplete="off"
              />
            </Field>
            <Field
              id="tidbAccountId"
              label={t("tidbAccountId.label")}
              hint={t("tidbAccountId.hint")}
              error={errors.tidbAccountId}
              problem={problems.tidbAccountId}
            >
              <TextInput
                id="tidbAccountId"
                value={start.tidbAccountId}
                onChange={set("tidbAccountId")}
                hint
                error={errors.tidbAccountId}
                problem={problems.tidbAccountId}
                onBlur={() => onTouch("tidbAccountId", "blur")}
                onPaste={() => onTouch("tidbAccountId", "paste")}
                inputMode="numeric"
                autoComplete="off"
              />
            </Field>
          </div>
        </>
      ) : (
        <Field
          id="accessKeyId"
          label={t("accessKeyId.label")}
          hint={t("accessKeyId.hint")}
          error={errors.accessKeyId}
          problem={problems.accessKeyId}
        >
          <TextInput
            id="accessKeyId"
            value={start.accessKeyId}
            onChange={set("accessKeyId")}
            hint
            error={errors.accessKeyId}
            problem={problems.accessKeyId}
            onBlur={() => onTouch("accessKeyId", "blur")}
            onPaste={() => onTouch("accessKeyId", "paste")}
            placeholder="AKIA…"
            autoComplete="off"
          />
        </Field>
      )}

      <Field
        id="region"
        label={t("region.label")}
        hint={t("region.hint")}
        error={errors.region}
        problem={problems.region}
      >
        <TextInput
          id="region"
          value={start.region}
          onChange={set("region")}
          hint
          error={errors.region}
          problem={problems.region}
          onBlur={() => onTouch("region", "blur")}
          onPaste={() => onTouch("region", "paste")}
          placeholder="ap-northeast-1"
          autoComplete="off"
        />
      </Field>

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
