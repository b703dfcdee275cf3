import type { Framework } from '../framework/model.js';
import type { Finding } from '../model/finding.js';
import type { AssigneeSummary } from '../model/result.js';
import type { TicketEvent } from '../model/ticket.js';
import { emptyByCategory, type AuditOutcome } from './audit.js';
import { emptyBySeverity, fitness, flaggedTickets, totalCost } from './summary.js';

export const UNASSIGNED = '(unassigned)';

/** One assignee value may name several people (ConnectWise "Resources": `pmorales, ssato`). */
export function splitAssignees(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(/[,;]/).map((s) => s.trim()).filter(Boolean))];
}

/**
 * Per assignee: the tickets they held at some point, and the findings made while they held the ticket
 * (the holders at the finding's instant). A ticket held by two people counts for both.
 */
export function assigneeSummaries(outcome: AuditOutcome, framework: Pick<Framework, 'costs'>): AssigneeSummary[] {
  const tickets = new Map<string, Set<string>>();
  const findings = new Map<string, Finding[]>();
  const holder = (person: string, ticket: string) => {
    (tickets.get(person) ?? tickets.set(person, new Set()).get(person)!).add(ticket);
    return findings.get(person) ?? findings.set(person, []).get(person)!;
  };
  const byTicket = new Map<string, Finding[]>();
  for (const f of outcome.findings) (byTicket.get(f.ticket) ?? byTicket.set(f.ticket, []).get(f.ticket)!).push(f);
  for (const { ticket } of outcome.flows) {
    const people = new Set(ticket.timeline.flatMap((e) => splitAssignees(e.assignee)));
    if (people.size === 0) people.add(UNASSIGNED);
    for (const p of people) holder(p, ticket.id);
    for (const f of byTicket.get(ticket.id) ?? []) {
      for (const p of holdersAt(ticket.timeline, Date.parse(f.at))) holder(p, ticket.id).push(f);
    }
  }
  return [...tickets].map(([assignee, held]) => summarizeAssignee(assignee, held, findings.get(assignee) ?? [], framework))
    .sort((a, b) => b.findings - a.findings || (a.assignee < b.assignee ? -1 : a.assignee > b.assignee ? 1 : 0));
}

/** Who held the ticket at `at`: the assignees of the latest event at or before it (of the first event before it began). */
function holdersAt(timeline: TicketEvent[], at: number): string[] {
  let current = timeline[0];
  for (const e of timeline) {
    if (e.at > at) break;
    current = e;
  }
  const people = splitAssignees(current?.assignee);
  return people.length ? people : [UNASSIGNED];
}

function summarizeAssignee(assignee: string, held: Set<string>, own: Finding[], framework: Pick<Framework, 'costs'>): AssigneeSummary {
  const byCategory = emptyByCategory();
  const bySeverity = emptyBySeverity();
  for (const f of own) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  return {
    assignee,
    tickets: held.size,
    findings: own.length,
    byCategory,
    bySeverity,
    fitnessScore: fitness(held.size, flaggedTickets(own).size),
    estimatedCost: totalCost(own, framework),
  };
}
