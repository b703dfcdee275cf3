import { suggest } from '../text/did-you-mean.js';
/** One step into the framework document: a mapping key or a list index. */
export type PathSegment = string | number;

/** A path into the framework document, like ['rules', 3, 'after']. */
export type DocumentPath = PathSegment[];

/** A mistake found in the framework document, before it is given a file position. */
export interface FrameworkProblem {
  path: DocumentPath;
  /** Point at the key named by the last path segment (unknown keys) rather than at its value. */
  pointAtKey?: boolean;
  /** What is wrong, in words; the path, what was found and what is expected follow it in parentheses. */
  message: string;
  /** The value written, as {@link describeFound} shows it. */
  found?: string;
  /** What would be valid there ("one of: error, warn, info", "a duration like 30m"). */
  expected?: string;
  hint?: string;
}

/** Where and what beside a problem's message, after it. */
export interface ProblemDetail {
  found?: string | undefined;
  expected?: string | undefined;
}

/**
 * Every framework problem reads the same way: `message (path; found X; expected Y)`, the last two
 * when known. The file:line:col before it comes from the problem's place in the file.
 */
export function problemText(message: string, path: readonly PathSegment[], detail: ProblemDetail = {}): string {
  const parts = path.length === 0 ? [] : [formatPath(path)];
  if (detail.found !== undefined) parts.push(`found ${detail.found}`);
  if (detail.expected !== undefined) parts.push(`expected ${detail.expected}`);
  return parts.length === 0 ? message : `${message} (${parts.join('; ')})`;
}

/** "invalid `severity`", "invalid `holidays` entry": the problem of a value, named by where it is. */
export function invalidValue(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (typeof last === 'string') return `invalid \`${last}\``;
  const named = [...path].reverse().find((s): s is string => typeof s === 'string');
  return named === undefined ? 'invalid value' : `invalid \`${named}\` entry`;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `rules[2].after`, `queues.triage`, `costs.hourly["1"]`; the empty path is "the top level". */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const MAX_SHOWN = 60;

/** A value as a message shows it: strings quoted (and shortened), collections by their kind. */
export function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** A problem's detail when it is reported: a hint as plain text, or the parts of the message too. */
export type ProblemMore = string | (ProblemDetail & { hint?: string | undefined; atKey?: boolean | undefined });

/** How the meaning pass reports a problem at a path of the document. */
export type ReportProblem = (path: DocumentPath, message: string, more?: ProblemMore) => void;

/**
 * `unknown queue "tirage", did you mean "triage"? (rules[0].from; expected one of: noc, triage, support)`;
 * with nothing known yet, the hint says where to define one.
 */
export function reportUnknown(report: ReportProblem, path: DocumentPath, kind: string, name: string,
  known: readonly string[], whenNoneKnown: string): void {
  report(path, unknownMessage(kind, name, known), known.length > 0 ? { expected: `one of: ${known.join(', ')}` } : whenNoneKnown);
}

export function unknownMessage(kind: string, name: string, known: readonly string[]): string {
  return `unknown ${kind} "${name}"${didYouMean(suggest(name, known))}`;
}

/** `, did you mean "triage"?` after a message, or nothing when no name is near. */
export const didYouMean = (near: string | undefined): string => (near ? `, did you mean "${near}"?` : '');
