import type { Finding } from '../model/finding.js';
import { formatMoney } from './figures.js';
import { groupByCategory } from './group.js';
import { localizeInstants, localTime } from './heading.js';
import type { FindingView } from './html-findings.js';
import { DEFAULT_FINDINGS_PER_KIND, moreLine, worstFindings } from './long-lists.js';
import { escapeMarkdown } from './markdown-escape.js';
import { markdownTable, type Align } from './markdown-table.js';
import { formatMinutes } from './text.js';

const NONE = '-';
const SAFE_URL = /^https?:\/\/[^\s<>()[\]`\\|]+$/;

interface Column { header: string; align: Align; cell: (f: Finding, view: FindingView) => string }

const text = (value: string | null) => (value === null ? NONE : escapeMarkdown(value));

const COLUMNS: Column[] = [
  { header: 'severity', align: 'left', cell: (f) => escapeMarkdown(f.severity) },
  { header: 'ticket', align: 'left', cell: (f) => text(f.ticket) },
  { header: 'summary', align: 'left', cell: (f) => text(f.summary) },
  { header: 'queue', align: 'left', cell: (f) => text(f.queue) },
  { header: 'expected', align: 'left', cell: (f) => text(f.expectedQueue) },
  { header: 'when', align: 'left', cell: (f, view) => escapeMarkdown(localTime(f.at, view.timezone)) },
  { header: 'business time', align: 'right', cell: (f) => (f.businessMinutes === null ? NONE : formatMinutes(f.businessMinutes)) },
  { header: 'cost', align: 'right', cell: (f, view) => (f.cost === null ? NONE : formatMoney(f.cost, view.currency)) },
  { header: 'message', align: 'left', cell: (f, view) => text(localizeInstants(f.message, view.timezone)) },
  { header: 'id', align: 'left', cell: (f) => text(f.id) },
];
const STATUS: Column = { header: 'status', align: 'left', cell: (f) => text(f.status ?? null) };

/** The findings as one table; a status column (new, persisting) only when compared with a baseline. */
export function findingTable(findings: readonly Finding[], view: FindingView): string {
  const columns = findings.some((f) => f.status !== undefined) ? [COLUMNS[0]!, STATUS, ...COLUMNS.slice(1)] : COLUMNS;
  return markdownTable(
    columns.map((c) => (c.header === 'when' ? `when (${escapeMarkdown(view.timezone)})` : c.header)),
    findings.map((f) => columns.map((c) => c.cell(f, view))),
    columns.map((c) => c.align),
  );
}

/** A link to the check's documentation, only for a plain http(s) URL that cannot break out of the link. */
function docsLink(f: Finding): string[] {
  return SAFE_URL.test(f.docsUrl) ? [`What it means and what to do: [${f.category}](${f.docsUrl})`, ''] : [];
}

const plural = (n: number) => `${n} ${n === 1 ? 'finding' : 'findings'}`;

/** One section per category that has findings, in category order, worst first, at most `perKind` each; `currency` escaped. */
export function markdownFindings(findings: readonly Finding[], view: FindingView): string[] {
  return groupByCategory(findings).map(({ category, findings: group }) => {
    const { shown, more } = worstFindings(group, view.perKind ?? DEFAULT_FINDINGS_PER_KIND);
    return [
      `### ${category} (${plural(group.length)})`,
      '',
      ...docsLink(group[0]!),
      findingTable(shown, view),
      ...(more > 0 ? ['', `_${escapeMarkdown(moreLine(more, category, view.fullList))}_`] : []),
    ].join('\n');
  });
}
