import ExcelJS from 'exceljs';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { zoneClock } from '../time/zone.js';
import { dropControls } from './csv-cell.js';
import { fileName, heading, whenLine } from './heading.js';
import { sortedEvidence, stringifyJson } from './json.js';
import { summaryInWords } from './summary-words.js';

type Value = string | number | boolean | Date | null;
interface Column { header: string; width: number; numFmt?: string }

const DATE = 'yyyy-mm-dd hh:mm';
const PERCENT = '0.0%';
const MONEY = '#,##0.00';
const MINUTES = '#,##0.##';

/**
 * An instant as the wall time of the framework's zone: a spreadsheet date has no zone, so it holds the
 * local time (the header names the zone). Excel counts days from its epoch in UTC terms, hence the shift.
 */
function localDate(iso: string | null, clock: ReturnType<typeof zoneClock>): Date | null {
  const ms = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + clock.offsetAt(ms));
}

/** Text from the data: controls dropped (XML cannot hold most of them). A string cell is never a formula. */
const text = (value: string | null): string | null => (value === null ? null : dropControls(value));

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: Value[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
}

function findingRows(findings: readonly Finding[], report: Report, clock: ReturnType<typeof zoneClock>): Value[][] {
  return findings.map((f) => [
    text(f.id), text(f.ticket), text(f.summary), f.category, text(f.rule), f.severity, f.status ?? null, text(f.queue), text(f.expectedQueue),
    localDate(f.at, clock), f.businessMinutes, f.cost, f.cost === null ? null : text(report.summary.currency),
    text(f.message), text(stringifyJson(sortedEvidence(f.evidence))), text(f.docsUrl),
  ]);
}

function summaryRows(report: Report, clock: ReturnType<typeof zoneClock>): [Column[], Value[][]] {
  const s = report.summary;
  const h = heading(report);
  const rows: Value[][] = [
    ['Title', text(h.title), null], ['Framework', text(h.framework), null], ['Framework file', text(fileName(report.framework.source)), null],
    ['Period from', localDate(report.period?.from ?? null, clock), DATE], ['Period to', localDate(report.period?.to ?? null, clock), DATE],
    ['As of', localDate(report.asOf, clock), DATE], ['Time zone', h.timezone, null],
    ['Inputs', text(h.inputs.join('; ')), null], ['Dates', text(whenLine(h)), null],
    ...summaryInWords(report).map((sentence, i): Value[] => [i === 0 ? 'In words' : '', text(sentence), null]),
    ['Tickets', s.tickets, null], ['Events', s.events, null], ['Findings', s.findings, null],
    ...(['error', 'warn', 'info'] as const).map((v): Value[] => [`Findings: ${v}`, s.bySeverity[v], null]),
    ...Object.entries(s.byCategory).map(([k, v]): Value[] => [`Findings: ${k}`, v, null]),
    ['Fitness score', s.fitnessScore, PERCENT], ['Estimated cost', s.estimatedCost, MONEY], ['Currency', s.currency, null],
    ['Escalation rate', s.escalationRate, PERCENT], ['De-escalation rate', s.deEscalationRate, PERCENT],
    ['Resolved without escalation', s.resolvedWithoutEscalationRate, PERCENT], ['Over a queue limit', s.overLimitRate, PERCENT],
    ['Reassignments per ticket', s.reassignmentsPerTicket, '0.00'],
    ...(s.trend ? [['Fitness at the baseline', s.trend.previousFitnessScore, PERCENT], ['Baseline as of', localDate(s.trend.previousAsOf, clock), DATE],
      ['New findings', s.trend.newFindings, null], ['Resolved findings', s.trend.resolvedFindings, null]] as Value[][] : []),
    ...(s.assignees ? [] : [['Assignees', 'the Assignees sheet is filled with --by assignee', null]] as Value[][]),
    ...report.notes.map((n, i): Value[] => [i === 0 ? 'Notes' : '', text(n), null]),
  ];
  return [[{ header: 'item', width: 28 }, { header: 'value', width: 90 }], rows];
}

/**
 * The report as an Excel workbook: Summary, Findings (every one), Queues and Assignees (every row).
 * Cells are typed: dates are dates (wall time in the framework's zone, named in the header), numbers
 * numbers, and text is a string cell, which a spreadsheet never evaluates as a formula. Each sheet has
 * a frozen header row and filters. The workbook's own dates are the report's as-of (the zip entries' are not).
 */
