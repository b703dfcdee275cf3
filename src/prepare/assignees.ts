import type { Framework } from '../framework/model.js';
import type { Finding } from '../model/finding.js';
import type { AssigneeSummary } from '../model/result.js';
import type { TicketEvent } from '../model/ticket.js';
import { emptyByCategory, type AuditOutcome } from '../audit/audit.js';
import { splitAssignees, UNASSIGNED, type AssigneeHold } from '../audit/holds.js';
import { emptyBySeverity, fitness, flaggedTickets, percentile, share, totalCost } from './summary.js';

export { splitAssignees, UNASSIGNED } from '../audit/holds.js';

/**
 * Per assignee: the tickets they held at some point, the findings made while they held the ticket
 * (the holders at the finding's instant), and how those tickets moved while in their hands.
 * A ticket held by two people counts for both.
 */
export function assigneeSummaries(outcome: AuditOutcome, framework: Pick<Framework, 'costs'>): AssigneeSummary[] {
  const tickets = new Map<string, Set<string>>();
  const findings = new Map<string, Finding[]>();
  const holds = new Map<string, AssigneeHold[]>();
  const traced = new Map<string, number>();
  const holder = (person: string, ticket: string) => {
    (tickets.get(person) ?? tickets.set(person, new Set()).get(person)!).add(ticket);
    return findings.get(person) ?? findings.set(person, []).get(person)!;
  };
  const byTicket = new Map<string, Finding[]>();
  for (const f of outcome.findings) (byTicket.get(f.ticket) ?? byTicket.set(f.ticket, []).get(f.ticket)!).push(f);
  for (const { ticket, holds: held } of outcome.flows) {
    const events = ticket.events();
    const people = new Set(events.flatMap((e) => splitAssignees(e.assignee)));
    if (people.size === 0) people.add(UNASSIGNED);
    for (const p of people) holder(p, ticket.id);
    for (const f of byTicket.get(ticket.id) ?? []) {
      for (const p of holdersAt(events, Date.parse(f.at))) holder(p, ticket.id).push(f);
    }
    // A ticket row shows who holds the ticket, not for how long nor what they did with it.
    if (ticket.history !== 'full') continue;
    for (const p of people) traced.set(p, (traced.get(p) ?? 0) + 1);
    // Unassigned time counts only for the tickets `(unassigned)` is said to hold, like its findings.
    for (const h of held) {
      if (tickets.get(h.assignee)?.has(ticket.id)) (holds.get(h.assignee) ?? holds.set(h.assignee, []).get(h.assignee)!).push(h);
    }
  }
  return [...tickets].map(([assignee, held]) =>
    summarizeAssignee(assignee, held, traced.get(assignee) ?? 0, findings.get(assignee) ?? [], holds.get(assignee) ?? [], framework))
    .sort((a, b) => b.findings - a.findings || (a.assignee < b.assignee ? -1 : a.assignee > b.assignee ? 1 : 0));
}

/** Who held the ticket at `at`: the assignees of the latest event at or before it (of the first event before it began). */
function holdersAt(timeline: TicketEvent[], at: number): string[] {
  // Binary search: a ticket bounced a thousand times may have a finding at every bounce.
  let lo = 0;
  let hi = timeline.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timeline[mid]!.at <= at) lo = mid;
    else hi = mid - 1;
  }
  const people = splitAssignees(timeline[lo]?.assignee);
  return people.length ? people : [UNASSIGNED];
}

function summarizeAssignee(assignee: string, held: Set<string>, withHistory: number, own: Finding[], holds: AssigneeHold[],
  framework: Pick<Framework, 'costs'>): AssigneeSummary {
  const byCategory = emptyByCategory();
  const bySeverity = emptyBySeverity();
  for (const f of own) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  const count = (has: (h: AssigneeHold) => boolean) => holds.reduce((n, h) => n + (has(h) ? 1 : 0), 0);
  const times = holds.map((h) => h.minutes).sort((a, b) => a - b);
  return {
    assignee,
    tickets: held.size,
    findings: own.length,
    byCategory,
    bySeverity,
    fitnessScore: fitness(held.size, flaggedTickets(own).size),
    estimatedCost: totalCost(own, framework),
    medianBusinessMinutes: percentile(times, 0.5),
    p90BusinessMinutes: percentile(times, 0.9),
    escalationRate: share(count((h) => h.escalated), withHistory),
    deEscalationRate: share(count((h) => h.deEscalated), withHistory),
    resolvedWithoutEscalationRate: share(count((h) => h.resolvedWithoutEscalation), withHistory),
    reassignmentsPerTicket: share(holds.reduce((n, h) => n + h.handovers, 0), withHistory),
  };
}
