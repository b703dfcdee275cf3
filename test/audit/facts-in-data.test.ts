import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadExports } from '../../src/ingest/load.js';
import { parseMapping } from '../../src/ingest/mapping.js';
import type { Framework } from '../../src/framework/model.js';
import type { Ticket } from '../../src/model/ticket.js';
import { at, defaultFramework, findingsOf, frameworkFrom, defaultFrameworkText, ticket } from '../support/tickets.js';

const fw = defaultFramework();
const dir = mkdtempSync(join(tmpdir(), 'facts-in-data-'));
const MAPPING = parseMapping('columns:\n  id: Id\n  queue: Board\n  status: Status\n  created: Created\n  updated: Updated\n  closed: Closed\n  reassignments: Moves\n', join(dir, 'm.yaml'));

/** Ticket list rows (no history), read the way the CLI reads them. Times are New York local. */
async function listOf(rows: [string, string, string, string, string?, string?][]): Promise<Ticket[]> {
  const csv = ['Id,Board,Status,Created,Updated,Closed,Moves',
    ...rows.map(([id, board, status, created, updated, closed]) => [id, board, status, created, updated ?? '', closed ?? '', ''].join(','))];
  const file = join(dir, `list-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, `${csv.join('\n')}\n`);
  return (await loadExports([file], { mapping: MAPPING, timezone: 'America/New_York' })).tickets;
}

/** The same, with the export's queue-change counter. */
async function countedOf(id: string, board: string, status: string, created: string, updated: string, moves: number): Promise<Ticket[]> {
  const file = join(dir, `counted-${id}.csv`);
  writeFileSync(file, `Id,Board,Status,Created,Updated,Closed,Moves\n${id},${board},${status},${created},${updated},,${moves}\n`);
  return (await loadExports([file], { mapping: MAPPING, timezone: 'America/New_York' })).tickets;
}

const asOf = at('2026-10-30 17:00');
const judge = (tickets: Ticket[], rule: string) => {
  const outcome = audit(tickets, fw, { asOf });
  return { findings: outcome.findings.filter((f) => f.rule === rule), coverage: outcome.rules.find((r) => r.id === rule)! };
};

describe('a ticket list without history: a finding only on what a row shows', () => {
  it.each<[string, string, () => Promise<Ticket[]>, number, { judged: number; notJudged: number; partly: number }]>([
    ['open, created 40 days ago, updated yesterday: the gap to the update is no quiet spell', 'stalled-idle',
      () => listOf([['1', 'Support', 'In Progress', '2026-09-20 09:00', '2026-10-29 16:00']]), 0, { judged: 1, notJudged: 0, partly: 1 }],
    ['open, untouched for a week since its last update: idle, a fact', 'stalled-idle',
      () => listOf([['1', 'Support', 'In Progress', '2026-09-20 09:00', '2026-10-22 09:00']]), 1, { judged: 1, notJudged: 0, partly: 1 }],
    ['closed: its quiet spells are not in the data', 'stalled-idle',
      () => listOf([['1', 'Support', 'Closed', '2026-09-01 09:00', '2026-10-20 09:00', '2026-10-20 09:00']]), 0, { judged: 0, notJudged: 1, partly: 0 }],
    ['open 40 days (wall clock): aged, a fact', 'aged-open',
      () => listOf([['1', 'Support', 'In Progress', '2026-09-20 09:00', '2026-10-29 16:00']]), 1, { judged: 1, notJudged: 0, partly: 0 }],
    ['in Support: whether it skipped the front line is not in the data', 'skipped-front-line',
      () => listOf([['1', 'Support', 'Resolved', '2026-10-05 09:00', '2026-10-05 11:00', '2026-10-05 11:00']]), 0, { judged: 0, notJudged: 1, partly: 0 }],
    ['in Support, its counter says it moved twice: not judged either', 'skipped-front-line',
      () => countedOf('1', 'Support', 'In Progress', '2026-10-05 09:00', '2026-10-05 11:00', 2), 0, { judged: 0, notJudged: 1, partly: 0 }],
    ['in Support, its counter says it never moved: it entered Support directly', 'skipped-front-line',
      () => countedOf('1', 'Support', 'In Progress', '2026-10-05 09:00', '2026-10-05 11:00', 0), 1, { judged: 1, notJudged: 0, partly: 0 }],
    ['in triage for days: how long it sat in triage is not in the data', 'triage-time-limit',
      () => listOf([['1', 'Help Desk', 'Resolved', '2026-10-05 09:00', '2026-10-09 11:00', '2026-10-09 11:00']]), 0, { judged: 0, notJudged: 1, partly: 0 }],
    ['a counter of 5 queue changes: ping-pong by the count, returns unseen', 'ping-pong',
      () => countedOf('1', 'Support', 'In Progress', '2026-10-05 09:00', '2026-10-29 11:00', 5), 1, { judged: 1, notJudged: 0, partly: 1 }],
    ['no counter: ping-pong is not judged', 'ping-pong',
      () => listOf([['1', 'Support', 'In Progress', '2026-10-05 09:00', '2026-10-29 11:00']]), 0, { judged: 0, notJudged: 1, partly: 0 }],
    ['a pause rule: when it was paused is not in the data', 'customer-wait-too-long',
      () => listOf([['1', 'Support', 'Waiting on Customer', '2026-09-01 09:00', '2026-09-02 09:00']]), 0, { judged: 0, notJudged: 1, partly: 0 }],
  ])('%s', async (_name, rule, load, fired, coverage) => {
    const { findings, coverage: c } = judge(await load(), rule);
    expect(findings).toHaveLength(fired);
    expect({ judged: c.judged, notJudged: c.notJudged, partly: c.partlyJudged }).toEqual(coverage);
    if (coverage.notJudged + coverage.partly > 0) expect(c.notJudgedReasons[0]!.reason).toMatch(/^ticket list without history/);
  });

  it('the idle finding of a row points at its last update and counts only the time since', async () => {
    const [f] = judge(await listOf([['1', 'Support', 'In Progress', '2026-09-20 09:00', '2026-10-22 09:00']]), 'stalled-idle').findings;
    expect(f!.evidence.lastActivity).toBe(new Date(at('2026-10-22 09:00')).toISOString());
    // Thu 22 09:00 to Fri 30 17:00: 7 business days of 10 hours less the first hour
    expect(f!.businessMinutes).toBe(6 * 600 + 480);
  });

  it('a direct entry known from the counter has no time in the data, so it has no price', async () => {
    const [f] = judge(await countedOf('1', 'Support', 'In Progress', '2026-10-05 09:00', '2026-10-05 11:00', 0), 'skipped-front-line').findings;
    expect(f).toMatchObject({ businessMinutes: null, cost: null });
  });

  it('the report says, per rule, what it could not judge', async () => {
    const outcome = audit(await listOf([['1', 'Support', 'Closed', '2026-09-01 09:00', '2026-10-20 09:00', '2026-10-20 09:00']]), fw, { asOf });
    const judged = outcome.rules.map((r) => r.judged + r.notJudged);
    expect(judged.every((n) => n === 1)).toBe(true);
    expect(outcome.rules.filter((r) => r.notJudged === 1).map((r) => r.id)).toEqual([
      'triage-time-limit', 'onsite-needs-support', 'skipped-front-line', 'onsite-done-back-to-noc', 'user-error-back-to-triage',
      'misrouted', 'stalled-idle', 'ping-pong', 'pause-hides-breach', 'customer-wait-too-long', 'work-after-closure', 'reopened']);
  });
});

const withoutRouting = frameworkFrom(defaultFrameworkText.replace(/^routing:\n(?:(?: .*)?\n)*/m, ''), 'no-routing.yaml');

describe('over-escalated does what its documentation says', () => {
  it.each<[string, ReturnType<typeof frameworkFrom>, Parameters<typeof ticket>[0], Parameters<typeof ticket>[1], number]>([
    ['no routing: a direct entry into Support is no effort at all', withoutRouting,
      [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Resolved']], {}, 1],
    ['no routing: a move up after 5 minutes of triage (minimum 15m)', withoutRouting,
      [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:05', 'Support', 'In Progress']], {}, 1],
    ['no routing: a move up after 20 minutes of triage (near miss)', withoutRouting,
      [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress']], {}, 0],
    ['a direct entry is not excused by an escalation rule from a queue it was never in', withoutRouting,
      [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Resolved']], { subtype: 'Server' }, 1],
    ['a move from triage is excused by that rule (near miss)', withoutRouting,
      [['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:05', 'Support', 'In Progress']], { subtype: 'Server' }, 0],
    ['with routing: server work belongs in Support, so entering it directly is fine', fw,
      [['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 10:00', 'Support', 'Resolved']], { subtype: 'Server' }, 0],
  ])('%s', (_name, framework, steps, fields, expected) => {
    expect(findingsOf(framework, ticket(steps, fields), 'skipped-front-line')).toHaveLength(expected);
  });

  it('without a routing home, a move up is priced at the rate of the tier it came from', () => {
    const [f] = findingsOf(withoutRouting, ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:05', 'Support', 'In Progress'],
      ['2026-10-05 11:05', 'Support', 'Resolved']]), 'skipped-front-line');
    expect(f).toMatchObject({ businessMinutes: 120, cost: 110, expectedQueue: 'triage' });
  });
});

const businessAge = frameworkFrom(defaultFrameworkText.replace('    maxAge: 30d', '    maxAge: 5d\n    clock: business'), 'business-age.yaml');

describe('maxAge on the business clock leaves paused time out', () => {
  it.each<[string, Parameters<typeof ticket>[0], string, number]>([
    ['waiting on the customer for four weeks after a day of work: 1 business day, not aged', [
      ['2026-10-01 09:00', 'Support', 'In Progress'], ['2026-10-02 09:00', 'Support', 'Waiting on Customer']], '2026-10-30 17:00', 0],
    ['worked for six business days: aged', [
      ['2026-10-01 09:00', 'Support', 'In Progress'], ['2026-10-09 12:00', 'Support', 'In Progress']], '2026-10-09 12:00', 1],
    ['a week paused in between: 49h30m of running time by Thursday 08:30, not yet aged (near miss)', [
      ['2026-10-01 09:00', 'Support', 'In Progress'], ['2026-10-05 09:00', 'Support', 'Waiting on Customer'],
      ['2026-10-12 09:00', 'Support', 'In Progress']], '2026-10-15 08:30', 0],
  ])('%s', (_name, steps, when, expected) => {
    expect(findingsOf(businessAge, ticket(steps), 'aged-open', when)).toHaveLength(expected);
  });

  it('the finding points at the instant the running time passed the limit', () => {
    const [f] = findingsOf(businessAge, ticket([['2026-10-01 09:00', 'Support', 'In Progress'], ['2026-10-05 09:00', 'Support', 'Waiting on Customer'],
      ['2026-10-12 09:00', 'Support', 'In Progress']]), 'aged-open', '2026-10-20 09:00');
    // Thu 1 09:00-18:00 and Fri 2 (19h), Mon 5 08:00-09:00 (20h), paused until Mon 12 09:00; Mon 12 to Wed 14 (49h), Thu 15 at 09:00 (50h = 5d)
    expect(f!.at).toBe(new Date(at('2026-10-15 09:00')).toISOString());
  });
});

describe('flow figures of a ticket list: none the rows cannot show', () => {
  it('no escalation, resolution or time-in-queue figure from rows; the tickets in each queue are still counted', async () => {
    const { summarize } = await import('../../src/prepare/summary.js');
    const tickets = await listOf([
      ['1', 'Help Desk', 'Closed', '2026-10-05 09:00', '2026-10-09 11:00', '2026-10-09 11:00'],
      ['2', 'Support', 'In Progress', '2026-10-05 09:00', '2026-10-29 11:00']]);
    const s = summarize(audit(tickets, fw, { asOf }), fw, 0);
    expect(s).toMatchObject({ escalated: 0, resolvedWithoutEscalation: 0, overLimit: 0, escalationRate: null, resolvedWithoutEscalationRate: null,
      reassignmentsPerTicket: null, reachedTier: { 1: 0, 2: 0 } });
    expect(s.queues.find((q) => q.queue === 'triage')).toMatchObject({ tickets: 1, medianBusinessMinutes: null, overLimit: 0, escalationRate: null });
  });

  it('with history beside them, the figures are of the tickets with history only', async () => {
    const { summarize } = await import('../../src/prepare/summary.js');
    const rows = await listOf([['1', 'Help Desk', 'Closed', '2026-10-05 09:00', '2026-10-09 11:00', '2026-10-09 11:00']]);
    const moved = ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Support', 'Resolved']], { id: '2' });
    const s = summarize(audit([...rows, moved], fw, { asOf }), fw, 0);
    expect(s).toMatchObject({ tickets: 2, escalated: 1, escalationRate: 1, resolvedWithoutEscalation: 0, reachedTier: { 1: 1, 2: 1 } });
    expect(s.queues.find((q) => q.queue === 'triage')).toMatchObject({ tickets: 2, medianBusinessMinutes: 20, escalationRate: 1 });
  });
});

describe('a ticket list that says since when a ticket is in its queue (queueSince)', () => {
  const SINCE = parseMapping('columns:\n  id: Id\n  queue: Board\n  status: Status\n  created: Created\n  updated: Updated\n  queueSince: Since\n', join(dir, 's.yaml'));
  async function sinceOf(board: string, status: string, created: string, updated: string, since: string): Promise<Ticket[]> {
    const file = join(dir, `since-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, `Id,Board,Status,Created,Updated,Since\n1,${board},${status},${created},${updated},${since}\n`);
    return (await loadExports([file], { mapping: SINCE, timezone: 'America/New_York' })).tickets;
  }
  const wallLimit = frameworkFrom(defaultFrameworkText.replace('    after: 30m', '    after: 30m\n    clock: wall'), 'wall.yaml');
  it.each<[string, () => Promise<Ticket[]>, Framework, string, number, boolean]>([
    ['in triage since 09:00, untouched since, 3 business hours by 12:00: judged, over 30m',
      () => sinceOf('Help Desk', 'In Progress', '2026-10-05 08:00', '2026-10-05 09:00', '2026-10-05 09:00'), fw, '2026-10-05 12:00', 1, true],
    ['the same at 09:20: judged, within 30m (near miss)',
      () => sinceOf('Help Desk', 'In Progress', '2026-10-05 08:00', '2026-10-05 09:00', '2026-10-05 09:00'), fw, '2026-10-05 09:20', 0, true],
    ['updated after it entered: its pauses since are not in the row, so not judged on business time',
      () => sinceOf('Help Desk', 'In Progress', '2026-10-05 08:00', '2026-10-05 11:00', '2026-10-05 09:00'), fw, '2026-10-05 12:00', 0, false],
    ['the same on a wall-clock limit: every minute counts, judged',
      () => sinceOf('Help Desk', 'In Progress', '2026-10-05 08:00', '2026-10-05 11:00', '2026-10-05 09:00'), wallLimit, '2026-10-05 12:00', 1, true],
  ])('%s', async (_name, load, framework, when, expected, judged) => {
    const outcome = audit(await load(), framework, { asOf: at(when) });
    const findings = outcome.findings.filter((f) => f.rule === 'triage-time-limit');
    expect(findings).toHaveLength(expected);
    expect(outcome.rules.find((r) => r.id === 'triage-time-limit')!.judged).toBe(judged ? 1 : 0);
    if (expected) expect(findings[0]!.evidence.enteredAt).toBe(new Date(at('2026-10-05 09:00')).toISOString());
  });
});
