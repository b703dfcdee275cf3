import type { InputError } from '../errors.js';

/**
 * Problems in reading order: by file (in the order given: the file named, then its bases), then
 * line and column. The same problem reported twice at one place is kept once.
 */
export function sortProblems(errors: readonly InputError[], files: readonly string[] = []): InputError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const id = `${e.position?.file}:${e.position?.line}:${e.position?.column}:${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const rank = (e: InputError) => {
    const i = files.indexOf(e.position?.file ?? '');
    return i < 0 ? files.length : i;
  };
  const line = (e: InputError) => e.position?.line ?? 0;
  const column = (e: InputError) => (typeof e.position?.column === 'number' ? e.position.column : 0);
  return unique.sort((a, b) => rank(a) - rank(b) || line(a) - line(b) || column(a) - column(b));
}
