import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

// The policy's office calendar: Mon-Fri 08:00-12:00 and 13:00-17:00 New York time, holidays 12-25 and
// 07-04 every year and 2026-11-26 once; the NOC runs 24x7; one client works Chicago hours 07:00-19:00.
const fw = frameworkFrom(readFileSync('fixtures/framework-language/policy.yaml', 'utf8'), 'policy.yaml');

/** A P3 ticket (30 business minutes in triage) from `from` to `to`, then moved to Support. */
const stay = (from: string, to: string): Step[] => [[from, 'Help Desk', 'New', 'Medium'], [to, 'Support', 'In Progress', 'Medium']];

describe('business time across the calendar (triage, P3: 30 business minutes)', () => {
  it.each<[string, Step[], number]>([
    ['lunch break: 11:50 to 13:15 is 25 minutes', stay('2026-10-05 11:50', '2026-10-05 13:15'), 0],
    ['lunch break: 11:50 to 13:25 is 35 minutes', stay('2026-10-05 11:50', '2026-10-05 13:25'), 1],
    ['evening: 16:50 to 08:15 next day is 25 minutes', stay('2026-10-06 16:50', '2026-10-07 08:15'), 0],
    ['weekend: Fri 16:50 to Mon 08:15 is 25 minutes', stay('2026-10-09 16:50', '2026-10-12 08:15'), 0],
    ['weekend: Fri 16:50 to Mon 08:25 is 35 minutes', stay('2026-10-09 16:50', '2026-10-12 08:25'), 1],
    ['yearly holiday (12-25, a Friday): Thu 16:50 to Mon 08:15', stay('2026-12-24 16:50', '2026-12-28 08:15'), 0],
    ['yearly holiday (12-25, a Friday): Thu 16:50 to Mon 08:25', stay('2026-12-24 16:50', '2026-12-28 08:25'), 1],
    ['yearly holiday again in 2028 (07-04, a Tuesday): Mon 16:50 to Wed 08:15', stay('2028-07-03 16:50', '2028-07-05 08:15'), 0],
    ['dated holiday (2026-11-26): Wed 16:50 to Fri 08:15', stay('2026-11-25 16:50', '2026-11-27 08:15'), 0],
    ['a dated holiday does not recur: Thu 2027-11-25 16:50 to Fri 08:25', stay('2027-11-25 16:50', '2027-11-26 08:25'), 1],
    ['spring forward (2026-03-08): Fri 16:50 EST to Mon 08:15 EDT', stay('2026-03-06 16:50', '2026-03-09 08:15'), 0],
    ['spring forward (2026-03-08): Fri 16:50 EST to Mon 08:25 EDT', stay('2026-03-06 16:50', '2026-03-09 08:25'), 1],
    ['fall back (2026-11-01): Fri 16:50 EDT to Mon 08:15 EST', stay('2026-10-30 16:50', '2026-11-02 08:15'), 0],
    ['fall back (2026-11-01): Fri 16:50 EDT to Mon 08:25 EST', stay('2026-10-30 16:50', '2026-11-02 08:25'), 1],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'triage-time-limit')).toHaveLength(expected);
  });
});

describe('a 24x7 queue counts real minutes across DST (idle, P1: 4h on the NOC)', () => {
  const night = (from: string, to: string): Step[] => [[from, 'NOC', 'In Progress', 'Critical'], [to, 'NOC', 'Closed', 'Critical']];
  it.each<[string, Step[], number]>([
    ['spring forward: 00:30 EST to 04:45 EDT is 3h15m', night('2026-03-08 00:30', '2026-03-08 04:45'), 0],
    ['spring forward: 00:30 EST to 05:45 EDT is 4h15m', night('2026-03-08 00:30', '2026-03-08 05:45'), 1],
    ['fall back: 00:30 EDT to 03:45 EST is 4h15m', night('2026-11-01 00:30', '2026-11-01 03:45'), 1],
    ['fall back: 00:30 EDT to 03:15 EST is 3h45m', night('2026-11-01 00:30', '2026-11-01 03:15'), 0],
    ['a weekend on the NOC counts too', night('2026-10-10 09:00', '2026-10-10 13:30'), 1],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps, { source: 'RMM' }), 'idle')).toHaveLength(expected);
  });
});

describe('calendars per client', () => {
  const evening = stay('2026-10-05 18:00', '2026-10-05 18:40');
  it.each<[string, Partial<Record<string, string>>, Record<string, string>, number]>([
    ['a Chicago client works until 19:00 CT (20:00 ET): 40 business minutes', { company: 'Prairie Grain Co-op' }, {}, 1],
    ['another client: the office closed at 17:00, no business time', { company: 'Harbor Dental Group' }, {}, 0],
    ['a 24x7 contract (raw column) counts the evening', { company: 'Harbor Dental Group' }, { Contract: '24x7 Gold' }, 1],
    ['another contract', { company: 'Harbor Dental Group' }, { Contract: 'Business Hours' }, 0],
  ])('%s', (_name, fields, raw, expected) => {
    expect(findingsOf(fw, ticket(evening, fields, { raw }), 'triage-time-limit')).toHaveLength(expected);
  });

  it('says which calendar it used', () => {
    const [f] = findingsOf(fw, ticket(evening, { company: 'Prairie Grain Co-op' }), 'triage-time-limit');
    expect(f!.evidence.calendar).toBe('chicago');
  });

  it('a client calendar leaves a queue with its own calendar alone unless it lists the queue', () => {
    const steps: Step[] = [['2026-10-10 09:00', 'NOC', 'In Progress', 'Critical'], ['2026-10-10 13:30', 'NOC', 'Closed', 'Critical']];
    // Saturday on the NOC: 24x7 for everyone, the Chicago client included.
    expect(findingsOf(fw, ticket(steps, { company: 'Prairie Grain Co-op', source: 'RMM' }), 'idle')).toHaveLength(1);
  });

  it('an unknown calendar in clientCalendars is reported with a suggestion', () => {
    const text = readFileSync('fixtures/framework-language/policy.yaml', 'utf8').replace('calendar: chicago', 'calendar: chicgo');
    expect(() => frameworkFrom(text, 'policy.yaml')).toThrow(/unknown calendar "chicgo", did you mean "chicago"\? \(clientCalendars\[0\]\.calendar; expected one of: office, chicago, around-the-clock\)/);
  });
});
