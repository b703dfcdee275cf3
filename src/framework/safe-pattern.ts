import { RE2JS } from 're2js';

/** `/body/flags` as written in a framework file (queue `match` entries, condition `matches`). */
const LITERAL = /^\/(.*)\/([a-z]*)$/s;

/**
 * Flags a framework pattern may use. `g` and `y` are refused: they make a test remember where the
 * previous match ended; `v` (set notation) has no RE2 equivalent.
 */
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/** A compiled framework pattern: matched by RE2 (re2js), in time linear in the text, whatever the pattern. */
export interface Pattern {
  test(text: string): boolean;
}

/** A regular expression split into body and flags; undefined when `text` is not written as /body/flags. */
export function parseSlashPattern(text: string): { source: string; flags: string } | undefined {
  const m = LITERAL.exec(text);
  return m ? { source: m[1] ?? '', flags: m[2] ?? '' } : undefined;
}

/**
 * Compiles a pattern from the framework: `text` is written as /body/flags, or is a bare body (then
 * `flags` applies). Returns what is wrong with it instead when it cannot be used: a syntax error,
 * a construct RE2 does not have (backreferences, lookaround), an unsupported flag, an empty pattern.
 * Catastrophic backtracking cannot happen: RE2 does not backtrack.
 */
export function compilePattern(text: string, flags = ''): Pattern | string {
  const literal = parseSlashPattern(text);
  const source = literal ? literal.source : text;
  const allFlags = literal ? literal.flags : flags;
  const shown = `/${source}/${allFlags}`;
  const refused = [...allFlags].find((f) => f === 'g' || f === 'y' || f === 'v');
  if (refused) return `regular expression ${shown}: flag "${refused}" is not supported (use i, m, s or u)`;
  const unknown = [...allFlags].find((f) => !Object.hasOwn(FLAGS, f));
  if (unknown) return `regular expression ${shown}: unknown flag "${unknown}" (use i, m, s or u)`;
  const twice = [...allFlags].find((f, i) => allFlags.indexOf(f) !== i);
  if (twice) return `invalid regular expression ${shown}: flag "${twice}" is given twice`;
  if (source === '') return 'empty regular expression //: it matches everything';
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(source), [...allFlags].reduce((bits, f) => bits | FLAGS[f]!, 0));
    return { test: (s) => re.test(s) };
  } catch (e) {
    return `invalid regular expression ${shown}: ${syntaxReason(e, source)}`;
  }
}

/** What is wrong with a pattern from the framework ({@link compilePattern}), or undefined when it is usable. */
export function checkPattern(text: string, flags = ''): string | undefined {
  const compiled = compilePattern(text, flags);
  return typeof compiled === 'string' ? compiled : undefined;
}

/** A pattern known to be valid (checked when the framework loaded). */
export function toPattern(text: string, flags = ''): Pattern {
  const compiled = compilePattern(text, flags);
  if (typeof compiled === 'string') throw new Error(compiled);
  return compiled;
}

function syntaxReason(e: unknown, source: string): string {
  const message = e instanceof Error ? e.message : String(e);
  // re2js: "error parsing regexp: missing closing ): `(a`" -> "missing closing ): `(a`"
  const reason = message.replace(/^error parsing regexp: /, '');
  const backtracking = /\(\?<?[=!]|\\[1-9]|\\k</.test(source);
  return reason + (backtracking ? ' (patterns are matched by RE2, in linear time: no lookahead, lookbehind or backreferences)' : '');
}
