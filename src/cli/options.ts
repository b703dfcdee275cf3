import { InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { isPlausibleInstant, plausibleRangeText } from '../time/plausible.js';

export const FAIL_ON = [...SEVERITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** --as-of: an ISO-8601 instant with a zone (Z or an offset), or a plain date read as UTC midnight. */
export function parseAsOf(text: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const ms = dateOnly ? Date.parse(`${text}T00:00:00Z`) : zoned ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidArgumentError('expected an ISO-8601 instant with a zone, e.g. 2026-10-31T18:00:00Z or 2026-10-31T14:00:00-04:00, or a date 2026-10-31');
  }
  if (!isPlausibleInstant(ms)) throw new InvalidArgumentError(`${text} is out of range: expected an instant ${plausibleRangeText()}`);
  return ms;
}

export function failsOn(findings: Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const floor = SEVERITY_RANK[failOn as Severity];
  return findings.some((f) => SEVERITY_RANK[f.severity] >= floor);
}

export const MIN_WIDTH = 40;
export const MAX_WIDTH = 10_000;

/** --width: the columns a table fits, a whole number from 40 (the narrowest table) to 10,000. */
export function parseWidth(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= MIN_WIDTH && n <= MAX_WIDTH)) {
    throw new InvalidArgumentError(`expected a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH.toLocaleString('en-US')}, e.g. 120`);
  }
  return n;
}

/** --max-errors: a whole number of bad rows to skip, 0 or more. */
export function parseMaxErrors(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number of bad rows to skip, e.g. 10 (0 stops at the first)');
  return Number(text);
}

/** `-f table|json`, for the commands whose only formats are a terminal table and JSON (explain, inspect, presets). */
export const tableOrJsonOption = (): Option => new Option('-f, --format <format>', 'table or json').choices(['table', 'json']).default('table');

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `--set` and `--compare-framework`: judge the same tickets again under a changed framework. */
export function whatIfOptions(): Option[] {
  return [
    new Option('--set <rule.key=value>', 'what-if: judge again with this rule key changed (repeatable), e.g. --set triage-time-limit.after=45m').argParser(collect),
    new Option('--compare-framework <file>', 'what-if: judge the same tickets again under this framework file').conflicts('set'),
  ];
}
