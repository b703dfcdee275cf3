import { InputError } from '../errors.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../text/json-depth.js';
import { SEVERITIES, type Category, type EvidenceValue, type Finding, type Severity } from '../model/finding.js';
import { MAX_TREND_POINTS, REPORT_SCHEMA_VERSION, type Report, type TrendPoint } from '../model/result.js';
import { round4 } from './summary.js';

/** What a comparison needs of an earlier JSON report. */
export interface Baseline {
  file: string;
  asOf: string;
  fitnessScore: number;
  findings: Finding[];
  /** The audits before it and itself, oldest first: what its trend carried (added in 1.2), else itself alone. */
  points: TrendPoint[];
}

/** Largest baseline report read: the JSON report of a million tickets is a few hundred megabytes at most. */
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

const EXPECTED = `an escalation-audit JSON report (schemaVersion ${REPORT_SCHEMA_VERSION.split('.')[0]}.x)`;
const HINT = 'pass a report written by an earlier run with --format json';

/** Reads the text of an earlier `--format json` report; anything else is an InputError naming what was expected. */
export function parseBaseline(text: string, file: string): Baseline {
  let doc: unknown;
  const body = text.replace(/^\uFEFF/, '');
  const start = /^\s*(\S[^\n]{0,39})/.exec(body)?.[1];
  if (start !== undefined && !/^[{[]/.test(start)) {
    // Never quoted: a baseline named by mistake may be any file (a password file, an .env).
    throw new InputError(`not JSON: it does not start with { or [ (its contents are not shown); expected ${EXPECTED}`, { file, line: 1 }, HINT);
  }
  const deep = tooDeepAt(body);
  if (deep >= 0) {
    const before = body.slice(0, deep);
    throw new InputError(`nested more than ${MAX_JSON_DEPTH} levels deep (the limit for a baseline report); expected ${EXPECTED}`,
      { file, line: before.split('\n').length, column: deep - before.lastIndexOf('\n') }, HINT);
  }
  try {
    doc = JSON.parse(body);
  } catch (e) {
    // V8 appends the position (given as line:col instead) or a quote of the text (which may be anything).
    const why = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new InputError(`not JSON (${why}); expected ${EXPECTED}`, { file, ...jsonErrorPosition(text, e) }, HINT);
  }
  const fail = (what: string) => new InputError(`${what}; expected ${EXPECTED}`, { file }, HINT);
  if (!isObject(doc)) throw fail('not a report: the document is not a JSON object');
  const version = doc.schemaVersion;
  if (typeof version !== 'string') throw fail('not a report: no "schemaVersion"');
  const major = /^(\d+)\.\d+$/.exec(version)?.[1];
  if (major !== REPORT_SCHEMA_VERSION.split('.')[0]) {
    throw fail(`schemaVersion "${version}" cannot be compared with this version's ${REPORT_SCHEMA_VERSION}`);
  }
  const summary = doc.summary;
  if (!isObject(summary) || typeof summary.fitnessScore !== 'number') throw fail('not a report: no "summary.fitnessScore"');
  if (typeof doc.asOf !== 'string') throw fail('not a report: no "asOf"');
  if (!Array.isArray(doc.findings)) throw fail('not a report: no "findings" list');
  const findings = doc.findings.map((f: unknown, i: number) => toFinding(f, `findings[${i}]`, fail));
  const self: TrendPoint = { asOf: doc.asOf, fitnessScore: summary.fitnessScore, findings: findings.length };
  return { file, asOf: doc.asOf, fitnessScore: summary.fitnessScore, findings, points: [...earlierPoints(summary.trend, doc.asOf), self] };
}

/**
 * The points a baseline's trend carried, up to (not including) the baseline itself. A point that is
 * not well-formed is left out rather than failing the run: the line is a picture, not a finding.
 */
function earlierPoints(trend: unknown, asOf: string): TrendPoint[] {
  if (!isObject(trend) || !Array.isArray(trend.points)) return [];
  return trend.points.flatMap((p: unknown): TrendPoint[] => (isObject(p) && typeof p.asOf === 'string' && !Number.isNaN(Date.parse(p.asOf))
    && typeof p.fitnessScore === 'number' && typeof p.findings === 'number' && p.asOf < asOf
    ? [{ asOf: p.asOf, fitnessScore: p.fitnessScore, findings: p.findings }] : []));
}

/**
 * Marks each finding `new` or `persisting` by id, lists the baseline's findings that are gone as
 * `resolved`, and adds the fitness trend. `previous` should be narrowed with the same filters.
 */
export function compareWithBaseline(report: Report, baseline: Baseline, previous: Finding[] = baseline.findings): Report {
  const before = new Set(baseline.findings.map((f) => f.id));
  const now = new Set(report.findings.map((f) => f.id));
  const findings = report.findings.map((f): Finding => ({ ...f, status: before.has(f.id) ? 'persisting' : 'new' }));
  const resolved = previous.filter((f) => !now.has(f.id));
  const fresh = findings.filter((f) => f.status === 'new').length;
  return {
    ...report,
    summary: {
      ...report.summary,
      trend: {
        previousAsOf: baseline.asOf,
        previousFitnessScore: baseline.fitnessScore,
        fitnessScore: report.summary.fitnessScore,
        delta: round4(report.summary.fitnessScore - baseline.fitnessScore),
        newFindings: fresh,
        persistingFindings: findings.length - fresh,
        resolvedFindings: resolved.length,
        points: trendLine(baseline.points, report),
      },
    },
    findings,
    resolved,
  };
}

/** The baseline's points before this audit, then this one; the latest {@link MAX_TREND_POINTS}. */
function trendLine(points: TrendPoint[], report: Report): TrendPoint[] {
  const now: TrendPoint = { asOf: report.asOf, fitnessScore: report.summary.fitnessScore, findings: report.findings.length };
  return [...points.filter((p) => p.asOf < now.asOf), now].slice(-MAX_TREND_POINTS);
}

/** No report at the baseline path yet (the first night of a series): every finding is new, none resolved. */
export interface FirstAudit {
  file: string;
  firstAudit: true;
}

export const isFirstAudit = (b: Baseline | FirstAudit): b is FirstAudit => 'firstAudit' in b && b.firstAudit === true;

/** What a first audit says, in the report's notes and (the CLI) on stderr. */
export const firstAuditNote = (first: FirstAudit): string =>
  `no baseline report at ${first.file} yet: a first audit, every finding is new`;

/** The report of a first audit: each finding `new`, nothing resolved, no trend (there is nothing to compare with). */
export function markFirstAudit(report: Report, first: FirstAudit): Report {
  return {
    ...report,
    notes: [...report.notes, firstAuditNote(first)],
    findings: report.findings.map((f): Finding => ({ ...f, status: 'new' })),
    resolved: [],
  };
}

type Fail = (what: string) => InputError;

function toFinding(value: unknown, path: string, fail: Fail): Finding {
  if (!isObject(value)) throw fail(`${path} is not an object`);
  const text = (key: string): string => {
    const v = value[key];
    if (typeof v !== 'string') throw fail(`${path}.${key} is not a string`);
    return v;
  };
  const nullableText = (key: string) => (typeof value[key] === 'string' ? value[key] as string : null);
  const nullableNumber = (key: string) => (typeof value[key] === 'number' ? value[key] as number : null);
  const severity = text('severity');
  if (!(SEVERITIES as readonly string[]).includes(severity)) throw fail(`${path}.severity is "${severity}", not one of ${SEVERITIES.join(', ')}`);
  return {
    id: text('id'),
    ticket: text('ticket'),
    summary: nullableText('summary'),
    // A newer report may know categories this version does not; they are carried through as text.
    category: text('category') as Category,
    rule: text('rule'),
    severity: severity as Severity,
    queue: nullableText('queue'),
    expectedQueue: nullableText('expectedQueue'),
    at: text('at'),
    message: text('message'),
    businessMinutes: nullableNumber('businessMinutes'),
    cost: nullableNumber('cost'),
    evidence: isObject(value.evidence) ? value.evidence as Record<string, EvidenceValue> : {},
    docsUrl: nullableText('docsUrl') ?? '',
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line and column of a JSON.parse error, when the engine's message gives a position. */
function jsonErrorPosition(text: string, e: unknown): { line?: number; column?: number } {
  const at = /position (\d+)/.exec((e as Error).message)?.[1];
  if (at === undefined) return {};
  const before = text.slice(0, Number(at));
  const line = before.split('\n').length;
  return { line, column: Number(at) - before.lastIndexOf('\n') };
}
