import { parseDuration, type Duration } from './duration.js';
import type { LimitDocument } from './document.js';
import { describeFound, unknownMessage } from './problem.js';

/** A time limit, the same for every ticket or per priority class. */
export interface Limit {
  /** For tickets whose priority no entry names; undefined: those tickets are not judged by it. */
  fallback: Duration | undefined;
  /** Priority class id -> its own limit. */
  byPriority: ReadonlyMap<string, Duration>;
}

/** The key of a limit mapping that applies to every priority not named. */
export const DEFAULT_PRIORITY_KEY = 'default';

export function fixedLimit(d: Duration): Limit {
  return { fallback: d, byPriority: new Map() };
}

/** The limit for a ticket of this priority class (undefined class: priority unknown). */
export function limitFor(limit: Limit, priorityClass: string | undefined): Duration | undefined {
  return (priorityClass === undefined ? undefined : limit.byPriority.get(priorityClass)) ?? limit.fallback;
}

/** Whether the limit depends on the priority at all (messages then name the priority class). */
export const isPerPriority = (limit: Limit): boolean => limit.byPriority.size > 0;

export interface LimitProblem {
  /** Path below the limit's own key: [] for the limit, [key] for one entry. */
  at: string[];
  message: string;
  found?: string;
  expected?: string;
  hint?: string;
}

/**
 * A limit as written: a duration, or { <priority id>: duration, ..., default: duration }. Problems
 * name the entry; unknown priority ids are reported with the known ones.
 */
export function compileLimit(doc: LimitDocument, priorityIds: readonly string[]): { limit: Limit | undefined; problems: LimitProblem[] } {
  const problems: LimitProblem[] = [];
  const parse = (text: unknown, at: string[]): Duration | undefined => {
    const d = typeof text === 'string' ? parseDuration(text) : undefined;
    if (!d) problems.push({ at, message: 'invalid duration', found: describeFound(text), expected: 'a duration like 30m, 4h, 1h30m, 3d' });
    return d;
  };
  if (typeof doc === 'string') {
    const d = parse(doc, []);
    return { limit: d ? fixedLimit(d) : undefined, problems };
  }
  let fallback: Duration | undefined;
  const byPriority = new Map<string, Duration>();
  for (const [key, text] of Object.entries(doc)) {
    const d = parse(text, [key]);
    if (key === DEFAULT_PRIORITY_KEY) fallback = d;
    else if (!priorityIds.includes(key)) {
      const known = [...priorityIds, DEFAULT_PRIORITY_KEY];
      problems.push(priorityIds.length
        ? { at: [key], message: unknownMessage('priority', key, known), expected: `one of: ${known.join(', ')}` }
        : { at: [key], message: unknownMessage('priority', key, []),
          hint: 'define priority classes under `priorities:` first, e.g. priorities: { p1: [Priority 1 - Emergency Response] }' });
    } else if (d) byPriority.set(key, d);
  }
  return { limit: { fallback, byPriority }, problems };
}
