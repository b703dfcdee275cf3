import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

describe('skipped-front-line (over-escalated)', () => {
  it.each<[string, Step[], Record<string, string>, number]>([
    ['a phone call entering Support directly', [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Resolved']], {}, 1],
    ['onsite work entering Support directly', [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Resolved']], { onsite: 'true' }, 0],
    ['a project entering Support directly', [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Resolved']], { type: 'Project' }, 0],
    ['moved up after 10 minutes of triage with no criterion', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Support', 'In Progress']], {}, 1],
    ['moved up after 16 minutes of triage', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:16', 'Support', 'In Progress']], {}, 0],
    ['moved up after 5 minutes with a server subtype (criterion)', [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:05', 'Support', 'In Progress']], { subtype: 'Server' }, 0],
    ['an alert moved from the NOC to Support after 5 minutes', [['2026-10-06 02:00', 'NOC', 'New'], ['2026-10-06 02:05', 'Support', 'In Progress']], { source: 'RMM' }, 1],
  ])('%s', (_name, steps, fields, expected) => {
    expect(findingsOf(fw, ticket(steps, fields), 'skipped-front-line')).toHaveLength(expected);
  });

  it('costs the hours spent at tier 2 at the rate difference', () => {
    const [f] = findingsOf(fw, ticket([['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 11:00', 'Support', 'Resolved']]), 'skipped-front-line');
    // 2 business hours x (110 - 55) USD
    expect(f).toMatchObject({ queue: 'support', expectedQueue: 'triage', businessMinutes: 120, cost: 110 });
  });
});
