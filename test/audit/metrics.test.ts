import { describe, expect, it } from 'vitest';
import { assigneeSummaries, splitAssignees, UNASSIGNED } from '../../src/prepare/assignees.js';
import { audit } from '../../src/audit/audit.js';
import { summarize } from '../../src/prepare/summary.js';
import type { AssigneeSummary } from '../../src/model/result.js';
import { withEvents, type Ticket } from '../../src/model/ticket.js';
import { at, defaultFramework, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

/** A ticket whose events carry these assignees, one per step. */
function assigned(id: string, steps: Step[], people: (string | undefined)[], fields: Partial<Ticket['fields']> = {}): Ticket {
  const t = ticket(steps, { id, ...fields });
  return withEvents(t, t.events().map((e, i) => ({ ...e, assignee: people[i] })));
}

// T1 escalated triage -> support, handed from ann to bob there, resolved in support.
// T2 resolved in triage. T3 came down from support to triage and was resolved there. T4 open on the NOC.
const tickets = [
  assigned('T1', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'],
    ['2026-10-05 10:00', 'Support', 'Resolved']], ['ann', 'ann', 'bob']),
  assigned('T2', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Help Desk', 'Resolved']], [undefined, 'ann']),
  assigned('T3', [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 09:10', 'Help Desk', 'In Progress'],
    ['2026-10-05 09:15', 'Help Desk', 'Resolved']], ['bob, cy', 'ann', 'ann'], { type: 'Workstation' }),
  assigned('T4', [['2026-10-05 09:00', 'NOC', 'New'], ['2026-10-05 09:05', 'NOC', 'In Progress']], [undefined, undefined], { source: 'RMM' }),
];
const outcome = audit(tickets, fw, { asOf: at('2026-10-05 10:00') });
const summary = summarize(outcome, fw, 0);
const queue = (id: string) => summary.queues.find((q) => q.queue === id)!;

describe('flow metrics', () => {
  it('overall: escalation, de-escalation, resolved without escalation, handovers per ticket', () => {
    expect(summary).toMatchObject({
      tickets: 4, escalationRate: 0.25, deEscalationRate: 0.25, resolvedWithoutEscalationRate: 0.5,
      // T1: a queue move and ann -> bob; T3: a queue move ("bob, cy" -> ann is the same event).
      reassignmentsPerTicket: 0.75,
    });
  });

  it.each([
    ['triage', { tickets: 3, escalationRate: 0.3333, deEscalationRate: 0, resolvedWithoutEscalationRate: 0.6667, reassignmentsPerTicket: 0.3333, limitMinutes: 30 }],
    ['support', { tickets: 2, escalationRate: 0, deEscalationRate: 0.5, resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 1, limitMinutes: null, overLimitRate: null }],
    ['noc', { tickets: 1, escalationRate: 0, deEscalationRate: 0, resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 0 }],
  ])('per queue: %s', (id, expected) => {
    expect(queue(id)).toMatchObject(expected);
  });

  it('fitness and cost per queue come from the findings in that queue', () => {
    for (const q of summary.queues) {
      const own = outcome.findings.filter((f) => f.queue === q.queue);
      const flagged = new Set(own.filter((f) => f.severity !== 'info').map((f) => f.ticket)).size;
      expect(q.fitnessScore).toBe(q.tickets === 0 ? null : Math.round(((q.tickets - flagged) / q.tickets) * 10000) / 10000);
      expect(q.estimatedCost).toBe(Math.round(own.reduce((s, f) => s + (f.cost ?? 0), 0) * 100) / 100);
    }
  });

  it('share over the limit: a ticket 45 minutes in triage is over its 30 minutes', () => {
    const slow = assigned('T9', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:45', 'Help Desk', 'Resolved']], [undefined, undefined]);
    const s = summarize(audit([...tickets, slow], fw, { asOf: at('2026-10-05 10:00') }), fw, 0);
    expect(s.queues.find((q) => q.queue === 'triage')).toMatchObject({ tickets: 4, overLimit: 1, overLimitRate: 0.25 });
    expect(s.overLimitRate).toBe(0.2);
  });

  it('no tickets: rates are null, fitness 1', () => {
    const s = summarize(audit([], fw, { asOf: 0 }), fw, 0);
    expect(s).toMatchObject({ tickets: 0, fitnessScore: 1, escalationRate: null, reassignmentsPerTicket: null });
    expect(s.queues.every((q) => q.escalationRate === null && q.fitnessScore === null)).toBe(true);
  });
});

describe('per assignee', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []], ['', []], ['ann', ['ann']], ['pmorales, ssato', ['pmorales', 'ssato']], ['a; b ;a', ['a', 'b']],
  ])('splitAssignees(%j)', (value, expected) => {
    expect(splitAssignees(value)).toEqual(expected);
  });

  it('counts the tickets each person held, and the findings made while they held them', () => {
    const rows = assigneeSummaries(outcome, fw);
    const byName = Object.fromEntries(rows.map((r) => [r.assignee, r]));
    expect(Object.keys(byName).sort()).toEqual(['ann', 'bob', 'cy', UNASSIGNED].sort());
    expect(byName.ann!.tickets).toBe(3);
    expect(byName.bob!.tickets).toBe(2);
    // Only T4 was never assigned; T2 waited for ann without a finding in between.
    expect(byName[UNASSIGNED]!.tickets).toBe(1);
    // T3 went straight to support while "bob, cy" held it: both carry that finding.
    const t3 = outcome.findings.filter((f) => f.ticket === 'T3' && f.at === new Date(at('2026-10-05 09:00')).toISOString());
    expect(t3.length).toBeGreaterThan(0);
    expect(byName.cy!.findings).toBe(t3.length);
    expect(rows.map((r) => r.findings)).toEqual([...rows.map((r) => r.findings)].sort((a, b) => b - a));
  });

  // Minutes held per ticket: ann T1 60 (20 triage + 40 support), T2 0 (closed on taking it), T3 5; bob T1 0 (closed it), T3 10;
  // cy T3 10; (unassigned) T4 60 on the NOC's 24x7 clock, and not T2's 10 minutes before ann took it (T2 is not its ticket).
  it.each([
    ['ann', { tickets: 3, medianBusinessMinutes: 5, p90BusinessMinutes: 60, escalationRate: 0.3333, deEscalationRate: 0,
      resolvedWithoutEscalationRate: 0.6667, reassignmentsPerTicket: 0.3333 }],
    ['bob', { tickets: 2, medianBusinessMinutes: 0, p90BusinessMinutes: 10, escalationRate: 0, deEscalationRate: 0.5,
      resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 0.5 }],
    ['cy', { tickets: 1, medianBusinessMinutes: 10, p90BusinessMinutes: 10, escalationRate: 0, deEscalationRate: 1,
      resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 1 }],
    [UNASSIGNED, { tickets: 1, medianBusinessMinutes: 60, p90BusinessMinutes: 60, escalationRate: 0, deEscalationRate: 0,
      resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 0 }],
  ])('flow figures of %s', (person, expected) => {
    expect(assigneeSummaries(outcome, fw).find((r) => r.assignee === person)).toMatchObject(expected);
  });

  const hd = (time: string, status = 'In Progress'): Step => [`2026-10-05 ${time}`, 'Help Desk', status];
  const sup = (time: string, status = 'In Progress'): Step => [`2026-10-05 ${time}`, 'Support', status];
  it.each<[string, Step[], (string | undefined)[], string, string, Partial<AssigneeSummary>]>([
    ['escalation counts for who held the event it moved from', [hd('09:00', 'New'), sup('09:20')], ['dee', 'eve'], '2026-10-05 10:00',
      'dee', { escalationRate: 1, reassignmentsPerTicket: 1, medianBusinessMinutes: 20 }],
    ['... not for whom it moved to', [hd('09:00', 'New'), sup('09:20')], ['dee', 'eve'], '2026-10-05 10:00',
      'eve', { escalationRate: 0, reassignmentsPerTicket: 0, medianBusinessMinutes: 40 }],
    ['de-escalation likewise', [sup('09:00', 'New'), hd('09:20')], ['eve', 'dee'], '2026-10-05 10:00',
      'eve', { deEscalationRate: 1, escalationRate: 0 }],
    ['a queue move keeping the assignee is no handover away from them', [hd('09:00', 'New'), ['2026-10-05 09:20', 'NOC', 'In Progress']],
      ['dee', 'dee'], '2026-10-05 10:00', 'dee', { reassignmentsPerTicket: 0 }],
    ['... the same move to someone else is', [hd('09:00', 'New'), ['2026-10-05 09:20', 'NOC', 'In Progress']],
      ['dee', 'eve'], '2026-10-05 10:00', 'dee', { reassignmentsPerTicket: 1 }],
    ['an unassignment is no handover', [hd('09:00', 'New'), hd('09:20')], ['dee', undefined], '2026-10-05 10:00',
      'dee', { reassignmentsPerTicket: 0 }],
    ['first-line resolution counts for who closed it for good', [hd('09:00', 'New'), hd('09:10', 'Resolved'), hd('09:20', 'Resolved')],
      ['dee', 'dee', 'eve'], '2026-10-05 10:00', 'dee', { resolvedWithoutEscalationRate: 1 }],
    ['... not for a change while it stayed closed', [hd('09:00', 'New'), hd('09:10', 'Resolved'), hd('09:20', 'Resolved')],
      ['dee', 'dee', 'eve'], '2026-10-05 10:00', 'eve', { resolvedWithoutEscalationRate: 0 }],
    ['... but for who closed it again after a reopen', [hd('09:00', 'New'), hd('09:10', 'Resolved'), hd('09:20'), hd('09:30', 'Resolved')],
      ['dee', 'dee', 'eve', 'eve'], '2026-10-05 10:00', 'eve', { resolvedWithoutEscalationRate: 1 }],
    ['... and not once it was escalated', [hd('09:00', 'New'), sup('09:10'), sup('09:20', 'Resolved')],
      ['dee', 'eve', 'eve'], '2026-10-05 10:00', 'eve', { resolvedWithoutEscalationRate: 0 }],
    ['paused time is not held time', [hd('09:00', 'New'), hd('09:10', 'Waiting on Customer'), hd('09:50')],
      ['dee', 'dee', 'dee'], '2026-10-05 10:00', 'dee', { medianBusinessMinutes: 20, p90BusinessMinutes: 20 }],
    ['business hours only: Monday 17:00 to Tuesday 09:00 on the office calendar', [hd('17:00', 'New')], ['dee'], '2026-10-06 09:00',
      'dee', { medianBusinessMinutes: 120 }],
    ['... around the clock on the NOC', [['2026-10-05 17:00', 'NOC', 'New']], ['dee'], '2026-10-06 09:00',
      'dee', { medianBusinessMinutes: 960 }],
    ['two people named on one event share its time and its escalation', [hd('09:00', 'New'), sup('09:30')], ['dee, eve', 'fay'],
      '2026-10-05 10:00', 'eve', { medianBusinessMinutes: 30, escalationRate: 1, reassignmentsPerTicket: 1 }],
  ])('%s', (_name, steps, people, asOf, person, expected) => {
    const rows = assigneeSummaries(audit([assigned('T7', steps, people)], fw, { asOf: at(asOf) }), fw);
    expect(rows.find((r) => r.assignee === person)).toMatchObject({ tickets: 1, ...expected });
  });
});

