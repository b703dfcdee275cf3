import { describe, expect, it } from 'vitest';
import { compileCondition, type FieldView } from '../../src/framework/condition.js';
import type { ConditionDocument } from '../../src/framework/document.js';
import { findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

const view = (fields: Record<string, string | undefined>, raw: Record<string, string> = {}): FieldView => ({
  field: (name) => fields[name],
  column: (name) => raw[name] ?? Object.entries(raw).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1],
});

describe('conditions on fields and columns', () => {
  it.each<[string, ConditionDocument, Record<string, string | undefined>, boolean]>([
    ['equals ignores case and surrounding space', { field: 'type', equals: 'On-Site' }, { type: ' on-site ' }, true],
    ['equals: near miss', { field: 'type', equals: 'On-Site' }, { type: 'Onsite' }, false],
    ['equals true on onsite', { field: 'onsite', equals: true }, { onsite: 'true' }, true],
    ['in: one of them', { field: 'source', in: ['RMM', 'Monitoring'] }, { source: 'rmm' }, true],
    ['in: none of them', { field: 'source', in: ['RMM', 'Monitoring'] }, { source: 'Phone' }, false],
    ['contains, case-insensitively', { field: 'summary', contains: 'server' }, { summary: 'File SERVER down' }, true],
    ['contains: near miss', { field: 'summary', contains: 'server' }, { summary: 'File serv er down' }, false],
    ['matches a bare pattern case-insensitively', { field: 'subtype', matches: '^srv-\\d+$' }, { subtype: 'SRV-12' }, true],
    ['matches /.../ as written (case-sensitive)', { field: 'subtype', matches: '/^srv/' }, { subtype: 'SRV-12' }, false],
    ['gt with a decimal comma', { field: 'hours', gt: 2 }, { hours: '2,5' }, true],
    ['gt: equal is not greater', { field: 'hours', gt: 2 }, { hours: '2' }, false],
    ['lte: equal', { field: 'hours', lte: 4 }, { hours: '4' }, true],
    ['lte: just above', { field: 'hours', lte: 4 }, { hours: '4.01' }, false],
    ['a range: gte 1 and lt 3', { field: 'hours', gte: 1, lt: 3 }, { hours: '3' }, false],
    ['not a number is never compared', { field: 'hours', gt: 0 }, { hours: 'n/a' }, false],
    ['exists: a value', { field: 'assignee', exists: true }, { assignee: 'akim' }, true],
    ['exists: an empty value does not count', { field: 'assignee', exists: true }, { assignee: '  ' }, false],
    ['exists false: missing', { field: 'assignee', exists: false }, {}, true],
    ['all: every one', { all: [{ field: 'type', equals: 'Project' }, { field: 'source', equals: 'Email' }] }, { type: 'Project', source: 'email' }, true],
    ['all: one fails', { all: [{ field: 'type', equals: 'Project' }, { field: 'source', equals: 'Email' }] }, { type: 'Project', source: 'Phone' }, false],
    ['any: one holds', { any: [{ field: 'type', equals: 'Project' }, { field: 'source', equals: 'Email' }] }, { type: 'Alert', source: 'Email' }, true],
    ['any: none holds', { any: [{ field: 'type', equals: 'Project' }, { field: 'source', equals: 'Email' }] }, { type: 'Alert', source: 'RMM' }, false],
    ['not', { not: { field: 'company', equals: 'Internal' } }, { company: 'Harbor Dental' }, true],
    ['not: near miss', { not: { field: 'company', equals: 'Internal' } }, { company: 'internal' }, false],
    ['a fact without a timeline does not hold', { fact: 'queueChanges', gte: 0 }, {}, false],
  ])('%s', (_name, cond, fields, expected) => {
    expect(compileCondition(cond)(view(fields))).toBe(expected);
  });

  it.each<[string, ConditionDocument, boolean]>([
    ['a raw column by its header, ignoring case', { column: 'service location', equals: 'On-Site' }, true],
    ['a raw column: near miss', { column: 'Service Location', equals: 'Remote' }, false],
    ['a raw column that is not there', { column: 'Contract', exists: true }, false],
  ])('%s', (_name, cond, expected) => {
    expect(compileCondition(cond)(view({}, { 'Service Location': 'On-Site' }))).toBe(expected);
  });
});

