import { InputError } from '../../errors.js';
import { delimiterName, type CsvDelimiter } from './delimiter.js';
import { cleanHeaders, uniqueKeys } from './headers.js';
import type { TextSourceInfo } from './text-source.js';

export interface CsvHeader {
  /** Column names as written (BOM and surrounding whitespace removed), duplicates kept. */
  headers: string[];
  /** One unique key per column, same order: `Comment`, `Comment #2`, ... (see `uniqueKeys`). */
  keys: string[];
  delimiter: CsvDelimiter;
  /** 1-based line the header starts on (after any leading blank lines). */
  line: number;
  /**
   * The header ended with a delimiter, i.e. a last column with no name; it was dropped, and rows
   * lose their matching empty last cell (rows that have it; rows without it are fine too).
   */
  trailingDelimiter: boolean;
}

export interface CsvHandlers {
  /** Called once, before any row. */
  onHeader?: ((header: CsvHeader, info: TextSourceInfo) => void) | undefined;
  /**
   * One data row: exactly `headers.length` cells (the array is the caller's to keep), and the
   * 1-based physical line the record starts on. Blank lines are skipped but counted (in a
   * one-column file that includes rows whose only cell is empty).
   */
  onRow(cells: string[], line: number): void;
  /** A row of the wrong width, instead of stopping the read (to skip and count it); throw to stop. */
  onBadRow?: ((problem: InputError) => void) | undefined;
}

/** How the sink reads records. */
export interface CsvRecordLayout {
  delimiter: CsvDelimiter;
  /** Classic-Mac files end lines with a lone CR, so a CR inside a cell is a line break too. */
  loneCrIsLineBreak: boolean;
  /** The first non-blank record is Excel's `sep=` hint, not the header. */
  skipSepLine: boolean;
  /** The header read elsewhere: every record is a row (a part of a file split for parallel reading). */
  header?: CsvHeader | undefined;
}

/** Turns parsed records into a header and rows, counting the physical lines each record spans. */
export class CsvRecordSink {
  /** Line the next record starts on. */
  nextLine = 1;
  rows = 0;
  header: CsvHeader | undefined;
  private width = 0;

  private readonly delimiter: CsvDelimiter;
  private readonly loneCrIsLineBreak: boolean;
  private skipSepLine: boolean;

  constructor(
    private readonly info: TextSourceInfo,
    layout: CsvRecordLayout,
    private readonly handlers: CsvHandlers,
  ) {
    this.delimiter = layout.delimiter;
    this.loneCrIsLineBreak = layout.loneCrIsLineBreak;
    this.skipSepLine = layout.skipSepLine;
    if (layout.header) {
      this.header = layout.header;
      this.width = layout.header.headers.length;
      this.skipSepLine = false;
    }
  }

  /** One parsed record; `lineBreaks` inside its quoted cells when the parser counted them. */
  take(cells: string[], lineBreaks = lineBreaksIn(cells, this.loneCrIsLineBreak)): void {
    const line = this.nextLine;
    this.nextLine += 1 + lineBreaks;
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
    if (this.header === undefined) {
      if (this.skipSepLine) this.skipSepLine = false;
      else this.startHeader(cells, line);
      return;
    }
    if (cells.length !== this.width) {
      if (cells.length === this.width + 1 && cells[this.width] === '') cells.pop();
      else if (this.handlers.onBadRow) return this.handlers.onBadRow(this.raggedRow(cells.length, line));
      else throw this.raggedRow(cells.length, line);
    }
    this.rows++;
    this.handlers.onRow(cells, line);
  }

  private startHeader(cells: string[], line: number): void {
    const headers = cleanHeaders(cells);
    const trailingDelimiter = headers.length > 1 && headers[headers.length - 1] === '';
    if (trailingDelimiter) headers.pop();
    const header: CsvHeader = { headers, keys: uniqueKeys(headers), delimiter: this.delimiter, line, trailingDelimiter };
    this.header = header;
    this.width = headers.length;
    this.handlers.onHeader?.(header, this.info);
  }

  private raggedRow(cells: number, line: number): InputError {
    const name = delimiterName(this.delimiter);
    return new InputError(
      `row has ${cells} cells, header has ${this.width}`,
      { file: this.info.file, line },
      cells < this.width
        ? `a row cut short (or a file cut off at the end) has too few cells; the delimiter in use is ${name}`
        : `a cell containing an unquoted ${name} or a stray quote splits into extra cells; quote that cell`,
    );
  }
}

function lineBreaksIn(cells: readonly string[], loneCrIsLineBreak: boolean): number {
  let breaks = 0;
  for (const cell of cells) {
    // Only quoted cells can hold line breaks; one indexOf per cell keeps this ~3% of parse time.
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
    if (loneCrIsLineBreak) {
      for (let at = cell.indexOf('\r'); at !== -1; at = cell.indexOf('\r', at + 1)) if (cell[at + 1] !== '\n') breaks++;
    }
  }
  return breaks;
}
