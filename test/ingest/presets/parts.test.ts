import { describe, expect, it } from 'vitest';
import { parseChangeText } from '../../../src/ingest/change-text.js';
import { cellText, flattenRecord } from '../../../src/ingest/flatten.js';
import { EventColumns, HistoryRows, ValueTable, type StateValues } from '../../../src/ingest/event-columns.js';
import { buildTimeline } from '../../../src/ingest/timeline.js';

describe('change sentences of free-text histories', () => {
  it.each([
    ['Board changed from "Help Desk" to "Support"', [{ field: 'Board', from: 'Help Desk', to: 'Support' }]],
    ['The status was changed from New to In Progress.', [{ field: 'status', from: 'New', to: 'In Progress' }]],
    ['Changed priority from Low to High', [{ field: 'priority', from: 'Low', to: 'High' }]],
    ['Queue: Level I Support > Level II Support', [{ field: 'Queue', from: 'Level I Support', to: 'Level II Support' }]],
    ['Status: New -> Assigned', [{ field: 'Status', from: 'New', to: 'Assigned' }]],
    ['Team changed to 2nd Line Support', [{ field: 'Team', from: undefined, to: '2nd Line Support' }]],
    ['set Group as Network', [{ field: 'Group', from: undefined, to: 'Network' }]],
    ['Board changed from "A" to "B"\nStatus changed from "X" to "Y"', [{ field: 'Board', from: 'A', to: 'B' }, { field: 'Status', from: 'X', to: 'Y' }]],
    ['Note added', []],
    ['Ticket created on board "Help Desk"', []],
    [`Status: ${'x'.repeat(600)} > y`, []],
  ])('%j', (text, expected) => {
    expect(parseChangeText(text)).toEqual(expected);
  });
});

describe('JSON records as columns', () => {
  it('nests with /, keeps names of object lists, joins scalar lists, empties null', () => {
    const flat = flattenRecord({
      id: 7, ok: true, gone: null, board: { id: 1, name: 'Support' }, tags: ['a', 'b'], components: [{ id: '1', name: 'Web' }, { name: 'API' }],
      mixed: [{ x: 1 }],
    });
    expect(Object.fromEntries(flat)).toEqual({
      id: '7', ok: 'true', gone: '', 'board/id': '1', 'board/name': 'Support', tags: 'a, b', components: 'Web, API', mixed: '[{"x":1}]',
    });
  });

  it.each([[{ displayName: 'Ana' }, 'Ana'], [{ a: 1 }, '{"a":1}'], [3.5, '3.5'], [undefined, '']])('cellText(%j) = %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('timeline building', () => {
  type Row = StateValues & { before?: StateValues; chain?: 1 };
  const row = (at: number, seq: number, set: Row = {}) => ({ at, seq, set });
  /**
   * A ticket's history rows, read in file position order (`seq`); rows of chain 1 were filed under
   * a second id and are chained after the others, as the assembler joins them.
   */
  const timeline = (rows: ReturnType<typeof row>[], current: StateValues, created: number | undefined) => {
    const history = new HistoryRows(new ValueTable());
    const chains = [{ first: -1, last: -1 }, { first: -1, last: -1 }];
    for (const { at, set: { before, chain = 0, ...values } } of [...rows].sort((a, b) => a.seq - b.seq)) {
      const c = chains[chain]!;
      c.last = history.add(at, values, before, c.last);
      if (c.first < 0) c.first = c.last;
    }
    if (chains[1]!.first >= 0) history.next[chains[0]!.last] = chains[1]!.first;
    const out = new EventColumns(history.values);
    const { start, end } = buildTimeline(history, chains[0]!.first, current, created, out);
    return out.events(start, end);
  };

  it('a field no row mentions holds the ticket list value; an emptied field ("") becomes undefined', () => {
    const out = timeline([row(20, 1, { assignee: '' }), row(10, 0, { queue: 'A', assignee: 'ann' })], { priority: 'P1', assignee: 'bob' }, undefined);
    expect(out).toEqual([
      { at: 10, queue: 'A', status: undefined, assignee: 'ann', tier: undefined, priority: 'P1' },
      { at: 20, queue: 'A', status: undefined, assignee: undefined, tier: undefined, priority: 'P1' },
    ]);
  });

  it('old values of diffs fill the time before the first change, from the creation time', () => {
    const out = timeline([row(50, 0, { queue: 'B', before: { queue: 'A' } })], { queue: 'B' }, 10);
    expect(out.map((e) => [e.at, e.queue])).toEqual([[10, 'A'], [50, 'B']]);
    expect(timeline([row(50, 0, { queue: 'B', before: { queue: 'A' } })], {}, 60).map((e) => [e.at, e.queue])).toEqual([[50, 'B']]);
  });

  it('rows read out of order keep their own old values when sorted', () => {
    const out = timeline([row(50, 0, { queue: 'B', before: { queue: 'A' } }), row(10, 1, { status: 'x' })], {}, 5);
    expect(out.map((e) => [e.at, e.queue, e.status])).toEqual([[5, 'A', undefined], [10, 'A', 'x'], [50, 'B', 'x']]);
  });

  it('rows filed under a second id merge by file position', () => {
    const rows = [row(10, 0, { status: 'a' }), row(30, 3, { status: 'd' }),
      row(10, 2, { status: 'c', chain: 1 }), row(10, 1, { status: 'b', before: { status: 'z' }, chain: 1 })];
    expect(timeline(rows, {}, undefined).map((e) => e.status)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('equal times keep file order', () => {
    const out = timeline([row(5, 2, { status: 'c' }), row(5, 1, { status: 'b' }), row(1, 3, { status: 'a' })], {}, undefined);
    expect(out.map((e) => e.status)).toEqual(['a', 'b', 'c']);
  });

  it('a value cleared before any other is set stays empty; a ticket-list value of "" is kept as ""', () => {
    const out = timeline([row(1, 0, { queue: '' }), row(2, 1, { status: 's' })], { queue: 'Q', tier: '' }, undefined);
    expect(out.map((e) => [e.queue, e.tier])).toEqual([[undefined, ''], [undefined, '']]);
  });
});

describe('preset catalog', () => {
  it('lists every preset in detection order with its shapes, required fields and distinctive headers', async () => {
    const { presetCatalog } = await import('../../../src/ingest/presets/catalog.js');
    const catalog = presetCatalog();
    expect(catalog.map((p) => p.id)).toEqual(['connectwise', 'autotask', 'halopsa', 'servicenow', 'zendesk', 'freshdesk', 'jira', 'glpi', 'event-log']);
    const audit = catalog.find((p) => p.id === 'servicenow')!.shapes.find((s) => s.name === 'sys_audit')!;
    expect(audit).toMatchObject({ role: 'history', style: 'diff', required: ['id', 'at'], changes: { field: ['fieldname', 'Field name'] } });
    for (const p of catalog) for (const s of p.shapes) {
      for (const f of s.required) expect(s.columns[f], `${p.id} ${s.name} ${f}`).toBeDefined();
      if (p.id !== 'event-log') expect(s.distinctive.length, `${p.id} ${s.name}`).toBeGreaterThan(0);
    }
  });
});
