import type { Framework } from '../framework/model.js';
import { CATEGORIES, type Category, type Finding } from '../model/finding.js';
import { compareTicketIds, type Ticket } from '../model/ticket.js';
import { checks } from './checks/index.js';
import type { Observation } from './checks/check.js';
import { docsUrl } from './docs.js';
import { findingId } from './finding-id.js';
import { replayTicket, type TicketReplay } from './replay.js';

export interface AuditOptions {
  /** Epoch ms the audit is "as of": events after it are ignored; open tickets are judged up to it. */
  asOf: number;
}

export interface AuditOutcome {
  findings: Finding[];
  replays: TicketReplay[];
  /** Tickets created after asOf, left out. */
  skipped: number;
}

/** The audit itself: pure, deterministic, no I/O and no clock. */
export function audit(tickets: Ticket[], framework: Framework, options: AuditOptions): AuditOutcome {
  const findings: Finding[] = [];
  const replays: TicketReplay[] = [];
  let skipped = 0;
  for (const ticket of tickets) {
    const cut = cutAt(ticket, options.asOf);
    if (!cut) {
      skipped++;
      continue;
    }
    const replay = replayTicket(cut, framework, options.asOf);
    replays.push(replay);
    for (const rule of framework.rules) {
      const check = checks[rule.check] as { run(r: TicketReplay, rule: unknown, f: Framework): Observation[] };
      for (const o of check.run(replay, rule, framework)) {
        findings.push(toFinding(cut, rule.id, rule.check, rule.severity, o, framework));
      }
    }
  }
  findings.sort((a, b) => compareTicketIds(a.ticket, b.ticket) || byCodeUnits(a.at, b.at) || byCodeUnits(a.rule, b.rule));
  return { findings, replays, skipped };
}

function cutAt(ticket: Ticket, asOf: number): Ticket | undefined {
  const timeline = ticket.timeline.filter((e) => e.at <= asOf);
  if (timeline.length === 0) return undefined;
  return timeline.length === ticket.timeline.length ? ticket : { ...ticket, timeline };
}

function toFinding(ticket: Ticket, rule: string, category: Category, severity: Finding['severity'],
  o: Observation, framework: Framework): Finding {
  return {
    id: findingId(ticket.id, rule, o.at),
    ticket: ticket.id,
    summary: ticket.fields.summary ?? null,
    category,
    rule,
    severity,
    queue: o.queue?.id ?? o.rawQueue ?? null,
    expectedQueue: o.expectedQueue?.id ?? null,
    at: new Date(o.at).toISOString(),
    message: o.message,
    businessMinutes: o.businessMinutes,
    cost: estimateCost(o, framework),
    evidence: o.evidence,
    docsUrl: docsUrl(category),
  };
}

/**
 * Hours at a tier the work did not need times the difference in hourly rate; or, with no home tier
 * (a stall), the hours lost times the tier's whole rate.
 */
function estimateCost(o: Observation, framework: Framework): number | null {
  if (!o.costedMinutes || !framework.costs) return null;
  const { minutes, tier, homeTier } = o.costedMinutes;
  const high = framework.costs.hourly.get(tier);
  const low = homeTier === undefined ? 0 : framework.costs.hourly.get(homeTier);
  if (high === undefined || low === undefined) return null;
  return Math.round(Math.max(0, minutes / 60) * Math.max(0, high - low) * 100) / 100;
}

export function emptyByCategory(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

// Not localeCompare: the order must not depend on the machine's locale (ISO instants sort as text).
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
