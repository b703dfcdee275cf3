/** `/body/flags` as written in a framework file (queue `match` entries, condition `matches`). */
const LITERAL = /^\/(.*)\/([a-z]*)$/s;

/**
 * Flags a framework pattern may use. `g` and `y` are refused: they make `RegExp.test` remember
 * where the previous match ended, so the same board name would match only every other time.
 */
const ALLOWED_FLAGS = 'imsuv';

/** A regular expression split into body and flags; undefined when `text` is not written as /body/flags. */
export function parseSlashPattern(text: string): { source: string; flags: string } | undefined {
  const m = LITERAL.exec(text);
  return m ? { source: m[1] ?? '', flags: m[2] ?? '' } : undefined;
}

/**
 * What is wrong with a regular expression from the framework, or undefined when it is usable.
 * `text` is either written as /body/flags or is a bare body (then `flags` applies). Catches syntax
 * errors, unsupported flags, empty patterns and the obviously catastrophic shape: a repetition
 * nested in a repeated group, like `(a+)+`, `(.*)*` or `(\w+\s?)*$`.
 */
export function checkPattern(text: string, flags = ''): string | undefined {
  const literal = parseSlashPattern(text);
  const source = literal ? literal.source : text;
  const allFlags = literal ? literal.flags : flags;
  const shown = `/${source}/${allFlags}`;
  const refused = [...allFlags].find((f) => f === 'g' || f === 'y');
  if (refused) return `regular expression ${shown}: flag "${refused}" is not supported (use i, m, s, u or v)`;
  const unknown = [...allFlags].find((f) => !ALLOWED_FLAGS.includes(f));
  if (unknown) return `regular expression ${shown}: unknown flag "${unknown}" (use i, m, s, u or v)`;
  if (source === '') return 'empty regular expression //: it matches everything';
  try {
    new RegExp(source, allFlags);
  } catch (e) {
    return `invalid regular expression ${shown}: ${syntaxReason(e)}`;
  }
  const nested = findNestedRepetition(source);
  if (nested) {
    return `unsafe regular expression ${shown}: "${nested}" repeats a group that itself repeats, which can take `
      + 'exponential time on some names (catastrophic backtracking); remove the inner or the outer repetition';
  }
  return undefined;
}

function syntaxReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // V8: "Invalid regular expression: /(a/: Unterminated group" -> "Unterminated group"
  const m = /^Invalid regular expression: \/.*\/[a-z]*: (.*)$/s.exec(message);
  return (m?.[1] ?? message).replace(/^./, (c) => c.toLowerCase());
}

interface OpenGroup {
  start: number;
  /** Whether something inside the group repeats without bound (*, +, {n,}). */
  unbounded: boolean;
}

type LastAtom = { kind: 'none' } | { kind: 'simple' } | { kind: 'group'; start: number; unbounded: boolean };

const BOUNDED_OR_OPEN = /^\{(\d+)(,(\d*))?\}/;

/**
 * The text of the first group that repeats without bound while containing an unbounded repetition
 * itself, or undefined. A syntactic heuristic: it also flags some harmless shapes like `(ab+c)*`,
 * which are easy to rewrite, and misses overlapping alternations like `(a|a)*`.
 */
export function findNestedRepetition(source: string): string | undefined {
  const stack: OpenGroup[] = [{ start: 0, unbounded: false }];
  let last: LastAtom = { kind: 'none' };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      i = skipEscape(source, i);
      last = { kind: 'simple' };
    } else if (c === '[') {
      i = skipClass(source, i);
      last = { kind: 'simple' };
    } else if (c === '(') {
      stack.push({ start: i, unbounded: false });
      i = skipGroupPrefix(source, i + 1);
      last = { kind: 'none' };
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { start: 0, unbounded: false };
      const parent = stack[stack.length - 1]!;
      parent.unbounded ||= group.unbounded;
      last = { kind: 'group', start: group.start, unbounded: group.unbounded };
      i++;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && BOUNDED_OR_OPEN.test(source.slice(i)))) {
      const braces = c === '{' ? BOUNDED_OR_OPEN.exec(source.slice(i)) : null;
      const length = braces ? braces[0].length : 1;
      const unbounded = c === '*' || c === '+' || (braces !== null && braces[2] !== undefined && braces[3] === '');
      if (unbounded && last.kind === 'group' && last.unbounded) return source.slice(last.start, i + length);
      if (unbounded && last.kind !== 'none') stack[stack.length - 1]!.unbounded = true;
      i += length;
      if (source[i] === '?') i++; // lazy quantifier: same backtracking shape
      last = { kind: 'none' };
    } else {
      last = c === '|' ? { kind: 'none' } : { kind: 'simple' };
      i++;
    }
  }
  return undefined;
}

function skipEscape(source: string, i: number): number {
  const next = source[i + 1];
  if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') return closeAt(source, i + 3, '}');
  if (next === 'k' && source[i + 2] === '<') return closeAt(source, i + 3, '>');
  return i + 2;
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` so their `?` is not read as a quantifier. */
function skipGroupPrefix(source: string, i: number): number {
  if (source[i] !== '?') return i;
  const next = source[i + 1];
  if (next === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') return closeAt(source, i + 2, '>');
  return next === '<' ? i + 3 : i + 2;
}

function closeAt(source: string, from: number, close: string): number {
  const end = source.indexOf(close, from);
  return end < 0 ? source.length : end + 1;
}
