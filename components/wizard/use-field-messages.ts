"use client";

import { useMemo, type Dispatch } from "react";
import type { LiveCredentials } from "@/lib/wizard/form-types";
import type { InputProblem } from "@/lib/wizard/input-problem";
import { credentialProblems } from "@/lib/wizard/validate-access-key";
import { startProblems, type StartField } from "@/lib/wizard/validate-start";
import type { WizardAction, WizardState } from "@/lib/wizard/wizard-state";
import type { ShownProblem } from "./fields";
import type { CredentialMessages } from "./live-credentials";
import { useAfterPress } from "./use-after-press";
import { useShownProblem } from "./use-shown-problem";

/**
 * The problems each field shows as the user types. A field's problem shows once the field was left or pasted into,
 * and every field's (its "required" included) once a run was tried. Leaving a field may show a message above the
 * controls below it: that waits until a click under way has landed.
 */
export function useFieldMessages(state: WizardState, dispatch: Dispatch<WizardAction>) {
  const show = useShownProblem();
  const afterPress = useAfterPress();
  const { start, creds, touched, attempted } = state;
  const found = useMemo(() => startProblems(start), [start]);
  const foundCreds = useMemo(() => credentialProblems(creds), [creds]);

  const visible = (key: string, p: InputProblem | undefined) =>
    p && (attempted || (p.code !== "required" && touched[key])) ? p : undefined;
  const touch = (key: string, how: "blur" | "paste") => {
    const update = () => dispatch({ type: "field/touched", field: key });
    if (how === "paste") update();
    else afterPress(update);
  };

  const startShown: Partial<Record<StartField, ShownProblem>> = {};
  for (const [f, p] of Object.entries(found) as [StartField, InputProblem][]) {
    const shown = show(visible(f, p), (value) => dispatch({ type: "edit/start", start: { ...start, [f]: value } }));
    if (shown) startShown[f] = shown;
  }
  const credShown: Partial<Record<keyof LiveCredentials, ShownProblem>> = {};
  for (const [f, p] of Object.entries(foundCreds) as [keyof LiveCredentials, InputProblem][]) {
    const shown = show(visible(`cred:${f}`, p), (value) =>
      dispatch({ type: "edit/credentials", creds: { ...creds, [f]: value } }),
    );
    if (shown) credShown[f] = shown;
  }
  const credentials: CredentialMessages = {
    errors: state.credErrors,
    problems: credShown,
    onTouch: (f, how) => touch(`cred:${f}`, how),
  };
  return { start: startShown, onTouchStart: (f: StartField, how: "blur" | "paste") => touch(f, how), credentials };
}
