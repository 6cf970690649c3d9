/** Terminal colours of the command line: ANSI SGR codes, on a terminal only and never when NO_COLOR is set. */

/** Colours only on a terminal, and never when NO_COLOR is set. */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

/** `s` in colour `code` (32 green, 31 red, 33 yellow, 35 magenta, 90 grey, 1 bold) when `on`, else as is. */
export function paint(on: boolean, code: number, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}
