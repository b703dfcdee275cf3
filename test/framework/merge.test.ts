import { describe, expect, it } from 'vitest';
import { mergeLayers } from '../../src/framework/merge.js';

type Doc = Record<string, unknown>;
const base: Doc = {
  version: 1,
  name: 'base',
  calendars: { office: { timezone: 'UTC', hours: { mon: ['08:00-18:00'], tue: ['08:00-18:00'] }, holidays: ['12-25'] } },
  statuses: { paused: ['Waiting'], closed: ['Closed'] },
  queues: { triage: { tier: 1, purpose: 'front', match: ['Help Desk'] }, support: { tier: 2 } },
  routing: [{ queue: 'triage' }],
  costs: { currency: 'USD', hourly: { 1: 50, 2: 100 } },
  rules: [
    { id: 'limit', check: 'under-escalated', severity: 'error', from: 'triage', to: 'support', after: '30m' },
    { id: 'idle', check: 'stalled', severity: 'warn', idle: '3d' },
  ],
};

/** The merged value of `child` over `base`, at a dotted path. */
const mergedAt = (child: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Doc | undefined)?.[key], mergeLayers([child, base]).value);

describe('mergeLayers: the file named overrides its base', () => {
  it.each<[string, Doc, string, unknown]>([
    ['name and version come from the file named', { version: 1, name: 'client' }, 'name', 'client'],
    ['extends is resolved, not kept', { version: 1, name: 'c', extends: 'base.yaml' }, 'extends', undefined],
    ['a queue key overrides, the others are inherited', { queues: { triage: { tier: 2 } } }, 'queues.triage', { tier: 2, purpose: 'front', match: ['Help Desk'] }],
    ['a list inside a queue is replaced, not appended', { queues: { triage: { match: ['Service Desk'] } } }, 'queues.triage.match', ['Service Desk']],
    ['a new queue is added after the inherited ones', { queues: { noc: { tier: 1 } } }, 'queues', { triage: (base['queues'] as Doc)['triage'], support: { tier: 2 }, noc: { tier: 1 } }],
    ['null removes an inherited queue', { queues: { support: null } }, 'queues', { triage: (base['queues'] as Doc)['triage'] }],
    ['null for a queue the base does not have stays (the schema reports it)', { queues: { ghost: null } }, 'queues.ghost', null],
    ['a calendar key overrides; its hours are replaced whole', { calendars: { office: { hours: { wed: ['09:00-17:00'] } } } }, 'calendars.office',
      { timezone: 'UTC', hours: { wed: ['09:00-17:00'] }, holidays: ['12-25'] }],
    ['statuses merge per key', { statuses: { paused: ['On Hold'] } }, 'statuses', { paused: ['On Hold'], closed: ['Closed'] }],
    ['costs merge per key; hourly is replaced whole', { costs: { hourly: { 1: 60 } } }, 'costs', { currency: 'USD', hourly: { 1: 60 } }],
    ['null removes costs', { costs: null }, 'costs', undefined],
    ['routing is a list: replaced whole', { routing: [{ queue: 'support' }] }, 'routing', [{ queue: 'support' }]],
    ['a rule with a base id overrides it key by key, in place', { rules: [{ id: 'limit', after: '45m' }] }, 'rules',
      [{ ...(base['rules'] as Doc[])[0], after: '45m' }, (base['rules'] as Doc[])[1]]],
    ['enabled: false turns an inherited rule off', { rules: [{ id: 'idle', enabled: false }] }, 'rules',
      [(base['rules'] as Doc[])[0], { ...(base['rules'] as Doc[])[1], enabled: false }]],
    ['a rule with a new id is appended', { rules: [{ id: 'new', check: 'misrouted', severity: 'info' }] }, 'rules',
      [...(base['rules'] as Doc[]), { id: 'new', check: 'misrouted', severity: 'info' }]],
    ['a rule with a base id and another check replaces it whole', { rules: [{ id: 'idle', check: 'ping-pong', severity: 'info' }] }, 'rules',
      [(base['rules'] as Doc[])[0], { id: 'idle', check: 'ping-pong', severity: 'info' }]],
    ['a second rule with the same id is kept, for the duplicate-id check', { rules: [{ id: 'idle', severity: 'info' }, { id: 'idle', severity: 'error' }] }, 'rules',
      [(base['rules'] as Doc[])[0], { ...(base['rules'] as Doc[])[1], severity: 'info' }, { id: 'idle', severity: 'error' }]],
    ['a condition is replaced whole, never merged', { rules: [{ id: 'limit', when: { field: 'type', equals: 'x' } }] }, 'rules.0.when', { field: 'type', equals: 'x' }],
  ])('%s', (_name, child, path, expected) => {
    expect(mergedAt(child, path)).toEqual(expected);
  });

  it('never changes the layers it merges', () => {
    const before = JSON.stringify(base);
    mergeLayers([{ queues: { triage: { tier: 3 }, support: null }, rules: [{ id: 'limit', after: '1h' }] }, base]);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('three layers: each overrides the one below it', () => {
    const middle = { name: 'middle', queues: { triage: { tier: 2 } } };
    const top = { name: 'top', queues: { triage: { purpose: 'top' } } };
    const { value } = mergeLayers([top, middle, base]);
    expect((value as Doc)['name']).toBe('top');
    expect(((value as Doc)['queues'] as Doc)['triage']).toEqual({ tier: 2, purpose: 'top', match: ['Help Desk'] });
  });

  it('records where each merged part was written', () => {
    const { origin } = mergeLayers([{ queues: { triage: { tier: 2 } }, rules: [{ id: 'new', check: 'misrouted', severity: 'info' }] }, base]);
    const triage = origin.children?.get('queues')?.children?.get('triage');
    expect(triage?.children?.get('tier')?.sources).toEqual([{ layer: 0, path: ['queues', 'triage', 'tier'] }]);
    expect(triage?.children?.get('purpose')?.sources).toEqual([{ layer: 1, path: ['queues', 'triage', 'purpose'] }]);
    expect(origin.children?.get('rules')?.children?.get('2')?.sources).toEqual([{ layer: 0, path: ['rules', 0] }]);
    expect(origin.children?.get('rules')?.children?.get('1')?.sources).toEqual([{ layer: 1, path: ['rules', 1] }]);
  });
});
