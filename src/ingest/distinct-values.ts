import { LimitError } from '../errors.js';
import { STATE_FIELDS, type StateField } from '../model/ticket.js';
import type { RowData } from './assemble.js';

/**
 * Most distinct values of one state field (queues, statuses, assignees, tiers, priorities) across all
 * the exports of a run. Every one is kept in memory and gets a row in the summaries; a real service
 * desk has tens of queues and a few thousand people. A column mapped by mistake to a unique column
 * (ids, timestamps) would otherwise fill memory before the run ends.
 */
export const MAX_DISTINCT_VALUES = 100_000;

/** Counts the distinct values of each state field as rows arrive, and stops the read past the limit. */
export class DistinctValues {
  private seen: Set<string>[] = STATE_FIELDS.map(() => new Set());
  /** The value each field had in the row before: most rows repeat it, and a string compare is cheaper than a lookup. */
  private readonly last: (string | undefined)[] = STATE_FIELDS.map(() => undefined);

  constructor(private readonly max = MAX_DISTINCT_VALUES) {}

  /** `columnOf` names the column a field was read from, for the message. */
  add(row: RowData, columnOf: (field: StateField) => string | undefined): void {
    for (let k = 0; k < STATE_FIELDS.length; k++) {
      const value = row.fields[STATE_FIELDS[k]!];
      if (value !== undefined && value !== this.last[k]) this.count(k, value, row, columnOf);
    }
    for (const c of row.changes ?? []) {
      const k = STATE_FIELDS.indexOf(c.field);
      this.count(k, c.to, row, columnOf);
      if (c.from !== undefined) this.count(k, c.from, row, columnOf);
    }
  }

  /** The values seen, per state field (what a worker hands back). */
  list(): string[][] {
    return this.seen.map((values) => [...values]);
  }

  /** Adds values counted elsewhere; false (and nothing added) when that would pass the limit: reading row by row says where. */
  absorb(lists: readonly (readonly string[])[]): boolean {
    const merged = this.seen.map((values, k) => new Set([...values, ...(lists[k] ?? [])]));
    if (merged.some((values) => values.size > this.max)) return false;
    merged.forEach((values, k) => { this.seen[k] = values; });
    return true;
  }

  private count(k: number, value: string, row: RowData, columnOf: (field: StateField) => string | undefined): void {
    this.last[k] = value;
    const values = this.seen[k]!;
    if (values.has(value)) return;
    values.add(value);
    if (values.size > this.max) {
      const field = STATE_FIELDS[k]!;
      throw new LimitError(`more than ${this.max.toLocaleString('en-US')} distinct ${field} values (the limit): this one is "${value.slice(0, 80)}"`,
        { file: row.file, line: row.line, column: columnOf(field) },
        `a service desk has tens of ${field === 'assignee' ? 'people per team' : `${field} values`}: check that the ${field} column is the right one (a mapping may point it at an id or a date column)`);
    }
  }
}
