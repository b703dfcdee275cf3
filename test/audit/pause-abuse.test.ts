import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

// policy.yaml: hide-a-breach (beforeBreach 5m, every paused status); long-wait (Waiting on Customer
// only, maxPause P1 1d, others 5d). Triage limits: P1 10m, P3 30m; user-error grace P3 1h. The office
// calendar is Mon-Fri 08:00-12:00, 13:00-17:00 (8 business hours a day).
const fw = frameworkFrom(readFileSync('fixtures/framework-language/policy.yaml', 'utf8'), 'policy.yaml');

const P3 = 'Medium';
const P1 = 'Critical';
const s = (when: string, board: string, status: string, priority = P3): Step => [when, board, status, priority];

describe('pause-abuse: a pause entered just before a limit ran out (hide-a-breach)', () => {
  it.each<[string, Step[], number]>([
    ['paused at 27 of 30 minutes, for an hour', [
      s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:27', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 10:27', 'Help Desk', 'In Progress'), s('2026-10-05 10:29', 'Help Desk', 'Resolved')], 1],
    ['paused at 24 of 30 minutes (6 left), for an hour', [
      s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:24', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 10:24', 'Help Desk', 'In Progress'), s('2026-10-05 10:26', 'Help Desk', 'Resolved')], 0],
    ['paused at 27 of 30 minutes, but only for 2 minutes', [
      s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:27', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 09:29', 'Help Desk', 'In Progress'), s('2026-10-05 09:30', 'Help Desk', 'Resolved')], 0],
    ['paused at 27 minutes, across lunch: 11:57 to 13:02 is 5 business minutes', [
      s('2026-10-05 11:30', 'Help Desk', 'New'), s('2026-10-05 11:57', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 13:02', 'Help Desk', 'In Progress'), s('2026-10-05 13:03', 'Help Desk', 'Resolved')], 1],
    ['paused at 27 minutes, across lunch: 11:57 to 13:00 is 3 business minutes, all that was left', [
      s('2026-10-05 11:30', 'Help Desk', 'New'), s('2026-10-05 11:57', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 13:00', 'Help Desk', 'In Progress'), s('2026-10-05 13:01', 'Help Desk', 'Resolved')], 0],
    ['paused after the limit had passed (35 minutes): the breach is not hidden', [
      s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:35', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 10:35', 'Help Desk', 'Resolved')], 0],
    ['P1: paused at 7 of 10 minutes', [
      s('2026-10-05 09:00', 'Help Desk', 'New', P1), s('2026-10-05 09:07', 'Help Desk', 'Scheduled', P1),
      s('2026-10-06 09:00', 'Help Desk', 'Resolved', P1)], 1],
    ['P1: paused at 4 of 10 minutes', [
      s('2026-10-05 09:00', 'Help Desk', 'New', P1), s('2026-10-05 09:04', 'Help Desk', 'Scheduled', P1),
      s('2026-10-06 09:00', 'Help Desk', 'Resolved', P1)], 0],
    ['a de-escalation grace: user error at 09:00, waiting on the vendor at 09:57 (3 of 60 left)', [
      s('2026-10-05 08:40', 'Help Desk', 'New'), s('2026-10-05 08:50', 'Support', 'In Progress'), s('2026-10-05 09:00', 'Support', 'User Error'),
      s('2026-10-05 09:57', 'Support', 'Waiting on Vendor'), s('2026-10-06 09:00', 'Support', 'Closed')], 1],
    ['a de-escalation grace: waiting on the vendor at 09:50 (10 of 60 left)', [
      s('2026-10-05 08:40', 'Help Desk', 'New'), s('2026-10-05 08:50', 'Support', 'In Progress'), s('2026-10-05 09:00', 'Support', 'User Error'),
      s('2026-10-05 09:50', 'Support', 'Waiting on Vendor'), s('2026-10-06 09:00', 'Support', 'Closed')], 0],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'hide-a-breach')).toHaveLength(expected);
  });

  it('says which limit the pause hid and where the ticket should have gone', () => {
    const t = ticket([s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:27', 'Help Desk', 'Waiting on Customer'),
      s('2026-10-05 10:27', 'Help Desk', 'In Progress'), s('2026-10-05 10:29', 'Help Desk', 'Resolved')]);
    const [f] = findingsOf(fw, t, 'hide-a-breach');
    expect(f).toMatchObject({
      category: 'pause-abuse', queue: 'triage', expectedQueue: 'support', at: '2026-10-05T13:27:00.000Z', businessMinutes: 57,
      evidence: { hiddenRule: 'triage-time-limit', remainingMinutes: 3, pauseMinutes: 60, status: 'Waiting on Customer' },
    });
    expect(f!.message).toBe('paused ("Waiting on Customer") in triage with 3m left of rule triage-time-limit '
      + '(limit 30m for priority p3, margin 5m); the pause lasted 1h, so the limit would have been passed during it');
    // The escalation clock itself stopped at 29 minutes: without pause-abuse nothing would show.
    expect(findingsOf(fw, t, 'triage-time-limit')).toHaveLength(0);
  });
});

