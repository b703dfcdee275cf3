import type { Framework } from '../framework/model.js';
import type { KnowsLastEvent } from '../model/ticket.js';
import { REPORT_SCHEMA_VERSION, type InputSummary, type Report, type RuleCoverage } from '../model/result.js';
import type { AuditOutcome } from '../audit/audit.js';
import { assigneeSummaries } from './assignees.js';
import { frameworkFit } from './fit.js';
import { describeFilters, type ReportFilters } from './filters.js';
import { missedMoves, periodOf, queueMoves } from './moves.js';
import { hasHistory, summarize } from './summary.js';

export interface ReportContext {
  tool: { name: string; version: string };
  asOf: number;
  inputs: InputSummary[];
  events: number;
  notes: string[];
  /** `--title`: the client or engagement the report is for. */
  title?: string;
  /** Add `summary.assignees` (`--by assignee`). */
  byAssignee?: boolean;
  /** The filters the outcome was narrowed with: named in the notes; queue rows limited to `queues`. */
  filters?: ReportFilters;
}

/** Unknown queues a note names, most tickets first: a note is a sentence, not a table of 600 teams. */
const NAMED_UNKNOWN = 15;

/** The report contract (schemaVersion 1.x) from an audit outcome. */
export function buildReport(outcome: AuditOutcome, framework: Framework, ctx: ReportContext): Report {
  const notes = [...ctx.notes];
  if (outcome.skipped > 0) notes.push(`${outcome.skipped} ticket(s) created after the as-of time were left out`);
  const unknown = unknownQueues(outcome);
  if (unknown.length) {
    const named = unknown.slice(0, NAMED_UNKNOWN).map(([q, n]) => `"${q}" (${n} tickets)`);
    const rest = unknown.slice(NAMED_UNKNOWN);
    const others = rest.length ? `, and ${rest.length} more (${rest.reduce((k, [, n]) => k + n, 0)} tickets; every one is in summary.queues)` : '';
    notes.push(`queues the framework does not know (not judged by queue rules): ${named.join(', ')}${others}`);
  }
  const rows = outcome.flows.length - outcome.flows.filter(hasHistory).length;
  if (rows > 0) {
    notes.push(`flow figures (escalation, de-escalation and first-line resolution, time in queues, over a limit, handovers, tiers reached) are of the ${outcome.flows.length - rows} of ${outcome.flows.length} tickets with history: a ticket row shows none of them`);
  }
  notes.push(...coverageNotes(outcome.rules, outcome.flows.length));
  const filtered = ctx.filters && describeFilters(ctx.filters);
  if (filtered) notes.push(filtered);
  const summary = summarize(outcome, framework, ctx.events);
  if (ctx.filters?.queues?.length) {
    const wanted = new Set(ctx.filters.queues);
    summary.queues = summary.queues.filter((q) => wanted.has(q.queue));
  }
  if (ctx.byAssignee) summary.assignees = assigneeSummaries(outcome, framework);
  summary.moves = queueMoves(outcome.flows, outcome.findings);
  summary.missedMoves = missedMoves(outcome.findings);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: ctx.tool,
    title: ctx.title?.trim() || null,
    asOf: new Date(ctx.asOf).toISOString(),
    period: periodOf(outcome.flows),
    framework: { name: framework.name, source: framework.source, timezone: framework.defaultCalendar.timezone },
    inputs: ctx.inputs,
    notes,
    summary,
    rules: outcome.rules,
    fit: frameworkFit(outcome, framework),
    findings: outcome.findings,
  };
}

/** One note per rule that the data kept from judging some tickets, with the reasons. */
function coverageNotes(rules: RuleCoverage[], tickets: number): string[] {
  return rules.filter((r) => r.notJudgedReasons.length > 0).map((r) => {
    const counts = [r.notJudged ? `not judged on ${r.notJudged} of ${tickets} tickets` : '',
      r.partlyJudged ? `judged only in part on ${r.partlyJudged}` : ''].filter(Boolean).join(', ');
    const why = r.notJudgedReasons.map((x) => `${x.reason} (${x.tickets}${x.partly ? ', in part' : ''})`).join('; ');
    return `rule ${r.id}: ${counts}: ${why}`;
  });
}

function unknownQueues(outcome: AuditOutcome): [string, number][] {
  const counts = new Map<string, number>();
  for (const t of outcome.flows) for (const n of t.unknownQueues) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The latest instant in the data: the default as-of, so the same export always gives the same report. */
export function latestInstant(tickets: { events(): { at: number }[]; updated?: number | undefined; closed?: number | undefined }[]): number {
  let max = -Infinity;
  for (const t of tickets) {
    const last = 'lastEventAt' in t ? (t as KnowsLastEvent).lastEventAt : lastAt(t.events());
    if (last > max) max = last;
    if (t.updated !== undefined && t.updated > max) max = t.updated;
    if (t.closed !== undefined && t.closed > max) max = t.closed;
  }
  return Number.isFinite(max) ? max : 0;
}

function lastAt(events: { at: number }[]): number {
  let max = -Infinity;
  for (const e of events) if (e.at > max) max = e.at;
  return max;
}
