import type { RowData } from '../assemble.js';
import { TEXT_FIELDS } from '../row-reader.js';

/** A column of strings as numbers into its table of distinct values; -1 is undefined. */
interface PackedStrings {
  values: string[];
  ids: Int32Array;
}

const NUMBERS = ['at', 'created', 'updated', 'closed', 'queueSince', 'hours', 'counter'] as const;

/**
 * Rows (each ticket's latest, from a worker) as columns of numbers and tables of distinct strings: a
 * structured clone of 120,589 rows as objects took 1.7 s to rebuild on the main thread, every string
 * its own copy; as columns the same strings cross once each. `changes` are not kept: a row's changes
 * were applied when it was added, and its latest row is kept for its fields and cells.
 */
export interface PackedRows {
  count: number;
  keys: string[];
  file: string;
  cells: PackedStrings[];
  fields: Record<string, PackedStrings>;
  altId: PackedStrings;
  /** NaN: undefined (no real value is NaN: dates are plausible instants, hours finite, counters integers). */
  numbers: Record<(typeof NUMBERS)[number], Float64Array>;
  /** -1 undefined, 0 false, 1 true. */
  onsite: Int8Array;
  line: Int32Array;
}

function packStrings(count: number, valueOf: (i: number) => string | undefined): PackedStrings {
  const values: string[] = [];
  const index = new Map<string, number>();
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = valueOf(i);
    if (v === undefined) {
      ids[i] = -1;
      continue;
    }
    let id = index.get(v);
    if (id === undefined) index.set(v, (id = values.push(v) - 1));
    ids[i] = id;
  }
  return { values, ids };
}

const unpackString = (p: PackedStrings, i: number): string | undefined => (p.ids[i]! < 0 ? undefined : p.values[p.ids[i]!]);

/** Rows of one file (one header) as columns. */
export function packRows(rows: RowData[]): PackedRows {
  const count = rows.length;
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  // A row's fields are in TEXT_FIELDS order (the row reader sets them so), and so are they unpacked.
  const present = new Set(rows.flatMap((r) => Object.keys(r.fields)));
  const names = [...TEXT_FIELDS.filter((f) => present.has(f)), ...[...present].filter((f) => !(TEXT_FIELDS as string[]).includes(f))];
  const numbers = Object.fromEntries(NUMBERS.map((k) => [k, Float64Array.from(rows, (r) => r[k] ?? NaN)])) as PackedRows['numbers'];
  return {
    count, keys: rows[0]?.keys ?? [], file: rows[0]?.file ?? '',
    cells: Array.from({ length: width }, (_, c) => packStrings(count, (i) => rows[i]!.cells[c])),
    fields: Object.fromEntries(names.map((f) => [f, packStrings(count, (i) => rows[i]!.fields[f as keyof RowData['fields']])])),
    altId: packStrings(count, (i) => rows[i]!.altId),
    numbers,
    onsite: Int8Array.from(rows, (r) => (r.onsite === undefined ? -1 : r.onsite ? 1 : 0)),
    line: Int32Array.from(rows, (r) => r.line),
  };
}

/** The rows again, as objects (sharing one string per distinct value of a column). */
export function unpackRows(p: PackedRows): RowData[] {
  const out = new Array<RowData>(p.count);
  const names = Object.keys(p.fields);
  const number = (k: (typeof NUMBERS)[number], i: number) => (Number.isNaN(p.numbers[k][i]) ? undefined : p.numbers[k][i]);
  for (let i = 0; i < p.count; i++) {
    const fields: RowData['fields'] = {};
    for (const f of names) {
      const v = unpackString(p.fields[f]!, i);
      if (v !== undefined) fields[f as keyof RowData['fields']] = v;
    }
    const cells = new Array<string>(p.cells.length);
    for (let c = 0; c < p.cells.length; c++) cells[c] = unpackString(p.cells[c]!, i)!;
    const onsite = p.onsite[i]!;
    out[i] = {
      fields, at: number('at', i), created: number('created', i), updated: number('updated', i), closed: number('closed', i),
      queueSince: number('queueSince', i), hours: number('hours', i), onsite: onsite < 0 ? undefined : onsite === 1, changes: undefined,
      counter: number('counter', i), altId: unpackString(p.altId, i), cells, keys: p.keys, file: p.file, line: p.line[i]!,
    };
  }
  return out;
}

/** Every typed array of packed rows, to transfer rather than copy. */
export function packedBuffers(p: PackedRows): ArrayBuffer[] {
  return [...p.cells.map((c) => c.ids), ...Object.values(p.fields).map((f) => f.ids), p.altId.ids, ...Object.values(p.numbers), p.onsite, p.line]
    .map((a) => a.buffer as ArrayBuffer);
}
