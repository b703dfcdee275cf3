import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { Framework } from '../../src/framework/model.js';
import { withEvents, type Ticket } from '../../src/model/ticket.js';
import { at, defaultFrameworkText, findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

const withRule = (yaml: string) => frameworkFrom(`${defaultFrameworkText}\n${yaml}`, 'gains.yaml');

describe('pause-abuse maxTotal: every pause of a ticket added up', () => {
  const fw = withRule(`  - id: user-wait-in-all
    check: pause-abuse
    severity: warn
    statuses: [Waiting on Customer]
    maxTotal: 2d
`);
  const wait = (days: [string, string][]): Step[] => days.flatMap(([from, to]) => [[from, 'Support', 'Waiting on Customer'], [to, 'Support', 'In Progress']] as Step[]);
  it.each<[string, Step[], number]>([
    ['three waits of one business day each: 3d in all, over 2d', [['2026-10-05 08:00', 'Support', 'In Progress'],
      ...wait([['2026-10-05 09:00', '2026-10-06 09:00'], ['2026-10-07 09:00', '2026-10-08 09:00'], ['2026-10-09 09:00', '2026-10-12 09:00']])], 1],
    ['two waits of one business day each: 2d in all, not over (near miss)', [['2026-10-05 08:00', 'Support', 'In Progress'],
      ...wait([['2026-10-05 09:00', '2026-10-06 09:00'], ['2026-10-07 09:00', '2026-10-08 09:00']])], 0],
    ['another status does not count', [['2026-10-05 08:00', 'Support', 'In Progress'], ['2026-10-05 09:00', 'Support', 'Waiting on Vendor'],
      ['2026-10-09 09:00', 'Support', 'In Progress']], 0],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'user-wait-in-all')).toHaveLength(expected);
  });

  it('points at the instant the sum passed the limit, with the pauses counted', () => {
    const [f] = findingsOf(fw, ticket([['2026-10-05 08:00', 'Support', 'In Progress'],
      ...wait([['2026-10-05 09:00', '2026-10-06 09:00'], ['2026-10-07 09:00', '2026-10-08 09:00'], ['2026-10-09 09:00', '2026-10-12 09:00']])]), 'user-wait-in-all');
    // Each wait is 10 business hours; two make exactly the 20h allowed, so the third passes it the moment it begins (Fri 09:00).
    expect(f).toMatchObject({ at: new Date(at('2026-10-09 09:00')).toISOString(), evidence: { pauses: 3, totalPauseMinutes: 1800, limitMinutes: 1200 } });
  });
});

/** A framework whose queues are support levels read from the tier column, with or without a queue per team. */
const levels = (byTeam: boolean): Framework => frameworkFrom(`version: 1
name: levels
statuses: { closed: [Closed] }
queues:
  level-1: { tier: 1, matchTier: [L1]${byTeam ? ', byTeam: true' : ''} }
  level-2: { tier: 2, matchTier: [L2] }
rules:
  - { id: ping-pong, check: ping-pong, severity: warn, returns: true }
  - { id: l1-time, check: under-escalated, severity: warn, from: level-1, to: level-2, after: 10h }
`, 'levels.yaml');

function teams(steps: [string, string, string][]): Ticket {
  const t = ticket(steps.map(([when, team]) => [when, team, 'In Progress'] as Step));
  return withEvents(t, t.events().map((e, i) => ({ ...e, tier: steps[i]![2] })));
}

describe('byTeam: one queue per team while the tier comes from a column', () => {
  const bounce = teams([['2026-10-05 09:00', 'V30', 'L1'], ['2026-10-05 10:00', 'V31', 'L1'], ['2026-10-05 11:00', 'V30', 'L1']]);
  it.each<[string, boolean, Ticket, number]>([
    ['A -> B -> A between two L1 teams is a return', true, bounce, 1],
    ['without byTeam the teams of a level are one queue: no return', false, bounce, 0],
    ['moving on to another team without coming back is no return', true,
      teams([['2026-10-05 09:00', 'V30', 'L1'], ['2026-10-05 10:00', 'V31', 'L1'], ['2026-10-05 11:00', 'G97', 'L2']]), 0],
  ])('%s', (_name, byTeam, t, expected) => {
    const found = findingsOf(levels(byTeam), t, 'ping-pong');
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0]!.message).toBe('returned to level-1 "V30" after leaving it: level-1 "V30" -> level-1 "V31" -> level-1 "V30"');
  });

  it('the queue row still counts the ticket once, with its time in every team', () => {
    const outcome = audit([bounce], levels(true), { asOf: at('2026-10-05 12:00') });
    expect(outcome.flows[0]!.visits).toEqual([expect.objectContaining({ queue: 'level-1', minutes: 180 })]);
  });
});

describe('entry: true, a way in besides routing', () => {
  const text = defaultFrameworkText.replace('queues:\n', 'queues:\n  project-office:\n    tier: 2\n    purpose: Projects, opened here by the project managers.\n    match: [Projects Board]\n    entry: true\n');
  it('an entry queue needs no routing entry or rule to be reachable', () => {
    expect(() => frameworkFrom(text, 'entry.yaml')).not.toThrow();
    expect(() => frameworkFrom(text.replace('    entry: true\n', ''), 'no-entry.yaml')).toThrow(/queue "project-office" is unreachable/);
  });

  it.each<[string, Step[], number]>([
    ['created on the entry queue: no tier skipped', [['2026-10-05 09:00', 'Projects Board', 'New'], ['2026-10-05 10:00', 'Projects Board', 'Closed']], 0],
    ['created on Support (no entry queue): skipped the front line', [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Closed']], 1],
  ])('%s', (_name, steps, expected) => {
    const fw = frameworkFrom(text.replace('    to: support\n    minEffort: 15m', '    to: [support, project-office]\n    minEffort: 15m'), 'entry.yaml');
    expect(findingsOf(fw, ticket(steps), 'skipped-front-line')).toHaveLength(expected);
  });
});

describe('rules that can never fire are warned about, with file:line:col', () => {
  it.each<[string, string, RegExp]>([
    ['misrouted without routing', defaultFrameworkText.replace(/^routing:\n(?:(?: .*)?\n)*/m, ''),
      /^gains\.yaml:\d+:5 {2}rule "misrouted" can never fire: misrouted compares the queue with where routing puts the work, and the framework has no routing/],
    ['ping-pong with nothing to count', defaultFrameworkText.replace('    maxQueueChanges: 3\n    returns: true', '    returns: false'),
      /rule "ping-pong" can never fire: it has no maxQueueChanges and returns: false/],
    ['over-escalation into the lowest tier only', defaultFrameworkText.replace('    to: support\n    minEffort: 15m', '    to: triage\n    minEffort: 15m'),
      /rule "skipped-front-line" can never fire: every queue in `to` is at the lowest tier \(1\)/],
  ])('%s', (_name, text, expected) => {
    const fw = frameworkFrom(text, 'gains.yaml');
    expect(fw.warnings.map((w) => w.format())).toEqual([expect.stringMatching(expected)]);
  });

  it('the built-in framework has none', () => {
    expect(frameworkFrom(defaultFrameworkText, 'default.yaml').warnings).toEqual([]);
  });
});
