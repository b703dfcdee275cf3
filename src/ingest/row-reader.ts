import { InputError, LimitError, type SourcePosition } from '../errors.js';
import type { CanonicalField, StateField } from '../model/ticket.js';
import { DateSniffer, type DateFormat, type DayOrder } from './dates.js';
import type { RowData } from './assemble.js';
import { foldFieldName } from './change-text.js';
import type { Lookups } from './lookups.js';
import type { ColumnPlan } from './plan.js';
import { queueCounter, readChanges, type CellValues } from './row-changes.js';
import { isPlausibleInstant, plausibleRangeText } from '../time/plausible.js';

const DATE_FIELDS = ['at', 'created', 'updated', 'closed', 'queueSince'] as const;
type DateField = (typeof DATE_FIELDS)[number];
export const TEXT_FIELDS: CanonicalField[] = ['id', 'queue', 'status', 'priority', 'type', 'subtype', 'source', 'assignee', 'tier', 'summary',
  'company', 'onsite', 'hours', 'reassignments', 'stations'];
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x']);
const GROUPED_ID = /^\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+$/;

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
  lookups?: Lookups;
  onRow(id: string, row: RowData): void;
  /** Receives a bad row's problem instead of stopping the read (--max-errors); it throws to stop. */
  onBadRow?(problem: InputError): void;
}

interface DateColumn {
  field: DateField;
  index: number;
  sniffer: DateSniffer;
  format: DateFormat | undefined;
  /** The column whose day order this one follows, because its own values fit both. */
  adoptedFrom: string | undefined;
  /** A value has been read (so an undecided column is waiting, not empty). */
  seen: boolean;
}

/**
 * Rows a column whose dates all fit both day/month orders may hold back, waiting for a value that
 * settles it, once another column has settled its own. Past this many, it follows that column.
 */
export const MAX_WAITING_ROWS = 10_000;

/** The day order a decided layout reads (its label starts D/M or M/D), if it has one. */
const dayOrderOf = (format: DateFormat | undefined): DayOrder | undefined =>
  format === undefined ? undefined : /^D[/-]M\b/.test(format.label) ? 'dmy' : /^M[/-]D\b/.test(format.label) ? 'mdy' : undefined;

/**
 * Turns raw cells into canonical values. Date layouts are decided per column from the data itself;
 * rows wait in a small buffer until every date column has settled, so nothing is guessed.
 */
export class RowReader {
  private readonly dates: DateColumn[];
  private readonly nulls: Set<string>;
  private readonly onsiteWords: Set<string>;
  private readonly fieldNames: Map<string, StateField>;
  private pending: { cells: string[]; line: number }[] | undefined = [];
  readonly decidedFormats: Partial<Record<DateField, string>> = {};
  /** Earliest and latest instant read from any date column of the rows used. */
  readonly range: { first: number; last: number } = { first: Infinity, last: -Infinity };
  private readonly values: CellValues = {
    cell: (cells, index) => this.cell(cells, index),
    isNull: (text) => this.nulls.has(text),
    translate: (field, value) => this.translate(field, value),
  };

  constructor(private readonly o: RowReaderOptions) {
    this.nulls = new Set(o.nulls);
    this.onsiteWords = new Set([...TRUE_WORDS, ...(o.plan.preset.onsiteValues ?? [])]);
    this.fieldNames = new Map(Object.entries(o.plan.shape.fieldNames ?? {}).map(([k, v]) => [foldFieldName(k), v]));
    this.dates = DATE_FIELDS.flatMap((field) => {
      const index = o.plan.columns[field];
      if (index === undefined) return [];
      return [{ field, index, sniffer: this.sniffer(undefined), format: undefined, adoptedFrom: undefined, seen: false }];
    });
  }

  private sniffer(settled: DayOrder | undefined): DateSniffer {
    const { o } = this;
    return new DateSniffer({ timezone: o.timezone, format: o.dateFormat ?? o.plan.preset.dates?.format, dayOrder: o.dayOrder ?? o.plan.preset.dates?.dayOrder ?? settled });
  }

