import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

describe('misrouted', () => {
  it.each<[string, Step[], Record<string, string>, number]>([
    ['a phone call worked on the NOC board', [['2026-10-05 09:00', 'NOC', 'New'], ['2026-10-05 09:20', 'NOC', 'Resolved']], { source: 'Phone' }, 1],
    ['an RMM alert worked on the Help Desk board', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Resolved']], { source: 'RMM' }, 1],
    ['a phone call on the Help Desk board', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Resolved']], { source: 'Phone' }, 0],
    ['an RMM alert on the NOC board (matched by pattern "NOC - Tier 1")', [['2026-10-05 09:00', 'NOC - Tier 1', 'New'], ['2026-10-05 09:20', 'NOC - Tier 1', 'Resolved']], { source: 'RMM' }, 0],
    ['user work that came down to the NOC after Support', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Support', 'Onsite Complete'],
      ['2026-10-05 10:30', 'NOC', 'In Progress'], ['2026-10-05 11:00', 'NOC', 'Closed']], { source: 'Phone' }, 0],
  ])('%s', (_name, steps, fields, expected) => {
    expect(findingsOf(fw, ticket(steps, fields), 'misrouted')).toHaveLength(expected);
  });

  it('names the queue routing expected', () => {
    const [f] = findingsOf(fw, ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Resolved']], { source: 'Monitoring' }), 'misrouted');
    expect(f).toMatchObject({ queue: 'triage', expectedQueue: 'noc', businessMinutes: 20, at: '2026-10-05T13:00:00.000Z' });
  });
});
