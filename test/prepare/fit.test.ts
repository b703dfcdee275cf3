import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { complianceLimit, frameworkFit, nearestRank } from '../../src/prepare/fit.js';
import { compareOutcomes } from '../../src/prepare/what-if.js';
import { defaultFramework, frameworkFrom, defaultFrameworkText, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

/** A ticket that sits `minutes` business minutes in triage (Mon 2026-10-05 from 09:00), then moves to Support. */
const triageStay = (minutes: number): Step[] =>
  [['2026-10-05 09:00', 'Help Desk', 'New'], [localPlus('2026-10-05 09:00', minutes), 'Support', 'In Progress']];

/** "YYYY-MM-DD HH:MM" plus minutes, within one business day (no calendar arithmetic needed). */
function localPlus(local: string, minutes: number): string {
  const [date, time] = local.split(' ') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${date} ${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const fitOf = (tickets: ReturnType<typeof ticket>[], framework = fw) => {
  const asOf = Math.max(...tickets.map((t) => t.events().at(-1)!.at));
  return frameworkFit(audit(tickets, framework, { asOf }), framework);
};

describe('percentiles by nearest rank', () => {
  it.each<[number[], number, number]>([
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.5, 50],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 90],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.95, 100],
    [[7], 0.5, 7],
    [[1, 2, 3], 0.5, 2],
  ])('%j at %d is %d', (values, q, expected) => {
    expect(nearestRank(values, q)).toBe(expected);
  });

  it.each<[number[], number, boolean, number]>([
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.8, false, 80],
    // A minimum: at 30, 8 of the 10 values are at or above it.
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.8, true, 30],
    [[10, 20, 30, 40, 50, 60, 70], 0.8, true, 20],
  ])('the limit %j would meet for %d of tickets (minimum: %s) is %d', (values, q, atLeast, expected) => {
    expect(complianceLimit(values, q, atLeast)).toBe(expected);
  });
});

describe('framework fit: a rule beside what it limits', () => {
  // Ten tickets in triage for 10, 20, ... 100 business minutes: the 30m limit is passed by seven.
  const tickets = Array.from({ length: 10 }, (_, i) => ticket(triageStay((i + 1) * 10), {}, { id: `T${i + 1}` }));
  const fit = fitOf(tickets);
  const triage = fit.rules.find((r) => r.id === 'triage-time-limit')!;

  it('measures the stays exactly, on the rule clock', () => {
    expect(triage.limit).toBe('30m');
    expect(triage.measured).toEqual({ p50: 50, p90: 90, p95: 100, max: 100 });
    expect(triage.complyAt).toEqual({ p80: 80, p90: 90, p95: 100 });
    expect(triage.limits[0]).toMatchObject({ key: 'after', unit: 'minutes', atLeast: false, tickets: 10 });
  });

  it('fires on most: says so, with the figures, and what they suggest without claiming to know', () => {
    expect(triage.fired).toBe(7);
    expect(triage.verdict).toBe('fires-on-most');
    expect(triage.advice).toContain('Fired on 70% of the 10 tickets it judged');
    expect(triage.advice).toContain('80% of them would comply at 1h20m');
    // The median (50m) is within twice the 30m limit: a limit a little tight.
    expect(triage.advice).toContain('The median (50m) is within twice the limit: the figures suggest a limit a little tighter than the work takes (80% of the tickets comply at 1h20m)');
    expect(triage.advice).toContain('they cannot prove it');
  });

  it('fires on most with the median far past the limit: another step, or a backlog, and it says it cannot tell', () => {
    const far = fitOf([100, 110, 120, 130, 140, 150, 160].map((m, i) => ticket(triageStay(m), {}, { id: `L${i}` })));
    const rule = far.rules.find((r) => r.id === 'triage-time-limit')!;
    expect(rule).toMatchObject({ fired: 7, verdict: 'fires-on-most', measured: { p50: 130 } });
    expect(rule.advice).toContain('The median (2h10m) is more than twice the limit: the figures suggest the rule times another step than the desk takes there, or a lasting backlog');
  });

  it('a near miss: three stays under the limit are fires-on-some', () => {
    const few = fitOf([10, 20, 40].map((m, i) => ticket(triageStay(m), {}, { id: `S${i}` })));
    const rule = few.rules.find((r) => r.id === 'triage-time-limit')!;
    expect(rule).toMatchObject({ fired: 1, verdict: 'fires-on-some', measured: { p50: 20, max: 40 } });
  });

  it('a rule whose queue no ticket visited never fired, and says nothing it limits happened', () => {
    const rule = fit.rules.find((r) => r.id === 'user-error-back-to-triage')!;
    expect(rule.verdict).toBe('never-fired');
    expect(rule.measured).toBeNull();
    expect(rule.advice).toMatch(/what its grace limits never happened/);
  });

  it('lists the paths taken, with the rules that describe them', () => {
    expect(fit.paths).toEqual([{ from: 'triage', to: 'support', tickets: 10, described: true, by: ['triage-time-limit', 'onsite-needs-support'] }]);
  });

  it('a move no rule names is not described', () => {
    const back = fitOf([ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'NOC', 'In Progress']], { type: 'Zzz' })]);
    expect(back.paths).toEqual([{ from: 'triage', to: 'noc', tickets: 1, described: false, by: [] }]);
  });
});