describe('pause-abuse: a pause held too long (long-wait)', () => {
  it.each<[string, Step[], string | undefined, number]>([
    ['waiting on the customer 6 business days (P3: 5d)', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer'), s('2026-10-13 09:00', 'Support', 'Closed')], undefined, 1],
    ['waiting on the customer 4 business days (P3: 5d)', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer'), s('2026-10-09 09:00', 'Support', 'Closed')], undefined, 0],
    ['P1 waiting on the customer 1.5 business days (1d)', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer', P1), s('2026-10-06 13:00', 'Support', 'Closed', P1)], undefined, 1],
    ['P1 waiting on the customer half a day', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer', P1), s('2026-10-05 13:00', 'Support', 'Closed', P1)], undefined, 0],
    ['waiting on a vendor 10 business days: not a status this rule judges', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Vendor'), s('2026-10-19 09:00', 'Support', 'Closed')], undefined, 0],
    ['3 days on the customer, then 4 on a vendor: 3 days judged', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer'), s('2026-10-08 09:00', 'Support', 'Waiting on Vendor'),
      s('2026-10-14 09:00', 'Support', 'Closed')], undefined, 0],
    ['still waiting at the as-of time, 7 business days in', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer')], '2026-10-14 09:00', 1],
    ['two long waits: one finding each', [
      s('2026-10-05 09:00', 'Support', 'Waiting on Customer'), s('2026-10-13 09:00', 'Support', 'In Progress'),
      s('2026-10-13 10:00', 'Support', 'Waiting on Customer'), s('2026-10-21 10:00', 'Support', 'Closed')], undefined, 2],
  ])('%s', (_name, steps, asOf, expected) => {
    expect(findingsOf(fw, ticket(steps), 'long-wait', asOf)).toHaveLength(expected);
  });

  it('points at the instant the limit was passed, and says when it is still paused', () => {
    const [f] = findingsOf(fw, ticket([s('2026-10-05 09:00', 'Support', 'Waiting on Customer')]), 'long-wait', '2026-10-14 09:00');
    // 5 business days of 8 hours from Mon 09:00 is the next Mon 09:00.
    expect(f).toMatchObject({ at: '2026-10-12T13:00:00.000Z', evidence: { stillPaused: true, limitMinutes: 2400 } });
    expect(f!.message).toBe('paused ("Waiting on Customer") for 7d of business time (limit 5d for other priorities); still paused');
  });
});

describe('pause-abuse rules are checked when the framework loads', () => {
  const text = readFileSync('fixtures/framework-language/policy.yaml', 'utf8');
  it.each<[string, string, RegExp]>([
    ['a status that is not paused', text.replace('statuses: [Waiting on Customer]', 'statuses: [Waiting on Custmer]'),
      /unknown paused status "Waiting on Custmer", did you mean "Waiting on Customer"\? \(rules\[\d\]\.statuses\[0\]; expected one of: Waiting on Customer, /],
    ['neither limit', text.replace('    beforeBreach: 5m\n', ''), /a pause-abuse rule needs `maxPause`, `beforeBreach`, `maxTotal` or several/],
  ])('%s', (_name, framework, message) => {
    expect(() => frameworkFrom(framework, 'policy.yaml')).toThrow(message);
  });
});
