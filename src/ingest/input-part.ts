import { InputError } from '../errors.js';
import type { InputSummary } from '../model/result.js';
import type { StateField } from '../model/ticket.js';
import type { AssembledPart, TicketAssembler } from './assemble.js';
import type { DayOrder } from './dates.js';
import type { DistinctValues } from './distinct-values.js';
import type { Lookups } from './lookups.js';
import type { ColumnPlan } from './plan.js';
import { RowReader } from './row-reader.js';

/** How many bad rows may be skipped across all inputs (--max-errors); 0 stops at the first. */
export class ErrorBudget {
  used = 0;

  constructor(readonly max: number) {}

  spend(problem: InputError): void {
    this.used++;
    if (this.used > this.max) {
      throw new InputError(`${problem.message} (bad row ${this.used}; --max-errors is ${this.max})`, problem.position, problem.hint);
    }
  }
}

/** What every input of one load shares. */
export interface LoadContext {
  assembler: TicketAssembler;
  timezone: string;
  dateFormat: string | undefined;
  dayOrder: DayOrder | undefined;
  nulls: string[];
  lookups: Lookups;
  budget: ErrorBudget;
  distinct: DistinctValues;
}

/** Per input (a file, or one role of a JSON file): the plan and date layouts decided, for `inspect`. */
export interface InputDetail {
  file: string;
  role: InputSummary['role'];
  /** Column names as read (for JSON: flattened keys), so unmapped columns can be listed. */
  headers: string[];
  plan: ColumnPlan;
  dateFormats: Record<string, string>;
  source: SourceFacts;
  /** History rows read into timelines (0 for a ticket list). */
  events: number;
  /** Earliest and latest instant of the rows read, epoch ms; undefined when no row had a date. */
  dates: { first: number; last: number } | undefined;
}

/** How a file was read: its encoding and how that was settled, and the CSV delimiter. */
export interface SourceFacts {
  encoding: string;
  /** `bom`: a byte order mark said so; `detected`: valid UTF-8; `guessed`: not UTF-8 (Windows-1252), or UTF-16 by its NUL bytes. */
  encodingBy: 'bom' | '--encoding' | 'detected' | 'guessed';
  delimiter: string | undefined;
}

/** What a worker read of one part of a history file: what an InputPart of its own counted and assembled. */
export interface PartRead {
  /** Records handed to the part (rows of the header's width). */
  rows: number;
  events: number;
  assembled: AssembledPart;
  /** Distinct state values, per state field. */
  distinct: string[][];
  dateFormats: Record<string, string>;
  /** Date columns still open when the part's last row was read (its end then settled or refused them). */
  openDates: string[];
  range: { first: number; last: number };
  /** The line after the part's last record, in the part's numbering (from 1). */
  endLine: number;
}

/** One file's rows of one role going into the assembler, counted. */
export class InputPart {
  readonly ids = new Set<string>();
  rows = 0;
  private events = 0;
  skipped = 0;
  firstProblem: InputError | undefined;
  private readonly reader: RowReader;

  constructor(readonly file: string, readonly plan: ColumnPlan, private readonly headers: string[], keys: string[], private readonly ctx: LoadContext) {
    const history = plan.role === 'history';
    const columnOf = (field: StateField) => {
      const i = plan.columns[field] ?? plan.changes.to;
      return i === undefined ? undefined : headers[i];
    };
    this.reader = new RowReader({
      file, headers, keys, plan, timezone: ctx.timezone, dateFormat: ctx.dateFormat, dayOrder: ctx.dayOrder, nulls: ctx.nulls, lookups: ctx.lookups,
      onRow: (id, row) => {
        ctx.distinct.add(row, columnOf);
        if (history) ctx.assembler.addEvent(id, row);
        else ctx.assembler.addSnapshot(id, row);
        this.ids.add(id);
        if (history) this.events++;
      },
      onBadRow: ctx.budget.max > 0 ? (problem) => this.skip(problem) : undefined,
    });
  }

  push(cells: string[], line: number): void {
    this.rows++;
    this.reader.push(cells, line);
  }

  /** A part of this file read by a worker (parallel/), appended as if its rows had been pushed here. */
  absorb(part: PartRead, lineOffset: number): void {
    this.rows += part.rows;
    this.events += part.events;
    for (const id of part.assembled.tickets) this.ids.add(id);
    this.ctx.assembler.absorb(part.assembled, this.file, lineOffset);
    this.reader.absorb(part.dateFormats, part.range);
  }

  /** A row the reader could not use: counted, or the end of the read when over budget. */
  skip(problem: InputError): void {
    this.skipped++;
    this.firstProblem ??= problem;
    this.ctx.budget.spend(problem);
  }

  /** The counts and date facts of this part so far, and its assembled rows (a worker's whole result). */
  exportPart(endLine: number): PartRead {
    const openDates = this.reader.waiting;
    this.reader.finish();
    const { range } = this.reader;
    return {
      rows: this.rows, events: this.events, assembled: this.ctx.assembler.exportPart(), distinct: this.ctx.distinct.list(),
      dateFormats: { ...this.reader.decidedFormats }, openDates, range: { ...range }, endLine,
    };
  }

  finish(format: InputSummary['format'], source: SourceFacts): { summary: InputSummary; detail: InputDetail } {
    this.reader.finish();
    const summary: InputSummary = {
      file: this.file, format, preset: this.plan.preset.id, role: this.plan.role, encoding: source.encoding, rows: this.rows, tickets: this.ids.size,
    };
    if (this.skipped > 0) summary.skippedRows = this.skipped;
    const { range } = this.reader;
    return {
      summary,
      detail: {
        file: this.file, role: this.plan.role, headers: this.headers, plan: this.plan, dateFormats: { ...this.reader.decidedFormats },
        source, events: this.events, dates: range.first <= range.last ? { ...range } : undefined,
      },
    };
  }
}
