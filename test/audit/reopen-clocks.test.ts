import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

// A ticket that leaves a closed status has been reopened: its clocks run again from where they stopped.
describe('reopened tickets', () => {
  it.each<[string, string, Step[], string | undefined, number]>([
    ['triage: 20 minutes, resolved, reopened for 15 more (35)', 'triage-time-limit', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Resolved'],
      ['2026-10-06 10:00', 'Help Desk', 'In Progress'], ['2026-10-06 10:15', 'Help Desk', 'Resolved']], undefined, 1],
    ['triage: 20 minutes, resolved, reopened for 8 more (28)', 'triage-time-limit', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Help Desk', 'Resolved'],
      ['2026-10-06 10:00', 'Help Desk', 'In Progress'], ['2026-10-06 10:08', 'Help Desk', 'Resolved']], undefined, 0],
    ['idle: closed for two weeks is not idle', 'stalled-idle', [
      ['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Support', 'Closed'],
      ['2026-10-19 09:00', 'Support', 'In Progress'], ['2026-10-19 11:00', 'Support', 'Closed']], undefined, 0],
    ['idle: reopened, then untouched for 4 business days', 'stalled-idle', [
      ['2026-10-05 09:00', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Support', 'Closed'],
      ['2026-10-19 09:00', 'Support', 'In Progress']], '2026-10-23 09:00', 1],
    ['aged: reopened and open 40 days after it was created', 'aged-open', [
      ['2026-09-21 09:00', 'Support', 'In Progress'], ['2026-09-21 10:00', 'Support', 'Closed'],
      ['2026-10-29 09:00', 'Support', 'In Progress']], '2026-10-31 09:00', 1],
    ['aged: reopened, then closed again', 'aged-open', [
      ['2026-09-21 09:00', 'Support', 'In Progress'], ['2026-09-21 10:00', 'Support', 'Closed'],
      ['2026-10-29 09:00', 'Support', 'In Progress'], ['2026-10-29 10:00', 'Support', 'Closed']], '2026-10-31 09:00', 0],
    ['de-escalation grace resumes: 30m, closed, reopened for 40m more', 'user-error-back-to-triage', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'User Error'], ['2026-10-05 09:50', 'Support', 'Closed'],
      ['2026-10-06 09:00', 'Support', 'User Error'], ['2026-10-06 09:40', 'Support', 'Closed']], undefined, 1],
    ['de-escalation grace resumes: 30m, closed, reopened for 20m more', 'user-error-back-to-triage', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'User Error'], ['2026-10-05 09:50', 'Support', 'Closed'],
      ['2026-10-06 09:00', 'Support', 'User Error'], ['2026-10-06 09:20', 'Support', 'Closed']], undefined, 0],
    ['reopened straight into Support after 10 minutes of triage', 'skipped-front-line', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Help Desk', 'Resolved'],
      ['2026-10-06 09:00', 'Support', 'In Progress'], ['2026-10-06 10:00', 'Support', 'Resolved']], undefined, 1],
    ['a reopen is not work after closure', 'work-after-closure', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Help Desk', 'Resolved'],
      ['2026-10-06 09:00', 'Support', 'In Progress', undefined, 'kobrien'], ['2026-10-06 10:00', 'Support', 'Resolved', undefined, 'kobrien']], undefined, 0],
  ])('%s', (_name, rule, steps, asOf, expected) => {
    expect(findingsOf(fw, ticket(steps), rule, asOf)).toHaveLength(expected);
  });

  it('a reopened ticket still open is "still there", not "closed there"', () => {
    const t = ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Help Desk', 'Resolved'],
      ['2026-10-06 09:00', 'Help Desk', 'In Progress'], ['2026-10-06 09:40', 'Help Desk', 'In Progress']]);
    const [f] = findingsOf(fw, t, 'triage-time-limit');
    expect(f!.message).toBe('sat 50m of business time in triage (limit 30m) without moving to support; and is still there');
    // 10 minutes on the 5th, then 20 more on the 6th: the limit is passed at 09:20 on the 6th.
    expect(f!.at).toBe('2026-10-06T13:20:00.000Z');
  });
});
