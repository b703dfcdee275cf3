/** Longest report title accepted. */
export const MAX_TITLE = 200;

// Control characters (escape sequences, bells, NUL...) and bidi overrides: each format would show them differently, or obey them.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a report title (one line of printable text, at most 200 characters), or undefined. */
export function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'expected a title, e.g. "Acme Corp - Q4 fitness check"';
  if (/[\r\n]/.test(title)) return 'expected one line: the title has a line break';
  const control = CONTROL.exec(title)?.[0];
  if (control !== undefined) return `expected printable text (letters, digits, spaces, punctuation, symbols): the title has the control character ${codePoint(control)}`;
  if (title.trim().length > MAX_TITLE) return `expected at most ${MAX_TITLE} characters; the title has ${title.trim().length}`;
  return undefined;
}
