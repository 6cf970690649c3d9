/**
 * How long to wait, as the wizard says it: whole seconds under a minute, else minutes rounded up ("30 seconds",
 * "5 minutes"; "30 秒", "5 分"), in the page's language.
 */
export function formatWait(seconds: number, locale: string): string {
  const s = Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 60));
  const [value, unit] = s < 60 ? [s, "second"] : [Math.ceil(s / 60), "minute"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
