import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

export const policyText = readFileSync('fixtures/framework-language/policy.yaml', 'utf8');
const fw = frameworkFrom(policyText, 'policy.yaml');

/** Help Desk from 09:00, moved to Support after `minutes` (Mon 2026-10-05, no lunch in the way). */
const triage = (minutes: number, priority: string): Step[] => [
  ['2026-10-05 09:00', 'Help Desk', 'New', priority],
  [`2026-10-05 ${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, 'Support', 'In Progress', priority],
];

describe('priority-specific limits (triage-time-limit: P1 10m, P2 20m, P3 30m, P4 60m)', () => {
  it.each<[string, Step[], number]>([
    ['P1 by its full name, 9 minutes', triage(9, 'Priority 1 - Emergency Response'), 0],
    ['P1 by its full name, 11 minutes', triage(11, 'Priority 1 - Emergency Response'), 1],
    ['P1 by the class id, any case ("P1"), 11 minutes', triage(11, 'P1'), 1],
    ['P1 by an alias ("critical"), 11 minutes', triage(11, 'critical'), 1],
    ['P1 by pattern /^1\\b/ ("1 - Critical"), 11 minutes', triage(11, '1 - Critical'), 1],
    ['"10 - Low" does not match /^1\\b/: no class, no limit', triage(50, '10 - Low'), 0],
    ['P2, 19 minutes', triage(19, 'High'), 0],
    ['P2, 21 minutes', triage(21, 'High'), 1],
    ['P4, 59 minutes', triage(59, 'Priority 4 - Schedule Maintenance'), 0],
    ['P4, 61 minutes', triage(61, 'Priority 4 - Schedule Maintenance'), 1],
    ['no priority at all: no default limit, not judged', triage(90, ''), 0],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'triage-time-limit')).toHaveLength(expected);
  });

  it('reads the priority of the ticket when the history does not carry one', () => {
    const steps: Step[] = [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:15', 'Support', 'In Progress']];
    expect(findingsOf(fw, ticket(steps, { priority: 'Critical' }), 'triage-time-limit')).toHaveLength(1);
    expect(findingsOf(fw, ticket(steps, { priority: 'Medium' }), 'triage-time-limit')).toHaveLength(0);
  });

  it('names the priority class in the message and evidence', () => {
    const [f] = findingsOf(fw, ticket(triage(25, 'High')), 'triage-time-limit');
    expect(f!.message).toBe('sat 25m of business time in triage (limit 20m for priority p2) without moving to support; then moved to support');
    expect(f).toMatchObject({ at: '2026-10-05T13:20:00.000Z', businessMinutes: 5, evidence: { limitMinutes: 20, priority: 'p2' } });
  });

  it('a priority raised to P1 after 15 minutes is over its limit at that instant', () => {
    const t = ticket([['2026-10-05 09:00', 'Help Desk', 'New', 'Medium'], ['2026-10-05 09:15', 'Help Desk', 'In Progress', 'Critical'],
      ['2026-10-05 09:20', 'Support', 'In Progress', 'Critical']]);
    const [f] = findingsOf(fw, t, 'triage-time-limit');
    expect(f).toMatchObject({ at: '2026-10-05T13:15:00.000Z' });
    expect(f!.message).toContain('limit 10m for priority p1');
  });

  it('a priority lowered from P1 to P3 at 8 minutes gets the P3 limit from then on', () => {
    const t = ticket([['2026-10-05 09:00', 'Help Desk', 'New', 'Critical'], ['2026-10-05 09:08', 'Help Desk', 'In Progress', 'Medium'],
      ['2026-10-05 09:25', 'Support', 'In Progress', 'Medium']]);
    expect(findingsOf(fw, t, 'triage-time-limit')).toHaveLength(0);
  });
});

describe('priority-specific limits in the other checks', () => {
  it.each<[string, string, Step[], number]>([
    ['minEffort: P1 may go up at once', 'front-line-effort', triage(2, 'Critical'), 0],
    ['minEffort: P3 after 2 minutes is too soon (default 15m)', 'front-line-effort', triage(2, 'Medium'), 1],
    ['minEffort: P3 after 16 minutes', 'front-line-effort', triage(16, 'Medium'), 0],
    ['grace: P1 user error still in Support after 35 minutes (30m)', 'user-error-back', [
      ['2026-10-05 09:00', 'Help Desk', 'New', 'Critical'], ['2026-10-05 09:05', 'Support', 'User Error', 'Critical'], ['2026-10-05 09:40', 'Support', 'Closed', 'Critical']], 1],
    ['grace: P3 user error still in Support after 35 minutes (default 1h)', 'user-error-back', [
      ['2026-10-05 09:00', 'Help Desk', 'New', 'Medium'], ['2026-10-05 09:20', 'Support', 'User Error', 'Medium'], ['2026-10-05 09:55', 'Support', 'Closed', 'Medium']], 0],
    ['no default: a P1 alert 6 minutes on the NOC (5m)', 'p1-noc-limit', [
      ['2026-10-05 02:00', 'NOC', 'New', 'Critical'], ['2026-10-05 02:06', 'Support', 'In Progress', 'Critical']], 1],
    ['no default: a P3 alert 2 hours on the NOC is not judged', 'p1-noc-limit', [
      ['2026-10-05 02:00', 'NOC', 'New', 'Medium'], ['2026-10-05 04:00', 'Support', 'In Progress', 'Medium']], 0],
    ['idle: P1 quiet 5 business hours (4h)', 'idle', [
      ['2026-10-05 08:00', 'Support', 'In Progress', 'Critical'], ['2026-10-05 14:00', 'Support', 'Closed', 'Critical']], 1],
    ['idle: P3 quiet 5 business hours (default 2d)', 'idle', [
      ['2026-10-05 08:00', 'Support', 'In Progress', 'Medium'], ['2026-10-05 14:00', 'Support', 'Closed', 'Medium']], 0],
  ])('%s', (_name, rule, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), rule)).toHaveLength(expected);
  });
});

describe('limits per priority are checked when the framework loads', () => {
  const withLimit = (after: string) => policyText.replace('after: { p1: 10m, p2: 20m, p3: 30m, p4: 60m }', `after: ${after}`);
  it.each<[string, string, RegExp]>([
    ['an unknown priority class, with a suggestion', '{ p11: 10m }', /unknown priority "p11", did you mean "p1"\? \(rules\[0\]\.after\.p11; expected one of: p1, p2, p3, p4, default\)/],
    ['a bad duration inside the mapping', '{ p1: "10 minutes" }', /rules\[0\]\.after/],
  ])('%s', (_name, after, message) => {
    expect(() => frameworkFrom(withLimit(after), 'policy.yaml')).toThrow(message);
  });

  it('points at the entry, with the known classes in the hint', () => {
    try {
      frameworkFrom(withLimit('{ urgent: 10m }'), 'policy.yaml');
      expect.unreachable();
    } catch (e) {
      const [problem] = (e as { errors: { message: string; hint: string; position: { line: number } }[] }).errors;
      expect(problem!.message).toBe('unknown priority "urgent" (rules[0].after.urgent; expected one of: p1, p2, p3, p4, default)');
      expect(problem!.hint).toBeUndefined();
      expect(problem!.position.line).toBe(policyText.split('\n').findIndex((l) => l.includes('after: { p1: 10m')) + 1);
    }
  });

  it.each<[string, string, string, RegExp]>([
    ['"default" is not a priority class id', '  p4: [Priority 4', '  default: [Urgent]\n  p4: [Priority 4', /"default" is kept for limits/],
    ['a watched field that does not exist', '    grace: 10m\n', '    grace: 10m\n    watch: [queue, owner]\n',
      /invalid `watch` entry \(rules\[\d\]\.watch\[1\]; found "owner"; expected one of: queue, assignee, status, priority, tier\)/],
    ['a client calendar without its calendar', '    calendar: chicago\n', '', /missing required key "calendar" \(clientCalendars\[0\]\)/],
  ])('%s', (_name, from, to, message) => {
    expect(() => frameworkFrom(policyText.replace(from, to), 'policy.yaml')).toThrow(message);
  });

  it('a name may belong to one priority class only', () => {
    const text = policyText.replace('p2: [Priority 2 - Quick Response, High]', 'p2: [Priority 2 - Quick Response, Critical]');
    expect(() => frameworkFrom(text, 'policy.yaml')).toThrow(/"Critical" already means priority "p1"/);
  });
});
