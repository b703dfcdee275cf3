import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/result.js';
import { formatXlsx } from '../../src/report/xlsx.js';
import { sampleAssignees } from './sample-assignees.js';
import { sampleReport } from './sample-report.js';

const FORMULA = '=HYPERLINK("http://evil.example","click")';
const report: Report = {
  ...sampleReport,
  summary: { ...sampleReport.summary, assignees: sampleAssignees },
  findings: sampleReport.findings.map((f, i) => (i === 0 ? { ...f, summary: FORMULA, message: `@SUM(1+1)\u0007 ${f.message}` } : f)),
};

async function read(r: Report): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await formatXlsx(r)) as unknown as ArrayBuffer);
  return book;
}

describe('formatXlsx', async () => {
  const book = await read(report);
  const sheet = (name: string) => book.getWorksheet(name)!;
  const header = (name: string) => (sheet(name).getRow(1).values as unknown[]).slice(1);

  it('has the sheets Summary, Findings, Queues and Assignees', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Findings', 'Queues', 'Assignees']);
  });

  it('freezes the header row and puts filters on it, on every sheet', () => {
    for (const w of book.worksheets) {
      expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // Read back, a filter is its range: from the header's first cell to the last row and column.
      expect(w.autoFilter).toMatch(/^A1:[A-Z]+[1-9]\d*$/);
    }
    expect(sheet('Findings').autoFilter).toBe(`A1:P${report.findings.length + 1}`);
  });

  it('writes every finding with typed cells: a date in the framework zone, numbers as numbers', () => {
    const findings = sheet('Findings');
    expect(findings.rowCount).toBe(report.findings.length + 1);
    expect(header('Findings')[9]).toBe('at (Europe/Amsterdam)');
    const first = findings.getRow(2);
    // 2026-10-05T09:12:44Z is 11:12:44 in Amsterdam (summer time): the cell holds that wall time.
    expect(first.getCell(10).value).toEqual(new Date('2026-10-05T11:12:44.000Z'));
    expect(first.getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(11).value).toBe(95);
    expect(first.getCell(12).value).toBe(71.25);
    expect(first.getCell(12).numFmt).toBe('#,##0.00');
  });

  it('keeps text as text: a cell that looks like a formula is a string, never evaluated; controls are dropped', () => {
    const first = sheet('Findings').getRow(2);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(3).value).toBe(FORMULA);
    expect(first.getCell(14).value).toBe(`@SUM(1+1) ${report.findings[0]!.message.slice('@SUM(1+1)\u0007 '.length)}`);
    for (const w of book.worksheets) w.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('has every queue and assignee, with shares as percentages', () => {
    expect(sheet('Queues').rowCount).toBe(report.summary.queues.length + 1);
    expect(sheet('Queues').getRow(2).getCell(14).value).toBe(report.summary.queues[0]!.fitnessScore);
    expect(sheet('Queues').getRow(2).getCell(14).numFmt).toBe('0.0%');
    expect(sheet('Assignees').rowCount).toBe(sampleAssignees.length + 1);
    expect(sheet('Assignees').getRow(2).getCell(1).value).toBe(sampleAssignees[0]!.assignee);
  });

  it('heads the summary with the title, framework, period and as-of (as dates), and the summary in words', () => {
    const rows = new Map<string, unknown>();
    sheet('Summary').eachRow((row, i) => { if (i > 1) rows.set(String(row.getCell(1).value), row.getCell(2).value); });
    expect(rows.get('Title')).toBe('Acme Corp - Q4 fitness check');
    expect(rows.get('Framework')).toBe('Acme MSP escalation framework');
    expect(rows.get('Period from')).toEqual(new Date('2026-09-14T09:02:00.000Z'));
    expect(rows.get('As of')).toEqual(new Date('2026-10-07T08:00:00.000Z'));
    expect(rows.get('Inputs')).toBe('tickets.csv (connectwise tickets, 48 tickets); ticket-history.csv (connectwise history, 36 tickets)');
    expect(String(rows.get('In words'))).toMatch(/^The audit covers 48 tickets/);
    expect(rows.get('Fitness score')).toBe(report.summary.fitnessScore);
  });

  it('a report without --by assignee still has the Assignees sheet, with its header, and says how to fill it', async () => {
    const plain = await read(sampleReport);
    expect(plain.getWorksheet('Assignees')!.rowCount).toBe(1);
    let said = false;
    plain.getWorksheet('Summary')!.eachRow((row) => { if (String(row.getCell(2).value).includes('--by assignee')) said = true; });
    expect(said).toBe(true);
  });
});
