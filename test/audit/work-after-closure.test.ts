import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

// policy.yaml: closed-means-closed watches queue and assignee, grace 10 business minutes.
const text = readFileSync('fixtures/framework-language/policy.yaml', 'utf8');
const fw = frameworkFrom(text, 'policy.yaml');

const s = (when: string, board: string, status: string, assignee = 'akim'): Step => [when, board, status, 'Medium', assignee];
const closedAt = (...after: Step[]): Step[] => [s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:20', 'Help Desk', 'Closed'), ...after];

describe('work-after-closure', () => {
  it.each<[string, Step[], number]>([
    ['moved to Support two days after it was closed', closedAt(s('2026-10-07 10:00', 'Support', 'Closed')), 1],
    ['reassigned 30 minutes after it was closed', closedAt(s('2026-10-05 09:50', 'Help Desk', 'Closed', 'bwilson')), 1],
    ['reassigned 5 minutes after it was closed (grace 10m)', closedAt(s('2026-10-05 09:25', 'Help Desk', 'Closed', 'bwilson')), 0],
    ['reassigned at 09:00 next morning, closed at 16:55: 9 business minutes later', [
      s('2026-10-05 16:30', 'Help Desk', 'New'), s('2026-10-05 16:55', 'Help Desk', 'Closed'), s('2026-10-06 08:04', 'Help Desk', 'Closed', 'bwilson')], 0],
    ['Closed -> Resolved: status is not watched here', closedAt(s('2026-10-07 10:00', 'Help Desk', 'Resolved')), 0],
    ['the same row again (nothing changed)', closedAt(s('2026-10-07 10:00', 'Help Desk', 'Closed')), 0],
    ['reopened into Support: a reopen, not work after closure', closedAt(s('2026-10-07 10:00', 'Support', 'In Progress')), 0],
    ['moved while closed, then reopened', closedAt(s('2026-10-07 10:00', 'Support', 'Closed'), s('2026-10-07 11:00', 'Support', 'In Progress')), 1],
    ['two closings with work after each: one finding each', closedAt(s('2026-10-06 10:00', 'Help Desk', 'Closed', 'bwilson'),
      s('2026-10-07 09:00', 'Help Desk', 'In Progress', 'bwilson'), s('2026-10-07 09:10', 'Help Desk', 'Closed', 'bwilson'),
      s('2026-10-08 09:00', 'Support', 'Closed', 'bwilson')), 2],
    ['never closed', [s('2026-10-05 09:00', 'Help Desk', 'New'), s('2026-10-05 09:20', 'Support', 'In Progress', 'bwilson')], 0],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'closed-means-closed')).toHaveLength(expected);
  });

  it('lists the changes and whether it was reopened', () => {
    const t = ticket(closedAt(s('2026-10-07 10:00', 'Support', 'Closed', 'kobrien'), s('2026-10-07 10:30', 'Support', 'Closed', 'ssato')));
    const [f] = findingsOf(fw, t, 'closed-means-closed');
    expect(f).toMatchObject({
      category: 'work-after-closure', queue: 'support', at: '2026-10-07T14:00:00.000Z', businessMinutes: null,
      evidence: { closedStatus: 'Closed', eventsAfterClosure: 2, reopened: false,
        changes: ['queue Help Desk -> Support', 'assignee akim -> kobrien', 'assignee kobrien -> ssato'] },
    });
    expect(f!.message).toBe('changed while closed ("Closed" since 2026-10-05T13:20:00.000Z): queue Help Desk -> Support, '
      + 'assignee akim -> kobrien and 1 more change(s), 2d40m after closing, and never reopened');
  });

  it('a move made while closed is not an escalation nor a misrouting', () => {
    const t = ticket(closedAt(s('2026-10-07 10:00', 'Support', 'Closed')));
    expect(findingsOf(fw, t, 'front-line-effort')).toHaveLength(0);
  });

  it.each<[string, string, Step[], number]>([
    ['watch: [status] - Closed -> Resolved counts', 'watch: [status]', closedAt(s('2026-10-07 10:00', 'Help Desk', 'Resolved')), 1],
    ['watch: [status] - a reassignment does not', 'watch: [status]', closedAt(s('2026-10-07 10:00', 'Help Desk', 'Closed', 'bwilson')), 0],
    ['watch: [priority]', 'watch: [priority]', closedAt(['2026-10-07 10:00', 'Help Desk', 'Closed', 'Critical', 'akim']), 1],
  ])('%s', (_name, watch, steps, expected) => {
    const custom = frameworkFrom(text.replace('    grace: 10m\n', `    grace: 10m\n    ${watch}\n`), 'policy.yaml');
    expect(findingsOf(custom, ticket(steps), 'closed-means-closed')).toHaveLength(expected);
  });
});
