import { CATEGORIES } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { formatCount } from './figures.js';
import type { FormatOptions } from './formatters.js';
import { fileName, heading } from './heading.js';
import { topRows } from './long-lists.js';
import { restLine } from './rest-line.js';
import { summaryInWords } from './summary-words.js';
import { groupByCategory } from './group.js';
import { escapeMarkdown } from './markdown-escape.js';
import { findingTable, markdownFindings } from './markdown-findings.js';
import { markdownFit } from './markdown-fit.js';
import { markdownTable, type Align } from './markdown-table.js';
import { ASSIGNEE_HEADERS, QUEUE_HEADERS, assigneeCells, queueCells, summaryRows } from './summary-rows.js';

const NONE = '-';

/** Text in the first column, numbers right-aligned after it. */
const nameThenNumbers = (n: number): Align[] => Array.from({ length: n }, (_, i) => (i === 0 ? 'left' : 'right'));

function header(report: Report): string {
  const h = heading(report);
  return [
    `# ${escapeMarkdown(h.title)}`,
    '',
    `- **Framework:** ${escapeMarkdown(h.framework)} — ${escapeMarkdown(fileName(report.framework.source))}`,
    ...(h.period ? [`- **Period covered:** ${escapeMarkdown(h.period)}`] : []),
    `- **As of:** ${escapeMarkdown(h.asOf)} (times in ${escapeMarkdown(h.timezone)})`,
    `- **Inputs:** ${h.inputs.map(escapeMarkdown).join('; ') || NONE}`,
    '',
    summaryInWords(report).map(escapeMarkdown).join(' '),
  ].join('\n');
}

function summary(report: Report): string {
  const s = report.summary;
  const kinds = CATEGORIES.map((c) => [c, formatCount(s.byCategory[c])]);
  const notes = report.notes.length === 0 ? [] : ['', '**Notes**', '', ...report.notes.map((n) => `- ${escapeMarkdown(n)}`)];
  return [
    '## Summary', '',
    markdownTable(['metric', 'value'], summaryRows(s, escapeMarkdown, report.framework.timezone), ['left', 'right']), '',
    markdownTable(['kind', 'findings'], kinds, ['left', 'right']),
    ...notes,
  ].join('\n');
}

function breakdowns(report: Report, currency: string | null, fullRows: string | undefined): string[] {
  const { queues, assignees } = report.summary;
  const sections: string[] = [];
  const more = (text: string) => ['', `_${escapeMarkdown(text)}_`];
  if (queues.length > 0) {
    const { shown, rest } = topRows(queues);
    const rows = shown.map((q) => queueCells(q, escapeMarkdown, currency));
    sections.push(['## Queues', '', markdownTable(QUEUE_HEADERS, rows, nameThenNumbers(QUEUE_HEADERS.length)),
      ...(rest ? more(restLine(rest, 'queues', report.summary.currency, fullRows)) : [])].join('\n'));
  }
  if (assignees && assignees.length > 0) {
    const { shown, rest } = topRows(assignees);
    const rows = shown.map((a) => assigneeCells(a, escapeMarkdown, currency));
    sections.push(['## Assignees', '', markdownTable(ASSIGNEE_HEADERS, rows, nameThenNumbers(ASSIGNEE_HEADERS.length)),
      ...(rest ? more(restLine(rest, 'assignees', report.summary.currency, fullRows)) : [])].join('\n'));
  }
  return sections;
}

function findings(report: Report, currency: string | null, options?: Partial<FormatOptions>): string {
  const view = { currency, timezone: report.framework.timezone, perKind: options?.findingsPerKind, fullList: options?.fullList };
  const sections = markdownFindings(report.findings, view);
  const body = sections.length > 0 ? sections : [`No findings in ${formatCount(report.summary.tickets)} tickets.`];
  const resolved = report.resolved ?? [];
  if (resolved.length > 0) {
    const sorted = groupByCategory(resolved).flatMap((g) => g.findings);
    body.push(`### Resolved since the baseline (${formatCount(resolved.length)})\n\n${findingTable(sorted, view)}`);
  }
  return ['## Findings', ...body].join('\n\n');
}

/**
 * The report for tickets, wikis and chat (GitHub-flavoured Markdown): summary, queues, then the
 * findings by kind. Every value from the data is escaped, so it renders as the text it is.
 */
export function formatMarkdown(report: Report, options?: Partial<FormatOptions>): string {
  const currency = report.summary.currency === null ? null : escapeMarkdown(report.summary.currency);
  const sections = [header(report), summary(report), ...breakdowns(report, currency, options?.fullRows), findings(report, currency, options), markdownFit(report.fit)];
  return `${sections.join('\n\n')}\n`;
}
