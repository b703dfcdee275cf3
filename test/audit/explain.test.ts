import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainTicket } from '../../src/audit/explain.js';
import { nearestIds } from '../../src/audit/nearest-ids.js';
import { at, defaultFramework, frameworkFrom, ticket } from '../support/tickets.js';

const fw = defaultFramework();

describe('explainTicket', () => {
  const t = ticket([
    ['2026-10-05 09:00', 'Help Desk', 'New', undefined, 'akim'],
    ['2026-10-05 09:20', 'Help Desk', 'Waiting on Customer', undefined, 'akim'],
    ['2026-10-05 11:20', 'Help Desk', 'In Progress', undefined, 'akim'],
    ['2026-10-05 11:35', 'Support', 'In Progress', undefined, 'kobrien'],
    ['2026-10-05 12:05', 'Support', 'Resolved', undefined, 'kobrien'],
  ], { company: 'Harbor Dental Group' });
  const x = explainTicket(t, fw, at('2026-10-05 12:05'))!;

  it('lays out the timeline with the clock state and the time until the next event', () => {
    expect(x.events.map((e) => [e.local, e.queue, e.tier, e.status, e.assignee, e.state, e.wallMinutes, e.businessMinutes])).toEqual([
      ['2026-10-05 09:00 Mon', 'triage', 1, 'New', 'akim', 'running', 20, 20],
      ['2026-10-05 09:20 Mon', 'triage', 1, 'Waiting on Customer', 'akim', 'paused', 120, 120],
      ['2026-10-05 11:20 Mon', 'triage', 1, 'In Progress', 'akim', 'running', 15, 15],
      ['2026-10-05 11:35 Mon', 'support', 2, 'In Progress', 'kobrien', 'running', 30, 30],
      ['2026-10-05 12:05 Mon', 'support', 2, 'Resolved', 'kobrien', 'closed', 0, 0],
    ]);
  });

  it('sums each stay: running business time, stopped time, wall time', () => {
    expect(x.stays.map((s) => [s.queue, s.businessMinutes, s.stoppedMinutes, s.wallMinutes, s.ending])).toEqual([
      ['triage', 35, 120, 155, 'moved from triage to support'],
      ['support', 30, 0, 30, 'closed in support'],
    ]);
    expect(x.pauses).toMatchObject([{ statuses: ['Waiting on Customer'], queue: 'triage', businessMinutes: 120, stillPaused: false }]);
    // What "3d" means in this queue's messages: three 10-hour business days of the office calendar.
    expect(x.stays.map((s) => [s.calendar, s.businessDayMinutes])).toEqual([['office', 600], ['office', 600]]);
  });

  it('says for every rule whether it fired and why', () => {
    expect(x.rules).toHaveLength(fw.rules.length);
    const byId = Object.fromEntries(x.rules.map((r) => [r.id, r]));
    expect(byId['triage-time-limit']).toMatchObject({
      fired: true,
      explanation: 'sat 35m of business time in triage (limit 30m) without moving to support; then moved to support; '
        + 'escalation rule triage-time-limit expected support',
    });
    expect(byId['skipped-front-line']).toMatchObject({
      fired: false, explanation: 'did not fire: entered support from triage after 35m of effort, minimum 15m',
    });
    expect(byId['onsite-needs-support']!.explanation).toBe('did not fire: in triage, but the escalation criterion never held');
    expect(byId['customer-wait-too-long']!.explanation).toBe('did not fire: longest pause 2h of business time, limit 15d');
    expect(byId['ping-pong']!.explanation).toBe('did not fire: 1 queue change (limit 3), and no return to a queue it had left '
      + '(returns by de-escalation do not count): triage -> support');
  });

  it('says why a time limit did not fire, with the time it counted', () => {
    const quick = ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:22', 'Support', 'In Progress']]);
    const r = explainTicket(quick, fw, at('2026-10-05 10:00'))!.rules.find((y) => y.id === 'triage-time-limit')!;
    expect(r.explanation).toBe('did not fire: moved from triage to support after 22m of business time, limit 30m');
  });

  it('names the priority class of a per-priority limit', () => {
    const policy = frameworkFrom(readFileSync('fixtures/framework-language/policy.yaml', 'utf8'), 'policy.yaml');
    const p1 = ticket([['2026-10-05 09:00', 'Help Desk', 'New', 'Critical'], ['2026-10-05 09:08', 'Support', 'In Progress', 'Critical']]);
    const r = explainTicket(p1, policy, at('2026-10-05 10:00'))!.rules.find((y) => y.id === 'triage-time-limit')!;
    expect(r.explanation).toBe('did not fire: moved from triage to support after 8m of business time, limit 10m for priority p1');
  });

  it('a ticket created after the as-of time cannot be explained', () => {
    expect(explainTicket(t, fw, at('2026-10-04 09:00'))).toBeUndefined();
  });
});

describe('nearestIds', () => {
  it.each<[string, string[], string, string[]]>([
    ['numbers by value', ['48235', '48240', '48236', '9'], '48237', ['48236', '48235', '48240']],
    ['text by edit distance', ['INC001', 'INC010', 'CHG001'], 'INC011', ['INC001', 'INC010', 'CHG001']],
    ['no ids', [], '1', []],
  ])('%s', (_name, ids, wanted, expected) => {
    expect(nearestIds(ids, wanted)).toEqual(expected);
  });
});
