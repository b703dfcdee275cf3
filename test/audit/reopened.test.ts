import { describe, expect, it } from 'vitest';
import { explainTicket } from '../../src/audit/explain.js';
import { InputErrors } from '../../src/errors.js';
import { at, defaultFrameworkText, findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

// The default framework (Resolved, Closed, Cancelled close a ticket) with a reopened rule of the test's own.
const withRule = (max: number) => frameworkFrom(`${defaultFrameworkText}
  - id: reopens
    check: reopened
    severity: warn
    max: ${max}
`);
const fw = withRule(1);

const open: Step = ['2026-10-05 09:00', 'Help Desk', 'New'];

describe('reopened', () => {
  it.each<[string, Step[], number, number]>([
    ['never closed', [open, ['2026-10-05 10:00', 'Help Desk', 'In Progress']], 1, 0],
    ['closed once, never reopened', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved']], 1, 0],
    ['reopened once, limit 1', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved'], ['2026-10-06 09:00', 'Help Desk', 'In Progress']], 1, 0],
    ['reopened twice, limit 1', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved'], ['2026-10-06 09:00', 'Help Desk', 'In Progress'],
      ['2026-10-06 10:00', 'Help Desk', 'Resolved'], ['2026-10-07 09:00', 'Support', 'New']], 1, 1],
    ['reopened once, limit 0', [open, ['2026-10-05 10:00', 'Help Desk', 'Closed'], ['2026-10-06 09:00', 'Help Desk', 'In Progress']], 0, 1],
    ['Resolved -> Closed is no reopen', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved'], ['2026-10-06 09:00', 'Help Desk', 'Closed']], 0, 0],
    ['a change while closed is no reopen', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved'], ['2026-10-06 09:00', 'Support', 'Resolved']], 0, 0],
    ['a status matched case-insensitively', [open, ['2026-10-05 10:00', 'Help Desk', 'RESOLVED'], ['2026-10-06 09:00', 'Help Desk', 'In Progress']], 0, 1],
  ])('%s (max %i): %i finding(s)', (_name, steps, max, expected) => {
    expect(findingsOf(max === 1 ? fw : withRule(max), ticket(steps), 'reopens')).toHaveLength(expected);
  });

  it('points at the reopen past the limit, with every reopen as evidence', () => {
    const t = ticket([open, ['2026-10-05 10:00', 'Help Desk', 'Resolved'], ['2026-10-06 09:00', 'Help Desk', 'In Progress'],
      ['2026-10-06 10:00', 'Help Desk', 'Resolved'], ['2026-10-07 09:00', 'Support', 'New'], ['2026-10-07 10:00', 'Support', 'Closed']]);
    const [f] = findingsOf(fw, t, 'reopens');
    expect(f).toMatchObject({ category: 'reopened', severity: 'warn', queue: 'support', at: new Date(at('2026-10-07 09:00')).toISOString(),
      businessMinutes: null, cost: null });
    expect(f!.message).toBe('reopened 2 times (limit 1): 2026-10-06T13:00:00.000Z ("Resolved" -> "In Progress"), '
      + '2026-10-07T13:00:00.000Z ("Resolved" -> "New")');
    expect(f!.evidence).toEqual({ reopens: 2, reopenedAt: ['2026-10-06T13:00:00.000Z', '2026-10-07T13:00:00.000Z'], limit: 1 });
    expect(f!.docsUrl).toMatch(/rules\/README\.md#reopened$/);
  });

  it('says "1 time" for one reopen', () => {
    const t = ticket([open, ['2026-10-05 10:00', 'Help Desk', 'Closed'], ['2026-10-06 09:00', 'Help Desk', 'In Progress']]);
    expect(findingsOf(withRule(0), t, 'reopens')[0]!.message).toBe('reopened 1 time (limit 0): 2026-10-06T13:00:00.000Z ("Closed" -> "In Progress")');
  });

  it('judges no ticket list without history', () => {
    const row = ticket([['2026-10-05 09:00', 'Help Desk', 'In Progress']], {}, { history: 'snapshot' });
    const x = explainTicket(row, fw, at('2026-10-06 09:00'))!.rules.find((r) => r.id === 'reopens')!;
    expect(x.notJudged).toEqual({ reason: 'ticket list without history: the data does not show when it was closed and reopened', partly: false });
  });

  it.each<[string, Step[], string]>([
    ['never closed', [open], 'never closed'],
    ['closed once', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved']], 'closed, never reopened'],
    ['reopened once', [open, ['2026-10-05 10:00', 'Help Desk', 'Resolved'], ['2026-10-06 09:00', 'Help Desk', 'In Progress']],
      'reopened 1 time (limit 1): 2026-10-06T13:00:00.000Z ("Resolved" -> "In Progress")'],
  ])('explain says why not: %s', (_name, steps, words) => {
    const t = ticket(steps);
    const x = explainTicket(t, fw, t.events()[t.events().length - 1]!.at)!.rules.find((r) => r.id === 'reopens')!;
    expect([x.fired, x.explanation]).toEqual([false, `did not fire: ${words}`]);
  });

  it.each<[string, string, string]>([
    ['no `max`', '  - { id: r, check: reopened, severity: warn }\n', 'missing required key "max"'],
    ['a negative `max`', '  - { id: r, check: reopened, severity: warn, max: -1 }\n', 'invalid `max`'],
    ['a key of another check', '  - { id: r, check: reopened, severity: warn, max: 1, idle: 3d }\n', 'key "idle" does not apply to check "reopened"'],
  ])('the framework refuses %s', (_name, rule, words) => {
    let messages: string[] = [];
    try {
      frameworkFrom(`${defaultFrameworkText}${rule}`);
    } catch (e) {
      messages = e instanceof InputErrors ? e.errors.map((x) => x.message) : [String(e)];
    }
    expect(messages).toEqual([expect.stringContaining(words)]);
  });

  it('warns that it can never fire without closed statuses', () => {
    const text = defaultFrameworkText.replace(/\n {2}closed:\n( {4}- .*\n)+/, '\n');
    expect(text).not.toContain('Cancelled');
    const framework = frameworkFrom(`${text}  - { id: r, check: reopened, severity: warn, max: 1 }\n`);
    expect(framework.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(
      'rule "r" can never fire: the framework lists no closed statuses (statuses.closed), so no ticket is ever closed, nor reopened'));
  });
});
