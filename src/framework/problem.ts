/** One step into the framework document: a mapping key or a list index. */
export type PathSegment = string | number;

/** A path into the framework document, like ['rules', 3, 'after']. */
export type DocumentPath = PathSegment[];

/** A mistake found in the framework document, before it is given a file position. */
export interface FrameworkProblem {
  path: DocumentPath;
  /** Point at the key named by the last path segment (unknown keys) rather than at its value. */
  pointAtKey?: boolean;
  message: string;
  hint?: string;
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
