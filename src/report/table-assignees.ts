import type { ChalkInstance } from 'chalk';
import type { AuditSummary } from '../model/result.js';
import { topRows } from './long-lists.js';
import { restLine } from './rest-line.js';
import { ASSIGNEE_HEADERS, assigneeCells } from './summary-rows.js';
import { renderTable, type Column } from './table-layout.js';
import { sanitizeForTerminal, wrapAllToWidth } from './text.js';

// What fits 100 columns beside the counts; the Markdown and HTML tables (and JSON) have every figure.
const TERMINAL_HEADERS = new Set<string>(['assignee', 'tickets', 'findings', 'error', 'warn', 'info', 'escalated', 'first-line', 'fitness', 'cost']);
const shown = ASSIGNEE_HEADERS.flatMap((header, i) => (TERMINAL_HEADERS.has(header) ? [i] : []));

/** `--by assignee`: the tickets each person held, the findings made while they held them, escalated and resolved shares. */
export function formatAssignees(summary: AuditSummary, width: number, chalk: ChalkInstance, wrap = false, fullRows?: string): string {
  const columns: Column[] = shown.map((i) => (i === 0 ? { header: ASSIGNEE_HEADERS[i], min: 8 } : { header: ASSIGNEE_HEADERS[i]!, numeric: true }));
  const currency = summary.currency === null ? null : sanitizeForTerminal(summary.currency);
  const all = summary.assignees ?? [];
  const { shown: top, rest } = topRows(all);
  const rows = top.map((a) => {
    const cells = assigneeCells(a, sanitizeForTerminal, currency);
    return shown.map((i) => cells[i]!);
  });
  const more = rest ? wrapAllToWidth(sanitizeForTerminal(restLine(rest, 'assignees', summary.currency, fullRows)), width) : [];
  const title = rest ? `Assignees (the ${top.length} with the most findings, of ${all.length})` : 'Assignees';
  return [chalk.bold(title), renderTable(columns, rows, width, (h) => chalk.bold(h), wrap), ...more].join('\n');
}
