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
  private readonly seen = new Map<StateField, Set<string>>(STATE_FIELDS.map((f) => [f, new Set()]));
  /** The value each field had in the row before: most rows repeat it, and a string compare is cheaper than a lookup. */
  private readonly last = new Map<StateField, string>();

  constructor(private readonly max = MAX_DISTINCT_VALUES) {}

  /** `columnOf` names the column a field was read from, for the message. */
  add(row: RowData, columnOf: (field: StateField) => string | undefined): void {
    for (const field of STATE_FIELDS) {
      const value = row.fields[field];
      if (value !== undefined) this.count(field, value, row, columnOf);
    }
    for (const c of row.changes ?? []) {
      this.count(c.field, c.to, row, columnOf);
      if (c.from !== undefined) this.count(c.field, c.from, row, columnOf);
    }
  }

  private count(field: StateField, value: string, row: RowData, columnOf: (field: StateField) => string | undefined): void {
    if (this.last.get(field) === value) return;
    this.last.set(field, value);
    const values = this.seen.get(field)!;
    if (values.has(value)) return;
    values.add(value);
    if (values.size > this.max) {
      throw new LimitError(`more than ${this.max.toLocaleString('en-US')} distinct ${field} values (the limit): this one is "${value.slice(0, 80)}"`,
        { file: row.file, line: row.line, column: columnOf(field) },
        `a service desk has tens of ${field === 'assignee' ? 'people per team' : `${field} values`}: check that the ${field} column is the right one (a mapping may point it at an id or a date column)`);
    }
  }
}
