import { CATEGORIES, SEVERITIES, type Category, type EvidenceValue, type Finding, type Severity } from '../model/finding.js';
import type {
  AssigneeSummary, AuditSummary, ComplyAt, FrameworkFit, InputSummary, LimitFit, Percentiles, QueueSummary, Report, RuleCoverage, Trend, WhatIf,
} from '../model/result.js';

const byCategory = (counts: Record<Category, number>) =>
  Object.fromEntries(CATEGORIES.map((c) => [c, counts[c]]));

const input = (i: InputSummary) => ({
  file: i.file, format: i.format, preset: i.preset, role: i.role,
  encoding: i.encoding, rows: i.rows, tickets: i.tickets,
  // Present only when --max-errors skipped rows of this input (undefined is left out).
  skippedRows: i.skippedRows,
});

const queue = (q: QueueSummary) => ({
  queue: q.queue, tier: q.tier, tickets: q.tickets, findings: q.findings,
  byCategory: byCategory(q.byCategory),
  medianBusinessMinutes: q.medianBusinessMinutes, p90BusinessMinutes: q.p90BusinessMinutes,
  limitMinutes: q.limitMinutes, overLimit: q.overLimit, overLimitRate: q.overLimitRate,
  escalationRate: q.escalationRate, deEscalationRate: q.deEscalationRate,
  resolvedWithoutEscalationRate: q.resolvedWithoutEscalationRate, reassignmentsPerTicket: q.reassignmentsPerTicket,
  fitnessScore: q.fitnessScore, estimatedCost: q.estimatedCost,
  // Added in 1.1.
  escalated: q.escalated, deEscalated: q.deEscalated, resolvedWithoutEscalation: q.resolvedWithoutEscalation,
});

const bySeverity = (counts: Record<Severity, number>) =>
  Object.fromEntries(SEVERITIES.map((v) => [v, counts[v]]));

const assignee = (a: AssigneeSummary) => ({
  assignee: a.assignee, tickets: a.tickets, findings: a.findings,
  byCategory: byCategory(a.byCategory), bySeverity: bySeverity(a.bySeverity),
  fitnessScore: a.fitnessScore, estimatedCost: a.estimatedCost,
  // Added in 1.x, after the fields above.
  medianBusinessMinutes: a.medianBusinessMinutes, p90BusinessMinutes: a.p90BusinessMinutes,
  escalationRate: a.escalationRate, deEscalationRate: a.deEscalationRate,
  resolvedWithoutEscalationRate: a.resolvedWithoutEscalationRate, reassignmentsPerTicket: a.reassignmentsPerTicket,
});

const trend = (t: Trend) => ({
  previousAsOf: t.previousAsOf, previousFitnessScore: t.previousFitnessScore, fitnessScore: t.fitnessScore,
  delta: t.delta, newFindings: t.newFindings, persistingFindings: t.persistingFindings,
  resolvedFindings: t.resolvedFindings,
  // Added in 1.2.
  points: t.points.map((p) => ({ asOf: p.asOf, fitnessScore: p.fitnessScore, findings: p.findings })),
});

const summary = (s: AuditSummary) => ({
  tickets: s.tickets, events: s.events, findings: s.findings,
  byCategory: byCategory(s.byCategory),
  bySeverity: bySeverity(s.bySeverity),
  fitnessScore: s.fitnessScore, estimatedCost: s.estimatedCost, currency: s.currency,
  costByCategory: s.costByCategory && byCategory(s.costByCategory),
  pricedFindings: s.pricedFindings,
  escalationRate: s.escalationRate, deEscalationRate: s.deEscalationRate,
  resolvedWithoutEscalationRate: s.resolvedWithoutEscalationRate, overLimitRate: s.overLimitRate,
  reassignmentsPerTicket: s.reassignmentsPerTicket,
  // Added in 1.1.
  escalated: s.escalated, deEscalated: s.deEscalated, resolvedWithoutEscalation: s.resolvedWithoutEscalation, overLimit: s.overLimit,
  reachedTier: { ...s.reachedTier },
  queues: s.queues.map(queue),
  // Present only with --by assignee / --baseline (undefined is left out).
  assignees: s.assignees?.map(assignee),
  trend: s.trend && trend(s.trend),
  // Added in 1.2.
  moves: s.moves.map((m) => ({ from: m.from, to: m.to, direction: m.direction, tickets: m.tickets, flagged: m.flagged })),
  missedMoves: s.missedMoves.map((m) => ({ from: m.from, to: m.to, category: m.category, tickets: m.tickets })),
});