export async function formatXlsx(report: Report): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  // The file's own timestamps from the report, so that a run is reproducible.
  book.created = book.modified = new Date(report.asOf);
  book.creator = `${report.tool.name} ${report.tool.version}`;
  const clock = zoneClock(report.framework.timezone);
  const zone = report.framework.timezone;
  const [summaryColumns, summary] = summaryRows(report, clock);
  const summarySheet = summary.map((r) => r.slice(0, 2));
  addSheet(book, 'Summary', summaryColumns, summarySheet);
  const sheet = book.getWorksheet('Summary')!;
  summary.forEach((r, i) => { if (r[2]) sheet.getCell(i + 2, 2).numFmt = r[2] as string; });
  addSheet(book, 'Findings', [
    { header: 'id', width: 18 }, { header: 'ticket', width: 12 }, { header: 'summary', width: 40 }, { header: 'category', width: 20 },
    { header: 'rule', width: 22 }, { header: 'severity', width: 9 }, { header: 'status', width: 10 }, { header: 'queue', width: 16 },
    { header: 'expected queue', width: 16 }, { header: `at (${zone})`, width: 18, numFmt: DATE },
    { header: 'business minutes', width: 12, numFmt: MINUTES }, { header: 'estimated cost', width: 12, numFmt: MONEY }, { header: 'currency', width: 9 },
    { header: 'message', width: 60 }, { header: 'evidence', width: 50 }, { header: 'docs url', width: 40 },
  ], findingRows(report.findings, report, clock));
  addSheet(book, 'Queues', [
    { header: 'queue', width: 20 }, { header: 'tier', width: 6 }, { header: 'tickets', width: 9 }, { header: 'findings', width: 9 },
    { header: 'median business minutes', width: 12, numFmt: MINUTES }, { header: 'p90 business minutes', width: 12, numFmt: MINUTES },
    { header: 'limit minutes', width: 10, numFmt: MINUTES }, { header: 'over limit', width: 9 }, { header: 'over limit rate', width: 9, numFmt: PERCENT },
    { header: 'escalation rate', width: 9, numFmt: PERCENT }, { header: 'de-escalation rate', width: 9, numFmt: PERCENT },
    { header: 'resolved without escalation', width: 9, numFmt: PERCENT }, { header: 'reassignments per ticket', width: 9, numFmt: '0.00' },
    { header: 'fitness score', width: 9, numFmt: PERCENT }, { header: 'estimated cost', width: 12, numFmt: MONEY },
  ], report.summary.queues.map((q) => [text(q.queue), q.tier, q.tickets, q.findings, q.medianBusinessMinutes, q.p90BusinessMinutes, q.limitMinutes,
    q.overLimit, q.overLimitRate, q.escalationRate, q.deEscalationRate, q.resolvedWithoutEscalationRate, q.reassignmentsPerTicket,
    q.fitnessScore, q.estimatedCost]));
  addSheet(book, 'Assignees', [
    { header: 'assignee', width: 20 }, { header: 'tickets', width: 9 }, { header: 'findings', width: 9 }, { header: 'error', width: 7 },
    { header: 'warn', width: 7 }, { header: 'info', width: 7 }, { header: 'median business minutes', width: 12, numFmt: MINUTES },
    { header: 'p90 business minutes', width: 12, numFmt: MINUTES }, { header: 'escalation rate', width: 9, numFmt: PERCENT },
    { header: 'de-escalation rate', width: 9, numFmt: PERCENT }, { header: 'resolved without escalation', width: 9, numFmt: PERCENT },
    { header: 'reassignments per ticket', width: 9, numFmt: '0.00' }, { header: 'fitness score', width: 9, numFmt: PERCENT },
    { header: 'estimated cost', width: 12, numFmt: MONEY },
  ], (report.summary.assignees ?? []).map((a) => [text(a.assignee), a.tickets, a.findings, a.bySeverity.error, a.bySeverity.warn, a.bySeverity.info,
    a.medianBusinessMinutes, a.p90BusinessMinutes, a.escalationRate, a.deEscalationRate, a.resolvedWithoutEscalationRate, a.reassignmentsPerTicket,
    a.fitnessScore, a.estimatedCost]));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