describe('cost by kind of finding', () => {
  it('adds each kind up from its findings, to the cent, and the kinds make the total', () => {
    const costs = summary.costByCategory!;
    for (const [kind, amount] of Object.entries(costs)) {
      const own = outcome.findings.filter((f) => f.category === kind).reduce((sum, f) => sum + (f.cost ?? 0), 0);
      expect(amount).toBe(Math.round(own * 100) / 100);
    }
    expect(costs['over-escalated']).toBeGreaterThan(0);
    expect(Object.values(costs).reduce((a, b) => a + b, 0)).toBeCloseTo(summary.estimatedCost!, 1);
  });

  it('is null when the framework sets no rates', () => {
    const noRates = { ...fw, costs: undefined };
    expect(summarize(audit(tickets, noRates, { asOf: at('2026-10-05 10:00') }), noRates, 0).costByCategory).toBeNull();
  });
});

describe('assignee holds are optional', () => {
  it('without them the findings and the summary are the same, and no flow keeps any', () => {
    const lean = audit(tickets, fw, { asOf: at('2026-10-05 10:00'), assigneeHolds: false });
    expect(lean.flows.every((f) => f.holds.length === 0)).toBe(true);
    expect(outcome.flows.some((f) => f.holds.length > 0)).toBe(true);
    expect(lean.findings).toEqual(outcome.findings);
    expect(summarize(lean, fw, 0)).toEqual(summary);
  });
});

describe('the counts behind the rates, in tickets', () => {
  it('overall: T1 escalated, T3 came down, T2 and T3 closed without escalation', () => {
    expect(summary).toMatchObject({ escalated: 1, deEscalated: 1, resolvedWithoutEscalation: 2, escalationRate: 0.25, deEscalationRate: 0.25 });
  });

  it('per queue: triage escalated T1; support sent T3 down; T2 and T3 resolved in triage', () => {
    expect(queue('triage')).toMatchObject({ escalated: 1, deEscalated: 0, resolvedWithoutEscalation: 2 });
    expect(queue('support')).toMatchObject({ escalated: 0, deEscalated: 1, resolvedWithoutEscalation: 0 });
  });
});