  /**
   * Day/month order is decided per column, by its own values. A column whose values all fit both
   * orders (every one like 5/3/2016) follows the columns that settled theirs, when they agree: at the
   * end of the file, or once it has held back MAX_WAITING_ROWS rows. Its values are all in the buffer.
   */
  private adoptDayOrder(): void {
    const settled = this.dates.filter((d) => dayOrderOf(d.format) !== undefined);
    const orders = new Set(settled.map((d) => dayOrderOf(d.format)));
    if (orders.size !== 1) return;
    const order = [...orders][0]!;
    for (const d of this.dates) {
      if (d.format || d.adoptedFrom) continue;
      d.adoptedFrom = this.o.headers[settled[0]!.index];
      d.sniffer = this.sniffer(order);
      for (const r of this.pending ?? []) {
        const text = r.cells[d.index]?.trim();
        if (text !== undefined && !this.nulls.has(text)) d.sniffer.add(text);
      }
      d.format = d.sniffer.decided;
    }
  }

  /** Date columns that hold values but no settled layout yet: reading further (or the end) decides them. */
  get waiting(): DateField[] {
    return this.dates.filter((d) => !d.format && d.seen).map((d) => d.field);
  }

  /** Date layouts and range of rows read by other readers of the same file (its parts, read in parallel). */
  absorb(formats: Partial<Record<DateField, string>>, range: { first: number; last: number }): void {
    // The parts are appended only when the first settled every layout (read-in-parts.ts): its order is the whole read's.
    for (const [field, label] of Object.entries(formats) as [DateField, string][]) this.decidedFormats[field] ??= label;
    this.range.first = Math.min(this.range.first, range.first);
    this.range.last = Math.max(this.range.last, range.last);
  }

  push(cells: string[], line: number): void {
    if (this.pending === undefined) return this.emit(cells, line);
    let waits = false;
    for (const d of this.dates) {
      if (d.format) continue;
      const text = cells[d.index]?.trim();
      if (text === undefined || this.nulls.has(text)) continue;
      d.seen = true;
      d.sniffer.add(text);
      d.format = d.sniffer.decided;
      waits ||= !d.format;
    }
    if (this.pending.length >= MAX_WAITING_ROWS && this.dates.some((d) => !d.format) && this.dates.some((d) => d.format)) this.adoptDayOrder();
    if (this.dates.every((d) => d.format)) {
      this.pending.push({ cells, line });
      return this.flush();
    }
    // Only rows with a date still to be read wait; before the first of them, rows go straight through.
    if (waits || this.pending.length > 0) this.pending.push({ cells, line });
    else this.emit(cells, line);
  }

  finish(): void {
    const ambiguous: DateColumn[] = [];
    for (const d of this.dates) {
      if (d.format) continue;
      const decision = d.sniffer.finish();
      if (decision.ok) d.format = decision.format;
      else if (decision.reason === 'empty') d.format = undefined;
      else if (decision.reason === 'ambiguous' && !d.adoptedFrom) ambiguous.push(d);
      else throw new InputError(decision.message, { file: this.o.file, column: this.o.headers[d.index] }, DAY_ORDER_HINT);
    }
    if (ambiguous.length > 0) this.adoptDayOrder();
    for (const d of ambiguous) {
      const decision = d.sniffer.finish();
      if (decision.ok) d.format = decision.format;
      else throw new InputError(decision.message, { file: this.o.file, column: this.o.headers[d.index] }, DAY_ORDER_HINT);
    }
    this.flush();
  }

  private flush(): void {
    const rows = this.pending ?? [];
    this.pending = undefined;
    for (const d of this.dates) if (d.format) this.decidedFormats[d.field] = d.format.label;
    for (const r of rows) this.emit(r.cells, r.line);
  }

  private emit(cells: string[], line: number): void {
    try {
      this.read(cells, line);
    } catch (e) {
      if (!(e instanceof InputError) || e instanceof LimitError || !this.o.onBadRow) throw e;
      this.o.onBadRow(e);
    }
  }

