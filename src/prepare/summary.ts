import { nearestRank, round } from '../model/numbers.js';
import { durationMinutes } from '../framework/duration.js';
import type { Framework, Queue } from '../framework/model.js';
import { CATEGORIES, SEVERITIES, SEVERITY_RANK, type Category, type Finding, type Severity } from '../model/finding.js';
import type { AuditSummary, QueueSummary } from '../model/result.js';
import { emptyByCategory, type AuditOutcome } from '../audit/audit.js';
import { underEscalated } from '../audit/checks/under-escalated.js';
import { calendarFor } from '../audit/clock.js';
import type { QueueVisit, TicketFlow } from '../audit/ticket-flow.js';

/** Totals, flow metrics, per-queue metrics, fitness score and cost for a report. */
export function summarize(outcome: AuditOutcome, framework: Framework, events: number): AuditSummary {
  const { findings, flows } = outcome;
  const byCategory = emptyByCategory();
  const bySeverity = emptyBySeverity();
  for (const f of findings) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  const tickets = flows.length;
  // Flow figures need the moves and the time in each queue, which a ticket row does not show.
  const traced = flows.filter(hasHistory);
  const n = traced.length;
  const limits = new Map(framework.queues.map((q) => [q.id, timeLimit(q, framework)]));
  const overLimit = traced.filter((f) => f.visits.some((v) => v.minutes > (limits.get(v.queue) ?? Infinity))).length;
  const escalated = traced.filter((f) => f.escalated).length;
  const deEscalated = traced.filter((f) => f.deEscalated).length;
  const resolvedLow = traced.filter((f) => f.resolvedWithoutEscalationIn !== undefined).length;
  return {
    tickets,
    events,
    findings: findings.length,
    byCategory,
    bySeverity,
    fitnessScore: fitness(tickets, flaggedTickets(findings).size) ?? 1,
    estimatedCost: totalCost(findings, framework),
    costByCategory: costByCategory(findings, framework),
    currency: framework.costs?.currency || null,
    pricedFindings: findings.filter((f) => f.cost !== null).length,
    escalationRate: share(escalated, n),
    deEscalationRate: share(deEscalated, n),
    resolvedWithoutEscalationRate: share(resolvedLow, n),
    overLimitRate: share(overLimit, n),
    reassignmentsPerTicket: share(traced.reduce((k, f) => k + f.reassignments, 0), n),
    escalated, deEscalated, resolvedWithoutEscalation: resolvedLow, overLimit,
    reachedTier: reachedTiers(traced, framework),
    queues: queueSummaries(flows, findings, framework, limits),
    moves: [],
    missedMoves: [],
  };
}

function queueSummaries(flows: TicketFlow[], findings: Finding[], framework: Framework,
  limits: Map<string, number | null>): QueueSummary[] {
  const known = new Map<string, Queue | undefined>(framework.queues.map((q) => [q.id, q]));
  const visits = new Map<string, QueueVisit[]>();
  const tracedVisits = new Map<string, QueueVisit[]>();
  const resolvedIn = new Map<string, number>();
  for (const flow of flows) {
    const traced = hasHistory(flow);
    for (const v of flow.visits) {
      if (!known.has(v.queue)) known.set(v.queue, undefined);
      (visits.get(v.queue) ?? visits.set(v.queue, []).get(v.queue)!).push(v);
      if (traced) (tracedVisits.get(v.queue) ?? tracedVisits.set(v.queue, []).get(v.queue)!).push(v);
    }
    const q = flow.resolvedWithoutEscalationIn;
    if (traced && q !== undefined) resolvedIn.set(q, (resolvedIn.get(q) ?? 0) + 1);
  }
  const findingsIn = new Map<string | null, Finding[]>();
  for (const f of findings) (findingsIn.get(f.queue) ?? findingsIn.set(f.queue, []).get(f.queue)!).push(f);
  return [...known].map(([name, queue]) => {
    const handled = (visits.get(name) ?? []).length;
    // Times and moves only of the tickets whose history shows them; `tickets` counts every ticket seen here.
    const here = tracedVisits.get(name) ?? [];
    const timed = here.length;
    const times = here.map((v) => v.minutes).sort((a, b) => a - b);
    const limit = limits.get(name) ?? null;
    const own = findingsIn.get(name) ?? [];
    const byCategory = emptyByCategory();
    for (const f of own) byCategory[f.category]++;
    const overLimit = limit === null ? 0 : times.filter((t) => t > limit).length;
    const escalated = here.filter((v) => v.escalatedOut).length;
    const deEscalated = here.filter((v) => v.deEscalatedOut).length;
    const resolvedHere = resolvedIn.get(name) ?? 0;
    return {
      queue: name,
      tier: queue?.tier ?? null,
      tickets: handled,
      findings: own.length,
      byCategory,
      medianBusinessMinutes: percentile(times, 0.5),
      p90BusinessMinutes: percentile(times, 0.9),
      limitMinutes: limit,
      overLimit,
      overLimitRate: limit === null ? null : share(overLimit, timed),
      escalationRate: share(escalated, timed),
      deEscalationRate: share(deEscalated, timed),
      resolvedWithoutEscalationRate: share(resolvedHere, timed),
      reassignmentsPerTicket: share(here.reduce((n, v) => n + v.reassignments, 0), timed),
      fitnessScore: fitness(handled, flaggedTickets(own).size),
      estimatedCost: totalCost(own, framework),
      escalated, deEscalated, resolvedWithoutEscalation: resolvedHere,
    };
  });
}