describe('framework fit: what the framework does not place', () => {
  it('unknown queues, statuses neither paused nor closed nor named (flagging look-alikes), values no routing entry places', () => {
    // The default framework without its catch-all routing entry: a ticket of no listed kind then has no home.
    const noCatchAll = frameworkFrom(defaultFrameworkText.replace('  - queue: triage\n', ''));
    const fit = fitOf([
      ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Procurement', 'Awaiting Parts']], { type: 'Zzz' }, { id: 'A' }),
      ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:05', 'Help Desk', 'Esperando por cliente'],
        ['2026-10-05 09:10', 'Help Desk', 'Done and Dusted']], { type: 'Zzz' }, { id: 'B' }),
      ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Help Desk', 'User Error']], { source: 'Monitoring' }, { id: 'C' }),
    ], noCatchAll);
    expect(fit.unplaced.queues).toEqual([{ name: 'Procurement', tickets: 1 }]);
    expect(fit.unplaced.statuses).toEqual([
      { name: 'New', tickets: 3, looksLike: null },
      { name: 'Awaiting Parts', tickets: 1, looksLike: 'pause' },
      { name: 'Done and Dusted', tickets: 1, looksLike: 'closure' },
      { name: 'Esperando por cliente', tickets: 1, looksLike: 'pause' },
    ]);
    // "User Error" is named by a rule's condition: placed.
    expect(fit.unplaced.statuses.map((s) => s.name)).not.toContain('User Error');
    expect(fit.unplaced.values).toEqual([{ field: 'source', value: 'Phone', tickets: 2 }, { field: 'type', value: 'Zzz', tickets: 2 }]);
    // With the catch-all, every ticket has a home: no value is unplaced.
    expect(fitOf([ticket([['2026-10-05 09:00', 'Help Desk', 'New']], { type: 'Zzz' })]).unplaced.values).toEqual([]);
  });
});

describe('what-if: the same tickets under a changed framework', () => {
  it('names exactly the tickets whose findings change, per rule', () => {
    const tickets = [20, 40, 50, 70].map((m, i) => ticket(triageStay(m), {}, { id: `W${i}` }));
    const asOf = Math.max(...tickets.map((t) => t.events().at(-1)!.at));
    const longer = frameworkFrom(defaultFrameworkText.replace(/after: 30m/, 'after: 45m'));
    const what = compareOutcomes(audit(tickets, fw, { asOf }), audit(tickets, longer, { asOf }), []);
    expect(what.rules.find((r) => r.id === 'triage-time-limit')).toEqual({ id: 'triage-time-limit', before: 3, after: 2, ticketsBefore: 3, ticketsAfter: 2, present: 'both' });
    // W1 (40m) no longer fires; W2 and W3 still fire, but at the new limit's instant.
    expect(what.tickets).toEqual([
      { ticket: 'W1', rules: [{ id: 'triage-time-limit', before: 1, after: 0 }] },
      { ticket: 'W2', rules: [{ id: 'triage-time-limit', before: 1, after: 1 }] },
      { ticket: 'W3', rules: [{ id: 'triage-time-limit', before: 1, after: 1 }] },
    ]);
  });
});
