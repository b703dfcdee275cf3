import { describe, expect, it } from 'vitest';
import type { QueueSummary, Report } from '../../src/model/result.js';
import { formatHtml } from '../../src/report/html.js';
import { topRows } from '../../src/report/long-lists.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { restLine } from '../../src/report/rest-line.js';
import { formatTable } from '../../src/report/table.js';
import { sampleReport } from './sample-report.js';

const row = (i: number, findings: number, estimatedCost: number | null) => ({ queue: `Q${i}`, tickets: 2, findings, estimatedCost });
const rest = (rows: ReturnType<typeof row>[]) => topRows([...Array.from({ length: 15 }, (_, i) => row(100 + i, 99, 1)), ...rows]).rest!;

describe('the line for the rows left out', () => {
  it.each([
    ['no finding priced, rows without findings at 0', [row(1, 5, null), row(2, 0, 0), row(3, 0, 0)], '(not priced)'],
    ['every finding priced', [row(1, 5, 12.5), row(2, 3, 7.5), row(3, 0, 0)], '(20.00 EUR)'],
    ['some priced, some not', [row(1, 5, 12.5), row(2, 3, null)], '(12.50 EUR for the priced ones)'],
  ])('%s', (_, rows, cost) => {
    const line = restLine(rest(rows), 'queues', 'EUR');
    expect(line).toContain(`in the tickets they handled ${cost}, fewer`);
    expect(line).not.toMatch(/(?<![\d,])0\.00 EUR/);
  });

  it('says nothing of cost when the rows left out have no findings', () => {
    expect(restLine(rest([row(1, 0, 0), row(2, 0, 0)]), 'queues', 'EUR')).toContain('with 0 findings in the tickets they handled, fewer');
  });

  it('names the output of the run that has every row, else how to get one', () => {
    const r = rest([row(1, 5, null)]);
    expect(restLine(r, 'queues', null, 'in the workbook audit.xlsx')).toMatch(/: every row is in the workbook audit\.xlsx\.$/);
    expect(restLine(r, 'queues', null)).toMatch(/: write every row with -f json or -f xlsx\.$/);
  });
});

describe('unpriced queues in every human format', () => {
  // The ServiceNow shape: a currency, but no rate prices any finding; queues without findings carry 0 (the JSON contract).
  const queues: QueueSummary[] = Array.from({ length: 40 }, (_, i) => ({ ...sampleReport.summary.queues[0]!, queue: `Q${i}`,
    findings: i % 2 === 0 ? 0 : i, estimatedCost: i % 2 === 0 ? 0 : null }));
  const report: Report = { ...sampleReport, summary: { ...sampleReport.summary, currency: 'USD', queues } };
  const outputs = {
    table: formatTable(report, { color: false, width: 200, wrap: true }),
    markdown: formatMarkdown(report),
    html: formatHtml(report),
  };

  it.each(Object.entries(outputs))('%s shows no 0.00 USD for a queue and says the rest is not priced', (_, out) => {
    expect(out).not.toMatch(/(?<![\d,])0\.00 USD/);
    expect(out).toMatch(/25 more queues with \d+ findings in the tickets they handled \(not priced\)/);
  });

  it.each([['markdown', formatMarkdown], ['html', formatHtml]] as const)('a queue without findings has no cost in the %s table, one with unpriced findings says so', (_, format) => {
    const few: Report = { ...report, summary: { ...report.summary, queues: queues.slice(0, 2) } };
    const cells = (name: string) => format(few).split('\n').find((l) => l.includes(`Q${name}`) && /not priced|\| - \||>-</.test(l)) ?? '';
    expect(cells('0')).toMatch(/(\| - \|$)|(>-<\/td><\/tr>$)/);
    expect(cells('1')).toMatch(/not priced(<\/td><\/tr>| \|)$/);
  });
});
