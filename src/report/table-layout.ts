import Table from 'cli-table3';
import { displayWidth, fitToWidth } from './text.js';

/** One column of a terminal table. Cell text must already be sanitized. */
export interface Column {
  header: string;
  /** Numbers are right-aligned and never cut (only their header may be). */
  numeric?: boolean;
  /** Takes the width the other columns leave (the message column); at most one per table. */
  flex?: boolean;
  /** Narrowest the column gets before the table is allowed to overflow. */
  min?: number;
  /** Styles a body cell once it has its final text, so colour never counts towards width. */
  paint?: (text: string, row: number) => string;
}

const GAP = 2;
const DEFAULT_MIN = 6;
const DEFAULT_FLEX_MIN = 12;

const CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', right: '', 'right-mid': '',
  mid: '─', 'mid-mid': '─'.repeat(GAP), middle: ' '.repeat(GAP),
};

function floorOf(column: Column, natural: number, widestCell: number): number {
  if (column.numeric) return widestCell;
  return Math.min(natural, column.min ?? (column.flex ? DEFAULT_FLEX_MIN : DEFAULT_MIN));
}

/**
 * Column widths that fit `width` terminal columns: the widest shrinkable column gives way first,
 * down to its floor; the flex column then gets what is left, up to its natural width.
 */
export function fitColumnWidths(columns: Column[], rows: string[][], width: number): number[] {
  // reduce, not Math.max(...cells): a spread of 100k findings overflows the call stack.
  const cellWidths = columns.map((_, i) => rows.reduce((max, row) => Math.max(max, displayWidth(row[i] ?? '')), 0));
  const natural = columns.map((c, i) => Math.max(displayWidth(c.header), cellWidths[i] ?? 0, 1));
  const floors = columns.map((c, i) => floorOf(c, natural[i] ?? 1, cellWidths[i] ?? 1));
  const budget = width - GAP * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flex);
  const widths = natural.map((n, i) => (i === flex ? (floors[i] ?? n) : n));
  const total = () => widths.reduce((sum, w) => sum + w, 0);
  while (total() > budget) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (i !== flex && w > (floors[i] ?? w) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 1) - 1;
  }
  if (flex >= 0) {
    const others = total() - (widths[flex] ?? 0);
    widths[flex] = Math.max(floors[flex] ?? 1, Math.min(natural[flex] ?? 1, budget - others));
  }
  return widths;
}

// cli-table3 lays a table out in time quadratic in its rows (of lines, see below); widths are fixed, so chunks render identically.
const ROWS_PER_CHUNK = 50;

function newTable(columns: Column[], widths: number[], head?: string[]): Table.Table {
  return new Table({
    ...(head ? { head } : {}),
    colWidths: widths,
    colAligns: columns.map((c) => (c.numeric ? 'right' : 'left')),
    chars: CHARS,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
    wordWrap: false,
    truncate: '…',
  });
}

/**
 * Renders a borderless table (headers underlined) whose lines fit `width` columns when the floors
 * allow. Text too long for its column is cut with an ellipsis (a terminal), or with `wrap` goes on
 * over as many lines as it needs, so that nothing is lost (files, pipes, mail).
 */
export function renderTable(
  columns: Column[], rows: string[][], width: number, paintHeader: (text: string) => string, wrap = false,
): string {
  const widths = fitColumnWidths(columns, rows, width);
  const fit = (text: string, i: number) => fitToWidth(text, widths[i] ?? 1, wrap);
  // Each line painted on its own: a style never runs across the line break cli-table3 lays out.
  const paintLines = (lines: string[], paint: (line: string) => string) => lines.map(paint).join('\n');
  const cellLines = (row: string[], r: number) => columns.map((c, i) => {
    const lines = fit(row[i] ?? '', i);
    return c.paint ? lines.map((l) => c.paint!(l, r)) : lines;
  });
  const parts: string[] = [];
  let table = newTable(columns, widths, columns.map((c, i) => paintLines(fit(c.header, i), paintHeader)));
  let drawn = 0;
  for (const [r, row] of rows.entries()) {
    // A wrapped row goes to cli-table3 one line at a time: it draws a row of one-line cells as the same
    // line of the taller row, and each cell of several lines costs it time quadratic in the cell's text.
    const lines = cellLines(row, r);
    const height = lines.reduce((most, l) => Math.max(most, l.length), 1);
    for (let k = 0; k < height; k++) {
      if (drawn > 0 && drawn % ROWS_PER_CHUNK === 0) {
        parts.push(table.toString());
        table = newTable(columns, widths);
      }
      table.push(lines.map((l) => l[k] ?? ''));
      drawn++;
    }
  }
  parts.push(table.toString());
  return parts.join('\n').split('\n').map((line) => line.trimEnd()).join('\n');
}
