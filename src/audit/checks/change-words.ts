/** What an empty value is called in a change. */
const NONE = '(none)';
const ARROW = ' -> ';

/**
 * One field change as messages and evidence quote it: `assignee pmorales -> ssato`. The one place a
 * check quotes a person, so `--redact assignee` finds them here and nowhere else (see redact.ts).
 */
export function describeChange(field: string, before: string | undefined, after: string | undefined): string {
  return `${field} ${before?.trim() || NONE} -> ${after?.trim() || NONE}`;
}

/** The parts of a {@link describeChange} text; undefined when it is not one or cannot be split one way only. */
export function parseChange(text: string): { field: string; before: string | undefined; after: string | undefined } | undefined {
  const space = text.indexOf(' ');
  const arrow = text.indexOf(ARROW, space);
  if (space < 0 || arrow < 0 || text.indexOf(ARROW, arrow + 1) >= 0) return undefined;
  const value = (v: string) => (v === NONE ? undefined : v);
  return { field: text.slice(0, space), before: value(text.slice(space + 1, arrow)), after: value(text.slice(arrow + ARROW.length)) };
}
