import { durationMinutes } from '../framework/duration.js';
import type { Framework, Queue } from '../framework/model.js';
import { SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import type { AuditSummary, QueueSummary } from '../model/result.js';
import { emptyByCategory, type AuditOutcome } from './audit.js';
import { accumulate, calendarFor } from './clock.js';
import type { TicketReplay } from './replay.js';

/** Totals, per-queue metrics, fitness score and cost for a report. */
export function summarize(outcome: AuditOutcome, framework: Framework, events: number): AuditSummary {
  const { findings, replays } = outcome;
  const byCategory = emptyByCategory();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const flagged = new Set<string>();
  let cost: number | null = framework.costs ? 0 : null;
  for (const f of findings) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
    if (SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warn) flagged.add(f.ticket);
    if (cost !== null && f.cost !== null) cost += f.cost;
  }
  const tickets = replays.length;
  return {
    tickets,
    events,
    findings: findings.length,
    byCategory,
    bySeverity,
    fitnessScore: tickets === 0 ? 1 : round4((tickets - flagged.size) / tickets),
    estimatedCost: cost === null ? null : Math.round(cost * 100) / 100,
    currency: framework.costs?.currency || null,
    queues: queueSummaries(replays, findings, framework),
  };
}

function queueSummaries(replays: TicketReplay[], findings: Finding[], framework: Framework): QueueSummary[] {
  const minutes = new Map<string, number[]>();
  const known = new Map<string, Queue | undefined>(framework.queues.map((q) => [q.id, q]));
  for (const replay of replays) {
    const perQueue = new Map<string, number>();
    for (const stint of replay.stints) {
      const name = stint.queue?.id ?? stint.rawQueue;
      if (name === undefined) continue;
      if (!known.has(name)) known.set(name, undefined);
      const calendar = calendarFor(stint.queue, undefined, framework.defaultCalendar);
      const m = accumulate(replay.segments, stint.first, stint.last, stint.start, calendar).minutes;
      perQueue.set(name, (perQueue.get(name) ?? 0) + m);
    }
    for (const [name, m] of perQueue) (minutes.get(name) ?? minutes.set(name, []).get(name)!).push(m);
  }
  return [...known].map(([name, queue]) => {
    const times = (minutes.get(name) ?? []).sort((a, b) => a - b);
    const limit = queue ? timeLimit(queue, framework) : null;
    const own = findings.filter((f) => f.queue === name);
    const byCategory = emptyByCategory();
    for (const f of own) byCategory[f.category]++;
    return {
      queue: name,
      tier: queue?.tier ?? null,
      tickets: times.length,
      findings: own.length,
      byCategory,
      medianBusinessMinutes: percentile(times, 0.5),
      p90BusinessMinutes: percentile(times, 0.9),
      limitMinutes: limit,
      overLimit: limit === null ? 0 : times.filter((t) => t > limit).length,
    };
  });
}

/** A queue's time budget: the tightest unconditional escalation time limit out of it. */
function timeLimit(queue: Queue, framework: Framework): number | null {
  const limits = framework.rules.flatMap((r) => (r.check === 'under-escalated' && !r.when && r.from.has(queue)
    ? [durationMinutes(r.after, calendarFor(queue, r.clock, framework.defaultCalendar))] : []));
  return limits.length ? Math.min(...limits) : null;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return Math.round(sorted[rank - 1]! * 100) / 100;
}

const round4 = (n: number) => Math.round(n * 10000) / 10000;
