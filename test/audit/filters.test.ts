import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { describeFilters, filterFindings, filterOutcome, resolveQueueNames, type ReportFilters } from '../../src/prepare/filters.js';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/model/finding.js';
import { at, defaultFramework, ticket } from '../support/tickets.js';

const finding = (id: string, over: Partial<Finding>): Finding => ({
  id, ticket: 'T1', summary: null, category: 'stalled', rule: 'r', severity: 'warn', queue: 'support',
  expectedQueue: null, at: '2026-10-10T12:00:00.000Z', message: 'm', businessMinutes: null, cost: null,
  evidence: {}, docsUrl: '', ...over,
});

const findings = [
  finding('a', { at: '2026-10-01T00:00:00.000Z', severity: 'error', category: 'misrouted', queue: 'triage' }),
  finding('b', { at: '2026-10-10T12:00:00.000Z', severity: 'warn' }),
  finding('c', { at: '2026-10-20T23:59:59.000Z', severity: 'info', category: 'ping-pong', queue: null }),
];
const ms = (iso: string) => Date.parse(iso);

describe('filterFindings', () => {
  it.each<[string, ReportFilters, string[]]>([
    ['no filters', {}, ['a', 'b', 'c']],
    ['since is inclusive', { since: ms('2026-10-10T12:00:00Z') }, ['b', 'c']],
    ['until is exclusive', { until: ms('2026-10-10T12:00:00Z') }, ['a']],
    ['a period', { since: ms('2026-10-02T00:00:00Z'), until: ms('2026-10-21T00:00:00Z') }, ['b', 'c']],
    ['one queue (a finding without a queue is out)', { queues: ['support'] }, ['b']],
    ['two queues', { queues: ['support', 'triage'] }, ['a', 'b']],
    ['categories', { categories: ['misrouted', 'ping-pong'] }, ['a', 'c']],
    ['min severity warn', { minSeverity: 'warn' }, ['a', 'b']],
    ['min severity error', { minSeverity: 'error' }, ['a']],
    ['everything at once', { since: ms('2026-09-01T00:00:00Z'), queues: ['triage'], minSeverity: 'error', categories: ['misrouted'] }, ['a']],
  ])('%s', (_name, filters, ids) => {
    expect(filterFindings(findings, filters).map((f) => f.id)).toEqual(ids);
  });
});

describe('filterOutcome', () => {
  const fw = defaultFramework();
  const early = ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 10:00', 'Help Desk', 'Resolved']], { id: 'early' });
  const late = ticket([['2026-10-20 09:00', 'Support', 'New'], ['2026-10-20 12:00', 'Support', 'In Progress']], { id: 'late', type: 'Project' });
  const open = ticket([['2026-10-01 09:00', 'NOC', 'New'], ['2026-10-01 09:05', 'NOC', 'In Progress']], { id: 'open', source: 'RMM' });
  const outcome = audit([early, late, open], fw, { asOf: at('2026-10-21 12:00') });
  const ids = (f: ReportFilters) => filterOutcome(outcome, f).flows.map((t) => t.ticket.id);

  it.each<[string, ReportFilters, string[]]>([
    ['no filters: the same outcome', {}, ['early', 'late', 'open']],
    ['since: tickets closed before it are out, open ones stay', { since: at('2026-10-10 00:00') }, ['late', 'open']],
    ['until: tickets created after it are out', { until: at('2026-10-10 00:00') }, ['early', 'open']],
    ['queue: tickets that passed through it', { queues: ['support'] }, ['late']],
    ['severity narrows findings only', { minSeverity: 'error' }, ['early', 'late', 'open']],
  ])('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });

  it('keeps only findings of the tickets kept', () => {
    const narrowed = filterOutcome(outcome, { queues: ['noc'] });
    expect(narrowed.findings.every((f) => f.ticket === 'open')).toBe(true);
  });

  it('describes the filters for the notes', () => {
    expect(describeFilters({})).toBeUndefined();
    expect(describeFilters({ since: ms('2026-10-01T00:00:00Z'), queues: ['support'], minSeverity: 'warn' }))
      .toBe('filtered to findings from 2026-10-01T00:00:00.000Z and the tickets open in that period; queues support; severity warn and above');
  });
});

describe('resolveQueueNames', () => {
  const fw = defaultFramework();
  const odd = ticket([['2026-10-05 09:00', 'Accounting Board', 'New']], { id: 'odd' });
  const { flows } = audit([odd], fw, { asOf: at('2026-10-05 10:00') });

  it.each<[string[], string[]]>([
    [['support'], ['support']],
    [['Help Desk'], ['triage']],
    [['accounting board'], ['Accounting Board']],
  ])('%j -> %j', (names, expected) => {
    expect(resolveQueueNames(names, fw, flows)).toEqual(expected);
  });

  it('an unknown queue is an error with a suggestion, never an empty report', () => {
    expect(() => resolveQueueNames(['suport'], fw, flows)).toThrow(InputError);
    try {
      resolveQueueNames(['suport'], fw, flows);
    } catch (e) {
      expect((e as InputError).format()).toContain('did you mean "support"?');
      expect((e as InputError).format()).toContain('noc, triage, support, Accounting Board');
    }
  });
});