/** A ticket whose export has its history: its moves and times are facts (a ticket row's are not). */
export const hasHistory = (flow: TicketFlow): boolean => flow.ticket.history === 'full';

/** Per tier, the tickets (with history) that were in a queue of that tier at some point. */
function reachedTiers(flows: TicketFlow[], framework: Framework): Record<string, number> {
  const tierOf = new Map(framework.queues.map((q) => [q.id, q.tier]));
  const out: Record<string, number> = Object.fromEntries([...new Set(framework.queues.map((q) => q.tier))].sort((a, b) => a - b).map((t) => [String(t), 0]));
  for (const flow of flows) {
    for (const tier of new Set(flow.visits.flatMap((v) => (tierOf.has(v.queue) ? [tierOf.get(v.queue)!] : [])))) out[String(tier)]!++;
  }
  return out;
}

/**
 * A queue's time budget: the tightest unconditional escalation time limit out of it. Per-priority
 * limits count by their default (a queue row has one limit, not one per priority).
 */
function timeLimit(queue: Queue, framework: Framework): number | null {
  const limits = framework.rules.flatMap((r) => (underEscalated.owns(r) && !r.when && r.from.has(queue) && r.after.fallback
    ? [durationMinutes(r.after.fallback, calendarFor(queue, r.clock, framework.defaultCalendar))] : []));
  return limits.length ? Math.min(...limits) : null;
}

export function emptyBySeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

/** Tickets with a finding at or above warn: the ones that cost the fitness score. */
export function flaggedTickets(findings: Finding[]): Set<string> {
  return new Set(findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warn).map((f) => f.ticket));
}

export function fitness(tickets: number, flagged: number): number | null {
  return tickets === 0 ? null : round4((tickets - Math.min(flagged, tickets)) / tickets);
}

/** Sum of the findings' costs; null when the framework sets no rates. */
/** The cost of the priced findings; null without rates, or when there are findings and none of them is priced. */
export function totalCost(findings: Finding[], framework: Pick<Framework, 'costs'>): number | null {
  if (!framework.costs) return null;
  let priced = false;
  let sum = 0;
  for (const f of findings) {
    if (f.cost === null) continue;
    priced = true;
    sum += f.cost;
  }
  return priced || findings.length === 0 ? round(sum) : null;
}

/** The cost of each kind of finding; null when the framework sets no rates. */
function costByCategory(findings: Finding[], framework: Pick<Framework, 'costs'>): Record<Category, number> | null {
  if (!framework.costs) return null;
  const costs = emptyByCategory();
  for (const f of findings) costs[f.category] += f.cost ?? 0;
  for (const c of CATEGORIES) costs[c] = round(costs[c]);
  return costs;
}

export const share = (part: number, whole: number): number | null => (whole === 0 ? null : round4(part / whole));

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return round(nearestRank(sorted, p));
}

export const round4 = (n: number) => Math.round(n * 10000) / 10000;
