import { describe, expect, it } from 'vitest';
import { defaultFramework, defaultFrameworkText, findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

// The default framework: USD, tier 1 at 55/h, tier 2 at 110/h; idle limit 3 business days (30h).
const fw = defaultFramework();

describe('estimated costs', () => {
  it.each<[string, string, Step[], Record<string, string>, number | null]>([
    ['over-escalated: 2 business hours at tier 2 that belonged at tier 1', 'skipped-front-line',
      [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 11:00', 'Support', 'Resolved']], {}, 110],
    ['missed de-escalation: 1 hour past the grace at tier 2, back to tier 1', 'onsite-done-back-to-noc',
      [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 11:00', 'Support', 'Onsite Complete'], ['2026-10-05 16:00', 'Support', 'Closed']], { onsite: 'true' }, 55],
    ['stalled: an engineer\'s rate is no price for waiting, and the framework states no delay rate', 'stalled-idle',
      [['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-08 10:00', 'Support', 'Closed']], { onsite: 'true' }, null],
    ['aged-open is calendar time, not work: no cost', 'aged-open',
      [['2026-09-01 09:00', 'Support', 'Waiting on Vendor']], { onsite: 'true' }, null],
    ['under-escalated carries no cost', 'triage-time-limit',
      [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 10:00', 'Support', 'In Progress']], {}, null],
  ])('%s', (_name, rule, steps, fields, cost) => {
    const [f] = findingsOf(fw, ticket(steps, fields), rule, rule === 'aged-open' ? '2026-10-30 09:00' : undefined);
    expect(f).toBeDefined();
    expect(f!.cost).toBe(cost);
  });

  const withDelayRate = frameworkFrom(defaultFrameworkText.replace('  hourly: { 1: 55, 2: 110 }', '  hourly: { 1: 55, 2: 110 }\n  delayHourly: 20'), 'delay.yaml');
  it.each<[string, Step[], number]>([
    ['in Support: 31 business hours idle, 1 past the limit', [['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-08 10:00', 'Support', 'Closed']], 20],
    ['in triage: 32 business hours idle, 2 past the limit', [['2026-10-05 08:00', 'Help Desk', 'In Progress'], ['2026-10-08 10:00', 'Help Desk', 'Closed']], 40],
    ['on a board the framework does not know: a delay all the same', [['2026-10-05 09:00', 'Sales', 'In Progress'], ['2026-10-08 10:00', 'Sales', 'Closed']], 20],
  ])('stalled with costs.delayHourly 20: %s', (_name, steps, cost) => {
    const [f] = findingsOf(withDelayRate, ticket(steps), 'stalled-idle');
    expect(f!.cost).toBe(cost);
  });

  it('a framework without costs gives null everywhere', () => {
    const noCosts = frameworkFrom(defaultFrameworkText.replace(/^costs:\n(?: .*\n)+/m, ''), 'no-costs.yaml');
    const [f] = findingsOf(noCosts, ticket([['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-08 10:00', 'Support', 'Closed']], { onsite: 'true' }), 'stalled-idle');
    expect(f!.cost).toBeNull();
  });
});
