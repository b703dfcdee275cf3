import { SEVERITIES } from '../model/finding.js';
import type { AssigneeSummary, AuditSummary, QueueSummary } from '../model/result.js';
import {
  formatAverage, formatCount, formatDelta, formatFindingCount, formatMoney, formatPercent, formatRate,
} from './figures.js';
import { localTime } from './heading.js';
import { formatMinutes } from './text.js';

/** Escapes a value from the data for the target format (Markdown, HTML). */
export type Escape = (value: string) => string;

const NONE = '-';
const minutes = (value: number | null) => (value === null ? NONE : formatMinutes(value));
const NOT_PRICED = 'not priced';
const money = (amount: number | null, currency: string | null) => (amount === null ? NOT_PRICED : formatMoney(amount, currency));
/** A row's cost: none without findings (its 0 in the JSON is no price), "not priced" when none of them was. */
const rowCost = (findings: number, amount: number | null, currency: string | null) => (findings === 0 ? NONE : money(amount, currency));

/** The total, how much of the findings it covers, or why there is none: never a 0.00 that stands for "unknown". */
function totalCost(s: AuditSummary, currency: string | null): string {
  if (s.estimatedCost === null) return s.currency === null && s.findings > 0 ? `${NOT_PRICED} (the framework states no rates)` : NOT_PRICED;
  const part = s.pricedFindings < s.findings ? ` (${formatCount(s.pricedFindings)} of ${formatCount(s.findings)} findings priced)` : '';
  return `${formatMoney(s.estimatedCost, currency)}${part}`;
}

/** Label and value of each overall figure, trend included when there is a baseline; values escaped, instants in `timezone`. */
export function summaryRows(s: AuditSummary, escape: Escape, timezone: string): [string, string][] {
  const currency = s.currency === null ? null : escape(s.currency);
  const rows: [string, string][] = [
    ['Tickets', formatCount(s.tickets)],
    ['Events', formatCount(s.events)],
    ['Findings', formatFindingCount(s)],
    ['Fitness score', formatPercent(s.fitnessScore)],
    ['Estimated cost', totalCost(s, currency)],
    ...costByKindRow(s),
    ['Escalation rate', formatRate(s.escalationRate ?? null)],
    ['De-escalation rate', formatRate(s.deEscalationRate ?? null)],
    ['Resolved without escalation', formatRate(s.resolvedWithoutEscalationRate ?? null)],
    ['Over a queue limit', formatRate(s.overLimitRate ?? null)],
    ['Reassignments per ticket', formatAverage(s.reassignmentsPerTicket ?? null)],
  ];
  const t = s.trend;
  if (t) {
    rows.push(
      [`Fitness at baseline (${escape(localTime(t.previousAsOf, timezone))})`, formatPercent(t.previousFitnessScore)],
      ['Fitness change', formatDelta(t.delta)],
      ['New findings', formatCount(t.newFindings)],
      ['Persisting findings', formatCount(t.persistingFindings)],
      ['Resolved findings', formatCount(t.resolvedFindings)],
    );
  }
  return rows;
}

export const COST_BY_KIND = 'Cost by kind';

function costByKindRow(s: AuditSummary): [string, string][] {
  const costs = costByKind(s);
  return costs.length > 0 ? [[COST_BY_KIND, costs.join(', ')]] : [];
}

/** `stalled 49,129.66`, `over-escalated 1,204.50`: the kinds of finding that cost something, dearest first. */
export function costByKind(s: AuditSummary): string[] {
  return Object.entries(s.costByCategory ?? {}).filter(([, amount]) => amount > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([kind, amount]) => `${kind} ${formatMoney(amount, null)}`);
}

export const QUEUE_HEADERS = [
  'queue', 'tier', 'tickets', 'findings', 'median', 'p90', 'limit', 'over limit',
  'escalated', 'de-escalated', 'first-line', 'reassign/ticket', 'fitness', 'cost',
] as const;

/** One row of the per-queue table; only the first cell (the name) is text, the others are numbers. */
export function queueCells(q: QueueSummary, escape: Escape, currency: string | null): string[] {
  return [
    escape(q.queue), q.tier === null ? NONE : String(q.tier), formatCount(q.tickets), formatCount(q.findings),
    minutes(q.medianBusinessMinutes), minutes(q.p90BusinessMinutes), minutes(q.limitMinutes), formatCount(q.overLimit),
    formatRate(q.escalationRate ?? null), formatRate(q.deEscalationRate ?? null),
    formatRate(q.resolvedWithoutEscalationRate ?? null), formatAverage(q.reassignmentsPerTicket ?? null),
    formatRate(q.fitnessScore ?? null), rowCost(q.findings, q.estimatedCost ?? null, currency),
  ];
}

export const ASSIGNEE_HEADERS = [
  'assignee', 'tickets', 'findings', ...SEVERITIES, 'median', 'p90',
  'escalated', 'de-escalated', 'first-line', 'reassign/ticket', 'fitness', 'cost',
] as const;

/** One row of the per-assignee table (`--by assignee`); the first cell is text, the others numbers. */
export function assigneeCells(a: AssigneeSummary, escape: Escape, currency: string | null): string[] {
  return [
    escape(a.assignee), formatCount(a.tickets), formatCount(a.findings),
    ...SEVERITIES.map((v) => formatCount(a.bySeverity[v])),
    minutes(a.medianBusinessMinutes), minutes(a.p90BusinessMinutes),
    formatRate(a.escalationRate), formatRate(a.deEscalationRate),
    formatRate(a.resolvedWithoutEscalationRate), formatAverage(a.reassignmentsPerTicket),
    formatRate(a.fitnessScore), rowCost(a.findings, a.estimatedCost, currency),
  ];
}
