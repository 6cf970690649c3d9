/**
 * Pasted JSON whose double quotes a word processor, a chat tool or a slide deck turned into typographic ones
 * (“ ” „ ‟, or the full-width ＂): JSON does not accept them, and the fix is mechanical.
 */
const CURLY = /[“”„‟＂]/g;

/** The typographic double quotes of a text that does not read as JSON, and the text with straight ones. */
export function curlyQuotes(text: string): { count: number; straight: string } | null {
  const count = text.match(CURLY)?.length ?? 0;
  if (count === 0) return null;
  try {
    JSON.parse(text);
    return null; // Already JSON: the quotes are inside strings, part of the text.
  } catch {
    return { count, straight: text.replace(CURLY, '"') };
  }
}
