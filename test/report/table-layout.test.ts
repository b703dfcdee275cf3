import { describe, expect, it } from 'vitest';
import { fitColumnWidths, renderTable, type Column } from '../../src/report/table-layout.js';

const columns: Column[] = [
  { header: 'ticket' },
  { header: 'count', numeric: true },
  { header: 'message', flex: true },
];
const rows = [['T-1', '12345', 'a message of thirty characters'], ['T-22222222', '7', 'short']];
const GAPS = 4;

describe('fitColumnWidths', () => {
  it('uses natural widths when everything fits', () => {
    expect(fitColumnWidths(columns, rows, 100)).toEqual([10, 5, 30]);
  });

  it('gives the flex column exactly what is left', () => {
    expect(fitColumnWidths(columns, rows, 10 + 5 + 20 + GAPS)).toEqual([10, 5, 20]);
  });

  it('shrinks text columns to their floor before the flex column goes below its minimum', () => {
    expect(fitColumnWidths(columns, rows, 6 + 5 + 12 + GAPS)).toEqual([6, 5, 12]);
  });

  it('never cuts a number, only lets the table overflow', () => {
    const widths = fitColumnWidths(columns, rows, 10);
    expect(widths[1]).toBe(5);
  });
});

describe('renderTable', () => {
  it('draws a header, a rule and rows, right-aligning numbers and cutting with an ellipsis', () => {
    const out = renderTable(columns, rows, 6 + 5 + 12 + GAPS, (h) => h.toUpperCase());
    expect(out.split('\n')).toEqual([
      'TICKET  COUNT  MESSAGE',
      '─'.repeat(6 + 5 + 12 + GAPS),
      'T-1     12345  a message o…',
      'T-222…      7  short',
    ]);
  });

  it('paints cells after cutting them, with the row index, without counting colour as width', () => {
    const codes = ['\u001b[31m', '\u001b[34m'];
    const painted: Column[] = [
      { header: 'ticket', paint: (text, row) => `${codes[row]}${text}\u001b[39m` },
      { header: 'n', numeric: true },
    ];
    const out = renderTable(painted, [['T-1', '1'], ['T-22222222', '2']], 6 + 2 + 1, (h) => h);
    expect(out.split('\n').slice(2)).toEqual([
      '\u001b[31mT-1\u001b[39m     1',
      '\u001b[34mT-222…\u001b[39m  2',
    ]);
  });
});

describe('renderTable', () => {
  it('renders a table longer than one chunk exactly as one table: one header, no blank lines', () => {
    const many = Array.from({ length: 1234 }, (_, i) => [`T-${i}`, String(i), 'message']);
    const lines = renderTable(columns, many, 80, (h) => h).split('\n');
    expect(lines).toHaveLength(2 + 1234);
    expect(lines.filter((l) => l.startsWith('ticket'))).toHaveLength(1);
    expect(lines.every((l) => l.length > 0)).toBe(true);
    expect(lines[2 + 500]).toMatch(/^T-500 +500 +message$/);
    expect(lines.at(-1)).toMatch(/^T-1233 +1233 +message$/);
  });
});

describe('renderTable with wrap: long text goes on over more lines, nothing is cut', () => {
  it('wraps the cell that is too long; the other cells stay on the first line', () => {
    const out = renderTable(columns, rows, 6 + 5 + 12 + GAPS, (h) => h.toUpperCase(), true);
    expect(out.split('\n')).toEqual([
      'TICKET  COUNT  MESSAGE',
      '─'.repeat(6 + 5 + 12 + GAPS),
      'T-1     12345  a message of',
      '               thirty',
      '               characters',
      'T-2222      7  short',
      '2222',
    ]);
  });

  it('paints each line of a wrapped cell', () => {
    const painted: Column[] = [{ header: 'message', flex: true, paint: (t) => `<${t}>` }];
    expect(renderTable(painted, [['one two three']], 12, (h) => h, true).split('\n').slice(2)).toEqual(['<one two>', '<three>']);
  });
});
