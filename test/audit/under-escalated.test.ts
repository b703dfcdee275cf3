import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

// Mon 2026-10-05 .. Fri 2026-10-09 is an ordinary week; 2026-11-01 is the fall-back DST change;
// 2026-11-26 is a holiday in the default calendar.
describe('triage-time-limit (under-escalated)', () => {
  it.each<[string, Step[], number]>([
    ['29 business minutes then Support', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:29', 'Support', 'In Progress']], 0],
    ['31 business minutes then Support', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:31', 'Support', 'In Progress']], 1],
    ['resolved in triage at 25 minutes', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:25', 'Help Desk', 'Resolved']], 0],
    ['resolved in triage at 45 minutes', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:45', 'Help Desk', 'Resolved']], 1],
    ['a two-hour pause in the middle (20 + 8 active)', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Waiting on Customer'],
      ['2026-10-05 11:20', 'Help Desk', 'In Progress'], ['2026-10-05 11:28', 'Help Desk', 'Resolved']], 0],
    ['a pause, then 12 more minutes (20 + 12 active)', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Waiting on Customer'],
      ['2026-10-05 11:20', 'Help Desk', 'In Progress'], ['2026-10-05 11:32', 'Help Desk', 'Resolved']], 1],
    ['over a weekend: Fri 17:50 to Mon 08:15 is 25 minutes', [['2026-10-09 17:50', 'Help Desk', 'New'], ['2026-10-12 08:15', 'Help Desk', 'Resolved']], 0],
    ['over a weekend: Fri 17:50 to Mon 08:25 is 35 minutes', [['2026-10-09 17:50', 'Help Desk', 'New'], ['2026-10-12 08:25', 'Help Desk', 'Resolved']], 1],
    ['over a holiday: Wed 17:45 to Fri 08:10 is 25 minutes', [['2026-11-25 17:45', 'Help Desk', 'New'], ['2026-11-27 08:10', 'Help Desk', 'Resolved']], 0],
    ['over a holiday: Wed 17:45 to Fri 08:20 is 35 minutes', [['2026-11-25 17:45', 'Help Desk', 'New'], ['2026-11-27 08:20', 'Help Desk', 'Resolved']], 1],
    ['over the DST change: Fri 17:45 EDT to Mon 08:14 EST is 29 minutes', [['2026-10-30 17:45', 'Help Desk', 'New'], ['2026-11-02 08:14', 'Support', 'In Progress']], 0],
    ['over the DST change: Fri 17:45 EDT to Mon 08:16 EST is 31 minutes', [['2026-10-30 17:45', 'Help Desk', 'New'], ['2026-11-02 08:16', 'Support', 'In Progress']], 1],
    ['still open in triage at as-of after 40 minutes', [['2026-10-05 09:00', 'Help Desk', 'In Progress'], ['2026-10-05 09:40', 'Help Desk', 'In Progress']], 1],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'triage-time-limit')).toHaveLength(expected);
  });

  it('points at the instant the limit was crossed, with the evidence', () => {
    const [f] = findingsOf(fw, ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 10:00', 'Support', 'In Progress']]), 'triage-time-limit');
    expect(f).toMatchObject({
      category: 'under-escalated', severity: 'error', queue: 'triage', expectedQueue: 'support',
      at: '2026-10-05T13:30:00.000Z', businessMinutes: 30,
      evidence: { minutesInQueue: 60, limitMinutes: 30 },
    });
    expect(f!.message).toBe('sat 1h of business time in triage (limit 30m) without moving to support; then moved to support');
  });

  it('does not judge a ticket that came back down to triage', () => {
    const t = ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'],
      ['2026-10-05 10:00', 'Support', 'User Error'], ['2026-10-05 10:10', 'Help Desk', 'In Progress'], ['2026-10-05 12:00', 'Help Desk', 'Resolved']],
    { type: 'Workstation', subtype: 'Login' });
    expect(findingsOf(fw, t, 'triage-time-limit')).toHaveLength(0);
  });
});

describe('onsite-needs-support (under-escalated on a criterion)', () => {
  it.each<[string, Step[], Record<string, string>, number]>([
    ['onsite work moved to Support after 10 minutes', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Support', 'In Progress']], { onsite: 'true' }, 0],
    ['onsite work moved to Support after 20 minutes', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress']], { onsite: 'true' }, 1],
    ['a firewall job on the NOC board for 16 wall minutes at night', [['2026-10-06 02:00', 'NOC', 'New'], ['2026-10-06 02:16', 'NOC', 'Resolved']], { subtype: 'Firewall', source: 'RMM' }, 1],
    ['a firewall job on the NOC board for 14 wall minutes at night', [['2026-10-06 02:00', 'NOC', 'New'], ['2026-10-06 02:14', 'Support', 'In Progress']], { subtype: 'Firewall', source: 'RMM' }, 0],
    ['remote work 20 minutes in triage', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress']], { onsite: 'false' }, 0],
  ])('%s', (_name, steps, fields, expected) => {
    expect(findingsOf(fw, ticket(steps, fields), 'onsite-needs-support')).toHaveLength(expected);
  });
});
