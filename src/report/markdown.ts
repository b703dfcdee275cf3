import { CATEGORIES } from '../model/finding.js';
import type { InputSummary, Report } from '../model/result.js';
import { formatCount } from './figures.js';
import { groupByCategory } from './group.js';
import { escapeMarkdown } from './markdown-escape.js';
import { findingTable, markdownFindings } from './markdown-findings.js';
import { markdownTable, type Align } from './markdown-table.js';
import { ASSIGNEE_HEADERS, QUEUE_HEADERS, assigneeCells, queueCells, summaryRows } from './summary-rows.js';
import { formatInstant } from './text.js';

const NONE = '-';

/** Text in the first column, numbers right-aligned after it. */
const nameThenNumbers = (n: number): Align[] => Array.from({ length: n }, (_, i) => (i === 0 ? 'left' : 'right'));

function describeInput(i: InputSummary): string {
  return `${escapeMarkdown(i.file)} (${escapeMarkdown(i.preset)} ${escapeMarkdown(i.role)}, ${formatCount(i.rows)} rows, ${formatCount(i.tickets)} tickets)`;
}

function header(report: Report): string {
  return [
    '# Escalation audit',
    '',
    `- **Framework:** ${escapeMarkdown(report.framework.name)} — ${escapeMarkdown(report.framework.source)}`,
    `- **As of:** ${escapeMarkdown(formatInstant(report.asOf))}`,
    `- **Inputs:** ${report.inputs.map(describeInput).join('; ') || NONE}`,
  ].join('\n');
}

function summary(report: Report): string {
  const s = report.summary;
  const kinds = CATEGORIES.map((c) => [c, formatCount(s.byCategory[c])]);
  const notes = report.notes.length === 0 ? [] : ['', '**Notes**', '', ...report.notes.map((n) => `- ${escapeMarkdown(n)}`)];
  return [
    '## Summary', '',
    markdownTable(['metric', 'value'], summaryRows(s, escapeMarkdown), ['left', 'right']), '',
    markdownTable(['kind', 'findings'], kinds, ['left', 'right']),
    ...notes,
  ].join('\n');
}

function breakdowns(report: Report, currency: string | null): string[] {
  const { queues, assignees } = report.summary;
  const sections: string[] = [];
  if (queues.length > 0) {
    const rows = queues.map((q) => queueCells(q, escapeMarkdown, currency));
    sections.push(['## Queues', '', markdownTable(QUEUE_HEADERS, rows, nameThenNumbers(QUEUE_HEADERS.length))].join('\n'));
  }
  if (assignees && assignees.length > 0) {
    const rows = assignees.map((a) => assigneeCells(a, escapeMarkdown, currency));
    sections.push(['## Assignees', '', markdownTable(ASSIGNEE_HEADERS, rows, nameThenNumbers(ASSIGNEE_HEADERS.length))].join('\n'));
  }
  return sections;
}

function findings(report: Report, currency: string | null): string {
  const sections = markdownFindings(report.findings, currency);
  const body = sections.length > 0 ? sections : [`No findings in ${formatCount(report.summary.tickets)} tickets.`];
  const resolved = report.resolved ?? [];
  if (resolved.length > 0) {
    const sorted = groupByCategory(resolved).flatMap((g) => g.findings);
    body.push(`### Resolved since the baseline (${formatCount(resolved.length)})\n\n${findingTable(sorted, currency)}`);
  }
  return ['## Findings', ...body].join('\n\n');
}

/**
 * The report for tickets, wikis and chat (GitHub-flavoured Markdown): summary, queues, then the
 * findings by kind. Every value from the data is escaped, so it renders as the text it is.
 */
export function formatMarkdown(report: Report): string {
  const currency = report.summary.currency === null ? null : escapeMarkdown(report.summary.currency);
  const sections = [header(report), summary(report), ...breakdowns(report, currency), findings(report, currency)];
  return `${sections.join('\n\n')}\n`;
}
