import { InputError } from '../errors.js';
import type { CanonicalField } from '../model/ticket.js';
import { DateSniffer, type DateFormat, type DayOrder } from './dates.js';
import type { RowData } from './assemble.js';
import type { ColumnPlan } from './plan.js';

const DATE_FIELDS = ['at', 'created', 'updated', 'closed'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const TEXT_FIELDS: CanonicalField[] = ['id', 'queue', 'status', 'priority', 'type', 'subtype', 'source', 'assignee', 'tier', 'summary', 'company', 'onsite', 'hours'];
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x']);

export const DEFAULT_NULLS = ['', '?', 'N/A', '#N/A', '#N/B', 'NULL', 'null', '-'];

export interface RowReaderOptions {
  file: string;
  headers: string[];
  keys: string[];
  plan: ColumnPlan;
  timezone: string;
  dateFormat: string | undefined;
  dayOrder: DayOrder | undefined;
  nulls: string[];
  onRow(id: string, row: RowData): void;
}

interface DateColumn { field: DateField; index: number; sniffer: DateSniffer; format: DateFormat | undefined }

/**
 * Turns raw cells into canonical values. Date layouts are decided per column from the data itself;
 * rows wait in a small buffer until every date column has settled, so nothing is guessed.
 */
export class RowReader {
  private readonly dates: DateColumn[];
  private readonly nulls: Set<string>;
  private readonly onsiteWords: Set<string>;
  private pending: { cells: string[]; line: number }[] | undefined = [];
  readonly decidedFormats: Partial<Record<DateField, string>> = {};

  constructor(private readonly o: RowReaderOptions) {
    this.nulls = new Set(o.nulls);
    this.onsiteWords = new Set([...TRUE_WORDS, ...(o.plan.preset.onsiteValues ?? [])]);
    this.dates = DATE_FIELDS.flatMap((field) => {
      const index = o.plan.columns[field];
      if (index === undefined) return [];
      const format = o.dateFormat ?? o.plan.preset.dates?.format;
      const dayOrder = o.dayOrder ?? o.plan.preset.dates?.dayOrder;
      const sniffer = new DateSniffer({ timezone: o.timezone, format, dayOrder });
      return [{ field, index, sniffer, format: undefined }];
    });
  }

  push(cells: string[], line: number): void {
    if (this.pending === undefined) return this.emit(cells, line);
    this.pending.push({ cells, line });
    let settled = true;
    for (const d of this.dates) {
      if (d.format) continue;
      const text = cells[d.index];
      if (text !== undefined && !this.nulls.has(text.trim())) d.sniffer.add(text.trim());
      d.format = d.sniffer.decided;
      if (!d.format) settled = false;
    }
    if (settled) this.flush();
  }

  finish(): void {
    for (const d of this.dates) {
      if (d.format) continue;
      const decision = d.sniffer.finish();
      if (decision.ok) d.format = decision.format;
      else if (decision.reason === 'empty') d.format = undefined;
      else throw new InputError(decision.message, { file: this.o.file, column: this.o.headers[d.index] });
    }
    this.flush();
  }

  private flush(): void {
    const rows = this.pending ?? [];
    this.pending = undefined;
    for (const d of this.dates) if (d.format) this.decidedFormats[d.field] = d.format.label;
    for (const r of rows) this.emit(r.cells, r.line);
  }

  private value(cells: string[], field: CanonicalField): string | undefined {
    const i = this.o.plan.columns[field];
    if (i === undefined) return undefined;
    const v = cells[i]?.trim();
    return v === undefined || this.nulls.has(v) ? undefined : v;
  }

  private emit(cells: string[], line: number): void {
    const { file, headers } = this.o;
    const id = this.value(cells, 'id');
    if (id === undefined) {
      throw new InputError(`row has no ticket id`, { file, line, column: headers[this.o.plan.columns.id!] }, 'every row needs the ticket it belongs to');
    }
    const fields: RowData['fields'] = {};
    for (const f of TEXT_FIELDS) {
      const v = this.value(cells, f);
      if (v !== undefined) fields[f] = v;
    }
    const times: Partial<Record<DateField, number>> = {};
    for (const d of this.dates) {
      const text = this.value(cells, d.field);
      if (text === undefined) continue;
      const ms = d.format?.parse(text);
      if (ms === undefined) {
        throw new InputError(`found "${text}"; expected a date like ${d.format?.label ?? 'the rest of the column'}`,
          { file, line, column: headers[d.index] }, 'fix the cell, or set dates.format in a mapping file (--mapping)');
      }
      times[d.field] = ms;
    }
    if (this.o.plan.role === 'history' && times.at === undefined) {
      throw new InputError('row has no change time', { file, line, column: headers[this.o.plan.columns.at!] }, 'every history row needs the time of the change');
    }
    const hoursText = fields.hours;
    const hours = hoursText === undefined ? undefined : Number(hoursText.replace(',', '.'));
    const onsite = fields.onsite === undefined ? undefined : this.onsiteWords.has(fields.onsite.toLowerCase());
    this.o.onRow(id, {
      fields, at: times.at, created: times.created, updated: times.updated, closed: times.closed,
      hours: hours !== undefined && Number.isFinite(hours) ? hours : undefined, onsite,
      cells, keys: this.o.keys, file, line,
    });
  }
}
