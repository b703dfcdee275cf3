import type { CompiledRule, Framework } from '../framework/model.js';
import { round } from '../model/numbers.js';
import type { RuleCoverage } from '../model/result.js';
import { CATEGORIES, type Category, type Finding } from '../model/finding.js';
import { compareTicketIds, withEvents, type Ticket } from '../model/ticket.js';
import { checkOf } from './checks/index.js';
import type { Observation } from './checks/check.js';
import { CoverageTally } from './coverage.js';
import { FitTally, type FitTallies } from './fit-tally.js';
import { findingId } from './finding-id.js';
import { replayTicket, type TicketReplay } from './replay.js';
import { ticketFlow, type TicketFlow } from './ticket-flow.js';

export interface AuditOptions {
  /** Epoch ms the audit is "as of": events after it are ignored; open tickets are judged up to it. */
  asOf: number;
  /**
   * Keep, per ticket, what each assignee did with it (the raw material of `--by assignee`; default true).
   * The CLI turns it off without `--by assignee`: on a million events it is tens of megabytes.
   */
  assigneeHolds?: boolean;
}

export interface AuditOutcome {
  findings: Finding[];
  /** One per audited ticket: how it moved, what the metrics and filters need (the replays are not kept). */
  flows: TicketFlow[];
  /** Tickets created after asOf, left out. */
  skipped: number;
  /** Per rule: tickets judged, fired on, and not judged with the reasons. */
  rules: RuleCoverage[];
  /** What the framework's fit is computed from: measured limits, statuses, unplaced values, paths taken. */
  fit: FitTallies;
}

/** The audit itself: pure, deterministic, no I/O and no clock. */
export function audit(tickets: Ticket[], framework: Framework, options: AuditOptions): AuditOutcome {
  const findings: Finding[] = [];
  const flows: TicketFlow[] = [];
  let skipped = 0;
  const coverage = new CoverageTally(framework.rules);
  const fit = new FitTally(framework);
  // Tickets in id order (as loaded) need only their own findings sorted: one after the other they are in order.
  let inOrder = true;
  let previous: string | undefined;
  for (const ticket of tickets) {
    const audited = auditTicket(ticket, framework, options.asOf, coverage, fit);
    if (!audited) {
      skipped++;
      continue;
    }
    // The flow keeps the ticket as loaded unless it was cut: a loaded ticket's events stay compact (see StoredTicket).
    const kept = audited.cut ? audited.replay.ticket : ticket;
    flows.push(ticketFlow(audited.replay, options.assigneeHolds ?? true, kept));
    if (inOrder && previous !== undefined) inOrder = compareTicketIds(previous, ticket.id) < 0;
    previous = ticket.id;
    if (inOrder) audited.findings.sort(compareFindings);
    for (const f of audited.findings) findings.push(f);
  }
  if (!inOrder) findings.sort(compareFindings);
  return { findings, flows, skipped, rules: coverage.result(), fit: fit.result() };
}

/** The report's order: by ticket, then instant, then rule. */
export const compareFindings = (a: Finding, b: Finding): number =>
  compareTicketIds(a.ticket, b.ticket) || byCodeUnits(a.at, b.at) || byCodeUnits(a.rule, b.rule);

/**
 * One ticket: its replay and its findings (in rule order), and whether events after asOf were cut
 * off; undefined when it was created after asOf.
 */
export function auditTicket(ticket: Ticket, framework: Framework, asOf: number, coverage?: CoverageTally, fit?: FitTally):
  { replay: TicketReplay; findings: Finding[]; cut: boolean } | undefined {
  const events = ticket.events();
  const kept = events.every((e) => e.at <= asOf) ? events : events.filter((e) => e.at <= asOf);
  if (kept.length === 0) return undefined;
  const cut = withEvents(ticket, kept);
  const replay = replayTicket(cut, framework, asOf);
  const findings: Finding[] = [];
  framework.rules.forEach((rule, index) => {
    const check = checkOf(rule);
    const limitation = check.limits(replay, rule);
    // A rule the data does not let judge this ticket is not run on it: no finding can rest on missing facts.
    const judged = limitation && !limitation.partly ? undefined
      : fit ? check.judge(replay, rule, framework) : { observations: check.run(replay, rule, framework), measurements: [] };
    const observations = judged?.observations ?? [];
    for (const o of observations) findings.push(toFinding(cut, rule, check.docsUrl, o, framework));
    coverage?.add(index, limitation, observations.length);
    if (fit && judged) fit.measure(index, judged.measurements);
  });
  fit?.ticket(replay);
  return { replay, findings, cut: kept.length < events.length };
}

function toFinding(ticket: Ticket, rule: CompiledRule, docsUrl: string, o: Observation, framework: Framework): Finding {
  return {
    id: findingId(ticket.id, rule.id, o.at),
    ticket: ticket.id,
    summary: ticket.fields.summary ?? null,
    category: rule.check,
    rule: rule.id,
    severity: rule.severity,
    queue: o.queue?.id ?? o.rawQueue ?? null,
    expectedQueue: o.expectedQueue?.id ?? null,
    at: new Date(o.at).toISOString(),
    message: o.message,
    businessMinutes: o.businessMinutes,
    cost: estimateCost(o, framework),
    evidence: o.evidence,
    docsUrl,
  };
}

/**
 * A finding is priced only by a rate the framework states for its kind of loss: hours at a tier the
 * work did not need times the difference of the tiers' hourly rates, or hours of delay times the
 * delay rate. Anything else is not priced (null), never 0.
 */
function estimateCost(o: Observation, framework: Framework): number | null {
  const costs = framework.costs;
  if (!costs) return null;
  const cents = (hours: number, rate: number) => round(Math.max(0, hours) * Math.max(0, rate));
  if (o.delayMinutes !== undefined) return costs.delayHourly === undefined ? null : cents(o.delayMinutes / 60, costs.delayHourly);
  if (!o.costedMinutes) return null;
  const { minutes, tier, homeTier } = o.costedMinutes;
  const high = costs.hourly.get(tier);
  const low = costs.hourly.get(homeTier);
  if (high === undefined || low === undefined) return null;
  return cents(minutes / 60, high - low);
}

export function emptyByCategory(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

// Not localeCompare: the order must not depend on the machine's locale (ISO instants sort as text).
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
