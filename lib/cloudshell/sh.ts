/**
 * Bash text in TypeScript: `sh` takes the template's raw text (no escape processing, so a bash regex or printf keeps
 * its backslashes as written) and turns `$\{` into bash's `${` (a template literal cannot hold `${` itself). It
 * takes no interpolations: values only ever enter a script through `shellQuote`.
 */
export function sh(strings: TemplateStringsArray): string {
  if (strings.length !== 1) throw new Error("sh`…` takes no interpolations");
  return strings.raw[0].replaceAll("$\\{", "${");
}

/** A bash word that is exactly `value`: single-quoted, each ' written as '\'' (nothing inside is expanded). */
export function shellQuote(value: string): string {
  if (value.includes("\u0000")) throw new Error("a NUL character cannot be put in a shell word");
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