/** A framework whose only rule fires the moment `when` holds in triage or the NOC. */
const probe = (when: string) => frameworkFrom(`version: 1
name: probe
calendars:
  office:
    timezone: America/New_York
    hours: { mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"] }
statuses: { paused: [Waiting on Customer], closed: [Closed] }
queues:
  triage: { tier: 1, match: [Help Desk] }
  noc: { tier: 1, match: [NOC] }
  support: { tier: 2, match: [Support] }
rules:
  - id: probe
    check: under-escalated
    severity: warn
    from: [triage, noc]
    to: support
    when: ${when}
`);

const hd = (time: string, status = 'In Progress'): Step => [`2026-10-05 ${time}`, 'Help Desk', status];
const noc = (time: string, status = 'In Progress'): Step => [`2026-10-05 ${time}`, 'NOC', status];

describe('conditions on facts of the timeline (fires / near miss)', () => {
  it.each<[string, string, Step[], string | undefined]>([
    ['timeInQueue over 45m: 46 minutes', '{ fact: timeInQueue, gt: 45m }', [hd('09:00'), hd('09:46', 'Closed')], '2026-10-05T13:45:00.000Z'],
    ['timeInQueue over 45m: 44 minutes', '{ fact: timeInQueue, gt: 45m }', [hd('09:00'), hd('09:44', 'Closed')], undefined],
    ['timeInQueue leaves out a pause: 30 + 2h paused + 10', '{ fact: timeInQueue, gt: 45m }',
      [hd('09:00'), hd('09:30', 'Waiting on Customer'), hd('11:30'), hd('11:40', 'Closed')], undefined],
    ['timeInQueue on the wall clock counts the night', '{ fact: timeInQueue, gt: 2h, clock: wall }',
      [hd('17:00'), ['2026-10-06 08:30', 'Help Desk', 'Closed']], '2026-10-05T23:00:00.000Z'],
    ['timeInQueue restarts in a new queue', '{ fact: timeInQueue, gt: 45m }', [hd('09:00'), noc('09:40'), noc('10:20', 'Closed')], undefined],
    ['sinceCreated at least 1h (wall): 65 minutes', '{ fact: sinceCreated, gte: 1h }', [hd('09:00'), hd('10:05', 'Closed')], '2026-10-05T14:00:00.000Z'],
    ['sinceCreated at least 1h: 55 minutes', '{ fact: sinceCreated, gte: 1h }', [hd('09:00'), hd('09:55', 'Closed')], undefined],
    ['sinceCreated counts queues before this one', '{ fact: sinceCreated, gte: 1h }', [noc('09:00'), hd('09:50'), hd('10:05', 'Closed')], '2026-10-05T14:00:00.000Z'],
    ['idle over 30m: a 40-minute gap', '{ fact: idle, gt: 30m }', [hd('09:00'), hd('09:40'), hd('09:45', 'Closed')], '2026-10-05T13:30:00.000Z'],
    ['idle over 30m: 25-minute gaps', '{ fact: idle, gt: 30m }', [hd('09:00'), hd('09:25'), hd('09:50'), hd('10:15', 'Closed')], undefined],
    ['idle: a pause is not idleness', '{ fact: idle, gt: 30m }', [hd('09:00', 'Waiting on Customer'), hd('11:00', 'Closed')], undefined],
    ['queueChanges at least 2: triage -> NOC -> triage', '{ fact: queueChanges, gte: 2 }', [hd('09:00'), noc('09:10'), hd('09:20'), hd('09:30', 'Closed')], '2026-10-05T13:20:00.000Z'],
    ['queueChanges at least 2: one change', '{ fact: queueChanges, gte: 2 }', [hd('09:00'), noc('09:10'), noc('09:30', 'Closed')], undefined],
    ['enteredDirectly: created in triage', '{ fact: enteredDirectly, equals: true }', [hd('09:00'), hd('09:30', 'Closed')], '2026-10-05T13:00:00.000Z'],
    ['enteredDirectly: came from the NOC', '{ fact: enteredDirectly, equals: false }', [noc('09:00'), hd('09:10'), hd('09:30', 'Closed')], '2026-10-05T13:10:00.000Z'],
    ['returned: back in triage after the NOC', '{ fact: returned, equals: true }', [hd('09:00'), noc('09:10'), hd('09:20'), hd('09:30', 'Closed')], '2026-10-05T13:20:00.000Z'],
    ['returned: near miss, never back', '{ fact: returned, equals: true }', [hd('09:00'), noc('09:10'), noc('09:30', 'Closed')], undefined],
    ['statusSeen: waited on the customer earlier', '{ fact: statusSeen, in: [Waiting on Customer] }',
      [hd('09:00', 'Waiting on Customer'), hd('10:00'), hd('10:30', 'Closed')], '2026-10-05T14:00:00.000Z'],
    ['statusSeen: never waited', '{ fact: statusSeen, in: [Waiting on Customer] }', [hd('09:00'), hd('10:00'), hd('10:30', 'Closed')], undefined],
    ['statusSeen with a pattern', '{ fact: statusSeen, matches: "^waiting" }', [hd('09:00', 'Waiting on Customer'), hd('10:00'), hd('10:30', 'Closed')], '2026-10-05T14:00:00.000Z'],
    ['all: a fact and a field', '{ all: [{ fact: timeInQueue, gt: 20m }, { field: status, equals: In Progress }] }',
      [hd('09:00'), hd('09:30', 'Closed')], '2026-10-05T13:20:00.000Z'],
    ['not: a fact', '{ not: { fact: enteredDirectly, equals: true } }', [hd('09:00'), hd('09:30', 'Closed')], undefined],
    ['any: the later of two thresholds is not needed', '{ any: [{ fact: timeInQueue, gt: 50m }, { fact: sinceCreated, gt: 20m }] }',
      [hd('09:00'), hd('10:00', 'Closed')], '2026-10-05T13:20:00.000Z'],
  ])('%s', (_name, when, steps, firesAt) => {
    const found = findingsOf(probe(when), ticket(steps), 'probe');
    expect(found.map((f) => f.at)).toEqual(firesAt ? [firesAt] : []);
  });
});

describe('condition mistakes are reported when the framework loads', () => {
  it.each<[string, string, RegExp]>([
    ['a time fact compared with a number', '{ fact: timeInQueue, gt: 30 }', /found 30; expected a duration like 30m/],
    ['a time fact tested with equals', '{ fact: idle, equals: 2h }', /fact idle is a duration: compare it with gt, gte, lt or lte/],
    ['a duration on a field', '{ field: hours, gt: 2h }', /found "2h"; expected a number/],
    ['clock on a field', '{ field: status, equals: New, clock: wall }', /`clock` applies to time facts only/],
    ['a true/false fact tested with in', '{ fact: returned, in: [yes] }', /fact returned is true or false/],
    ['two subjects', '{ field: status, column: Status, equals: New }', /a condition looks at one thing; found `field` and `column`/],
    ['no subject', '{ equals: New }', /a condition needs what it looks at/],
    ['no test', '{ field: status }', /a condition needs a test/],
    ['an unknown fact', '{ fact: timeInQeue, gt: 2h }', /timeInQueue/],
  ])('%s', (_name, when, message) => {
    expect(() => probe(when)).toThrow(message);
  });
});
