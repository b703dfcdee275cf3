import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

// Three business days = 30 business hours on the Mon-Fri 08:00-18:00 calendar.
describe('stalled-idle', () => {
  it.each<[string, Step[], string | undefined, number]>([
    ['29 business hours between updates', [['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-07 18:00', 'Support', 'In Progress'], ['2026-10-08 08:00', 'Support', 'Closed']], undefined, 0],
    ['31 business hours between updates', [['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-08 10:00', 'Support', 'Closed']], undefined, 1],
    ['a week waiting on the customer (paused)', [['2026-10-05 09:00', 'Support', 'Waiting on Customer'], ['2026-10-14 09:00', 'Support', 'Closed']], undefined, 0],
    ['open and untouched for a week at as-of', [['2026-10-05 09:00', 'Support', 'In Progress']], '2026-10-12 09:00', 1],
    ['open and touched yesterday at as-of', [['2026-10-05 09:00', 'Support', 'In Progress']], '2026-10-06 09:00', 0],
  ])('%s', (_name, steps, asOf, expected) => {
    expect(findingsOf(fw, ticket(steps, { onsite: 'true' }), 'stalled-idle', asOf)).toHaveLength(expected);
  });
});

describe('aged-open', () => {
  it.each<[string, string, number]>([
    ['open 29 days at as-of', '2026-11-03 09:00', 0],
    ['open 31 days at as-of', '2026-11-05 09:00', 1],
  ])('%s', (_name, asOf, expected) => {
    const t = ticket([['2026-10-05 09:00', 'Support', 'Waiting on Vendor']], { onsite: 'true' });
    expect(findingsOf(fw, t, 'aged-open', asOf)).toHaveLength(expected);
  });

  it('leaves closed tickets alone however old', () => {
    const t = ticket([['2026-09-01 09:00', 'Support', 'In Progress'], ['2026-09-01 10:00', 'Support', 'Closed']], { onsite: 'true' });
    expect(findingsOf(fw, t, 'aged-open', '2026-11-05 09:00')).toHaveLength(0);
  });
});
