import { forEachColumn } from './flatten.js';
import type { FlatRecord } from './presets/preset.js';
import { ValuePool } from './raw-columns.js';

/**
 * Flattened JSON records held until their header (every key any of them has, in the order first
 * seen) is known: each row one array of cells by key number, repeated values shared. A million
 * records as Maps would take gigabytes.
 */
export class RowTable {
  readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly pool = new ValuePool<number>();
  private rows: (string | undefined)[][] = [];
  private lines: number[] = [];

  add(record: FlatRecord, line: number): void {
    const cells: (string | undefined)[] = [];
    for (const [key, text] of record) this.set(cells, key, text);
    this.rows.push(cells);
    this.lines.push(line);
  }

  /** A JSON record, flattened as {@link flattenRecord} would, straight into a row. */
  addRecord(record: Record<string, unknown>, line: number): void {
    const cells: (string | undefined)[] = [];
    forEachColumn(record, (key, text) => this.set(cells, key, text));
    this.rows.push(cells);
    this.lines.push(line);
  }

  private set(cells: (string | undefined)[], key: string, text: string): void {
    let k = this.numbers.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.numbers.set(key, k);
      this.keys.push(key);
    }
    cells[k] = this.pool.value(k, text);
  }

  /** Hands every row over under the whole header (undefined where a record lacks the key), and forgets it. */
  drain(take: (cells: (string | undefined)[], line: number) => void): void {
    const width = this.keys.length;
    const { rows, lines } = this;
    this.rows = [];
    this.lines = [];
    rows.forEach((cells, n) => {
      const full = new Array<string | undefined>(width);
      for (let k = 0; k < width; k++) full[k] = cells[k];
      rows[n] = [];
      take(full, lines[n]!);
    });
  }
}