const rule = (r: RuleCoverage) => ({
  id: r.id, check: r.check, severity: r.severity, judged: r.judged, fired: r.fired, findings: r.findings,
  notJudged: r.notJudged, partlyJudged: r.partlyJudged,
  notJudgedReasons: r.notJudgedReasons.map((x) => ({ reason: x.reason, tickets: x.tickets, partly: x.partly })),
});

const percentiles = (p: Percentiles | null) => p && { p50: p.p50, p90: p.p90, p95: p.p95, max: p.max };
const complyAt = (c: ComplyAt | null) => c && { p80: c.p80, p90: c.p90, p95: c.p95 };
/** Per-priority limits with their keys sorted (`default` last), so the bytes never depend on how the object was built. */
const writtenLimit = (limit: LimitFit['limit'] | null) => (limit === null || typeof limit !== 'object' ? limit
  : Object.fromEntries(Object.keys(limit).sort((a, b) => (a === 'default' ? 1 : b === 'default' ? -1 : a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, limit[k]!])));
const limitFit = (l: LimitFit) => ({
  key: l.key, limit: writtenLimit(l.limit), unit: l.unit, atLeast: l.atLeast, tickets: l.tickets, measured: percentiles(l.measured), complyAt: complyAt(l.complyAt),
});

/** `escalation-audit fit -f json`: the report's head and its `fit` (and `whatIf`), without summary or findings. */
export function formatFitJson(report: Report): string {
  return `${stringifyJson({
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    asOf: report.asOf,
    framework: { name: report.framework.name, source: report.framework.source },
    inputs: report.inputs.map(input),
    fit: fitJson(report.fit),
    ...(report.whatIf ? { whatIf: whatIfJson(report.whatIf) } : {}),
  }, 2)}\n`;
}

/** The framework's fit in the order of its contract (schema 1.2). */
function fitJson(fit: FrameworkFit) {
  return {
    rules: fit.rules.map((r) => ({
      id: r.id, check: r.check, judged: r.judged, fired: r.fired, notJudged: r.notJudged, limit: writtenLimit(r.limit),
      measured: percentiles(r.measured), complyAt: complyAt(r.complyAt), limits: r.limits.map(limitFit),
      notJudgedReasons: r.notJudgedReasons.map((x) => ({ reason: x.reason, tickets: x.tickets, partly: x.partly })), verdict: r.verdict, advice: r.advice,
    })),
    unplaced: {
      queues: fit.unplaced.queues.map((q) => ({ name: q.name, tickets: q.tickets })),
      statuses: fit.unplaced.statuses.map((s) => ({ name: s.name, tickets: s.tickets, looksLike: s.looksLike })),
      values: fit.unplaced.values.map((v) => ({ field: v.field, value: v.value, tickets: v.tickets })),
    },
    paths: fit.paths.map((p) => ({ from: p.from, to: p.to, tickets: p.tickets, described: p.described, by: [...p.by] })),
  };
}

function whatIfJson(w: WhatIf) {
  return {
    changes: w.changes.map((c) => (c.kind === 'set' ? { kind: c.kind, rule: c.rule, key: c.key, from: c.from, to: c.to } : { kind: c.kind, from: c.from, to: c.to })),
    rules: w.rules.map((r) => ({ id: r.id, before: r.before, after: r.after, ticketsBefore: r.ticketsBefore, ticketsAfter: r.ticketsAfter, present: r.present })),
    tickets: w.tickets.map((t) => ({ ticket: t.ticket, rules: t.rules.map((r) => ({ id: r.id, before: r.before, after: r.after })) })),
  };
}