  private cell(cells: (string | undefined)[], index: number | undefined): string | undefined {
    if (index === undefined) return undefined;
    const v = cells[index]?.trim();
    return v === undefined || this.nulls.has(v) ? undefined : v;
  }

  /** A value as the audit should see it: first of several, then codes and ids turned into names. */
  private translate(field: CanonicalField, value: string): string {
    const { preset } = this.o.plan;
    let v = value;
    if (preset.multiValueSeparator && v.includes(preset.multiValueSeparator)) v = v.split(preset.multiValueSeparator)[0]!.trim();
    v = preset.values?.[field]?.[v] ?? v;
    return this.o.lookups?.[field]?.get(v) ?? v;
  }

  private read(cells: string[], line: number): void {
    const { file, headers, plan } = this.o;
    let id = this.cell(cells, plan.columns.id);
    if (id === undefined) {
      throw new InputError(`row has no ticket id`, { file, line, column: headers[plan.columns.id!] }, 'every row needs the ticket it belongs to');
    }
    if (plan.preset.groupedIds && GROUPED_ID.test(id)) id = id.replace(/\D/g, '');
    const fields: RowData['fields'] = { id };
    for (const f of TEXT_FIELDS) {
      if (f === 'id') continue;
      const v = this.cell(cells, plan.columns[f]);
      if (v !== undefined) fields[f] = this.translate(f, v);
    }
    const times: Partial<Record<DateField, number>> = {};
    for (const d of this.dates) {
      const text = this.cell(cells, d.index);
      if (text === undefined) continue;
      const ms = d.format?.parse(text);
      if (ms === undefined) {
        throw new InputError(`found "${text}"; expected a date like ${d.format?.label ?? 'the rest of the column'}`,
          { file, line, column: headers[d.index] }, d.adoptedFrom === undefined ? 'fix the cell, or set dates.format in a mapping file (--mapping)'
            : `the first ${MAX_WAITING_ROWS} dates of this column fit both day/month orders, so it is read in the order of column "${d.adoptedFrom}"; `
            + 'if this value is right, the column has the other order: say which with --day-first / --month-first (every column), or fix the cell');
      }
      if (!isPlausibleInstant(ms)) throw implausibleDate(text, ms, { file, line, column: headers[d.index] });
      times[d.field] = ms;
    }
    if (plan.role === 'history' && times.at === undefined) {
      throw new InputError('row has no change time', { file, line, column: headers[plan.columns.at!] }, 'every history row needs the time of the change');
    }
    const hours = fields.hours === undefined ? undefined : Number(fields.hours.replace(',', '.'));
    const onsite = fields.onsite === undefined ? undefined : this.onsiteWords.has(fields.onsite.toLowerCase());
    this.o.onRow(id, {
      fields, at: times.at, created: times.created, updated: times.updated, closed: times.closed, queueSince: times.queueSince,
      hours: hours !== undefined && Number.isFinite(hours) ? hours : undefined, onsite,
      changes: plan.role === 'history' ? readChanges(cells, plan, this.fieldNames, this.values) : undefined,
      counter: queueCounter(fields), altId: this.cell(cells, plan.altId),
      cells, keys: this.o.keys, file, line,
    });
    for (const ms of Object.values(times)) {
      if (ms < this.range.first) this.range.first = ms;
      if (ms > this.range.last) this.range.last = ms;
    }
  }
}

const DAY_ORDER_HINT = 'each date column\'s day/month order is decided by its own values; --day-first / --month-first '
  + '(or a mapping\'s dates.dayOrder) settle it for every column';

/** Dates outside 1990-2099 would make open tickets' business clocks run for centuries: refused, never guessed. */
function implausibleDate(text: string, ms: number, where: SourcePosition): InputError {
  const instant = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ` (${new Date(ms).toISOString()})` : '';
  return new InputError(`found "${text}"${instant}; expected a date ${plausibleRangeText()}`, where,
    'fix the cell (a date this far off is a typo or a misread epoch), or skip such rows with --max-errors');
}
