import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatTable } from '../../src/report/table.js';
import { sampleReportByAssignee } from './sample-assignees.js';

/** The lines of the table's `Assignees` section, up to the blank line after it. */
function assigneeSection(width: number): string[] {
  const lines = formatTable(sampleReportByAssignee, { color: false, width }).split('\n');
  const start = lines.indexOf('Assignees');
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** Header and body cells of the Markdown table under `## Assignees`. */
function markdownRows(): string[][] {
  const md = formatMarkdown(sampleReportByAssignee);
  const after = md.slice(md.indexOf('## Assignees'));
  return after.split('\n').filter((l) => l.startsWith('|')).filter((_, i) => i !== 1)
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
}

describe('per-assignee table', () => {
  it('matches the snapshot at 100 columns', async () => {
    await expect(assigneeSection(100).join('\n')).toMatchFileSnapshot('./__snapshots__/table-assignees-100.txt');
  });

  it('fits 100 columns with escalated and first-line beside the counts', () => {
    const [, header, , dana] = assigneeSection(100);
    expect(assigneeSection(100).every((l) => [...l].length <= 100)).toBe(true);
    expect(header!.split(/\s+/)).toEqual(['assignee', 'tickets', 'findings', 'error', 'warn', 'info', 'escalated', 'first-line', 'fitness', 'cost']);
    expect(dana!.split(/\s{2,}/)).toEqual(['Dana', '3', '2', '1', '1', '0', '66.7%', '33.3%', '33.3%', '123,456.78 EUR']);
  });

  it.each([
    ['Dana', ['Dana', '3', '2', '1', '1', '0', '1h35m', '24h30m', '66.7%', '0.0%', '33.3%', '1.33', '33.3%', '123,456.78 EUR']],
    ['(unassigned)', ['(unassigned)', '1', '0', '0', '0', '0', '0m', '0m', '0.0%', '0.0%', '0.0%', '0.00', '100.0%', '-']],
  ])('Markdown has every figure of %s', (name, cells) => {
    const [header, ...rows] = markdownRows();
    expect(header).toEqual(['assignee', 'tickets', 'findings', 'error', 'warn', 'info', 'median', 'p90',
      'escalated', 'de-escalated', 'first-line', 'reassign/ticket', 'fitness', 'cost']);
    expect(rows.find((r) => r[0] === name)).toEqual(cells);
  });

  it('HTML has every column, and the median and p90 of each person', () => {
    const html = formatHtml(sampleReportByAssignee);
    const section = html.slice(html.indexOf('<h2>Assignees</h2>'), html.indexOf('</section>', html.indexOf('<h2>Assignees</h2>')));
    for (const h of ['median', 'p90', 'escalated', 'de-escalated', 'first-line', 'reassign/ticket']) expect(section).toContain(`>${h}</th>`);
    expect(section).toMatch(/>1h35m<\/td><td[^>]*>24h30m<\/td>/);
  });

  it('JSON appends the flow figures after estimatedCost, in contract order', () => {
    const [first] = JSON.parse(formatJson(sampleReportByAssignee)).summary.assignees;
    expect(Object.keys(first).slice(6)).toEqual(['estimatedCost', 'medianBusinessMinutes', 'p90BusinessMinutes',
      'escalationRate', 'deEscalationRate', 'resolvedWithoutEscalationRate', 'reassignmentsPerTicket']);
    expect(first).toMatchObject({ medianBusinessMinutes: 95, p90BusinessMinutes: 1470.4, reassignmentsPerTicket: 1.3333 });
  });
});
