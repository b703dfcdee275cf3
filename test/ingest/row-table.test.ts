import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenRecord } from '../../src/ingest/flatten.js';
import { RawColumns } from '../../src/ingest/raw-columns.js';
import { RowTable } from '../../src/ingest/row-table.js';

const record = (entries: [string, string][]) => new Map(entries);

describe('RowTable', () => {
  it('keys in the order first seen; each row under the whole header, undefined where a record lacks a key', () => {
    const table = new RowTable();
    table.add(record([['id', '1'], ['board/name', 'Support']]), 2);
    table.add(record([['id', '2'], ['status', 'New']]), 3);
    table.add(record([['status', 'Closed'], ['id', '3'], ['board/name', '']]), 5);
    expect(table.keys).toEqual(['id', 'board/name', 'status']);
    const rows: [(string | undefined)[], number][] = [];
    table.drain((cells, line) => rows.push([cells, line]));
    expect(rows).toEqual([
      [['1', 'Support', undefined], 2],
      [['2', undefined, 'New'], 3],
      [['3', '', 'Closed'], 5],
    ]);
  });

  it('a JSON record goes in as its flattened columns would', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
    const key = fc.constantFrom('id', 'a', 'b', 'a/b', 'name', '__proto__', '1', '0');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    const records = fc.array(fc.dictionary(key, value, { maxKeys: 5 }), { maxLength: 6 });
    fc.assert(fc.property(records, (list) => {
      const [direct, viaMap] = [new RowTable(), new RowTable()];
      const drained = (t: RowTable) => {
        const out: unknown[] = [];
        t.drain((cells, line) => out.push([cells, line]));
        return [t.keys, out];
      };
      list.forEach((r, i) => {
        direct.addRecord(r as Record<string, unknown>, i);
        viaMap.add(flattenRecord(r as Record<string, unknown>), i);
      });
      expect(drained(direct)).toEqual(drained(viaMap));
    }), { numRuns: 200 });
  });

  it('hands rows over once', () => {
    const table = new RowTable();
    table.add(record([['id', '1']]), 1);
    let seen = 0;
    table.drain(() => seen++);
    table.drain(() => seen++);
    expect(seen).toBe(1);
  });
});

describe('RawColumns', () => {
  it('own keys only, whatever the names, with the values as read', () => {
    const raw = new RawColumns().record(['Ticket #', '__proto__', 'constructor', 'Closed'], ['42', 'monitoring', 'x']);
    expect(Object.keys(raw)).toEqual(['Ticket #', '__proto__', 'constructor', 'Closed']);
    expect(Object.hasOwn(raw, '__proto__')).toBe(true);
    expect([raw['__proto__'], raw['constructor'], raw['Closed']]).toEqual(['monitoring', 'x', '']);
    expect(raw['toString']).toBeUndefined();
  });

  it('keeps every value as read, also past the number of distinct values it shares', () => {
    const columns = new RawColumns();
    const rows = Array.from({ length: 5000 }, (_, i) => columns.record(['Id', 'Status'], [`T-${i}`, i % 3 ? 'New' : 'Closed']));
    rows.forEach((raw, i) => expect(raw).toEqual({ Id: `T-${i}`, Status: i % 3 ? 'New' : 'Closed' }));
  });
});