// Evidence keys belong to each check, not to the contract: sorting them keeps the bytes stable.
export function sortedEvidence(e: Record<string, EvidenceValue>): Record<string, EvidenceValue> {
  const keys = Object.keys(e);
  // Most checks write their evidence in key order already: then the object itself serialises the same.
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  return sorted ? e : Object.fromEntries(keys.sort().map((k) => [k, e[k]!]));
}

/** A finding as the contract writes it (JSON report and NDJSON): contract fields only, in contract order. */
export const toJsonFinding = (f: Finding) => ({
  id: f.id, ticket: f.ticket, summary: f.summary, category: f.category, rule: f.rule,
  severity: f.severity, queue: f.queue, expectedQueue: f.expectedQueue, at: f.at,
  message: f.message, businessMinutes: f.businessMinutes, cost: f.cost,
  evidence: sortedEvidence(f.evidence), docsUrl: f.docsUrl, status: f.status,
});

// JSON.stringify escapes C0 controls but not DEL or C1 (0x9b is CSI on some terminals), nor the
// Unicode line separators that some line readers split NDJSON on.
const UNESCAPED_CONTROL = /[\u007f-\u009f\u2028\u2029]/g;
const escapeControl = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON.stringify with every control character and line separator escaped: safe on a terminal, one line. */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNESCAPED_CONTROL, escapeControl);
}

/** The report as the versioned JSON contract: fields in the order of the Report type, 2-space indent. */
export function formatJson(report: Report): string {
  return [...formatJsonChunks(report)].join('');
}

/** Findings per piece: large enough to keep stringify fast, small enough to keep a piece a few hundred KB. */
const BATCH = 500;

/**
 * The same bytes as {@link formatJson}, in pieces: the head (everything before `findings`), then the
 * findings a batch at a time, so a writer never holds the whole report as one string.
 */
export function* formatJsonChunks(report: Report): Generator<string> {
  const head = stringifyJson({
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    asOf: report.asOf,
    framework: { name: report.framework.name, source: report.framework.source, timezone: report.framework.timezone },
    inputs: report.inputs.map(input),
    notes: [...report.notes],
    summary: summary(report.summary),
    rules: report.rules.map(rule),
    // Added in 1.2, after the fields of 1.1 (as is framework.timezone).
    title: report.title,
    period: report.period && { from: report.period.from, to: report.period.to },
    fit: fitJson(report.fit),
    ...(report.whatIf ? { whatIf: whatIfJson(report.whatIf) } : {}),
  }, 2);
  // The head always has fields, so its closing brace gives way to `,` and the next field.
  yield head.slice(0, head.length - 2);
  yield* topLevelArray('findings', report.findings);
  if (report.resolved) yield* topLevelArray('resolved', report.resolved);
  yield '\n}\n';
}

/** `,\n  "key": [...]` at the top level of a 2-space-indented object, stringified a batch at a time. */
function* topLevelArray(key: 'findings' | 'resolved', findings: readonly Finding[]): Generator<string> {
  if (findings.length === 0) {
    yield `,\n  "${key}": []`;
    return;
  }
  yield `,\n  "${key}": [\n`;
  // A batch stringified as the only field of an object has the elements indented as they are in the report.
  const open = `{\n  "${key}": [\n`.length;
  const close = '\n  ]\n}'.length;
  for (let i = 0; i < findings.length; i += BATCH) {
    const text = stringifyJson({ [key]: findings.slice(i, i + BATCH).map(toJsonFinding) }, 2);
    yield `${i === 0 ? '' : ',\n'}${text.slice(open, text.length - close)}`;
  }
  yield '\n  ]';
}
