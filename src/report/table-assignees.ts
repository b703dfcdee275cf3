import type { ChalkInstance } from 'chalk';
import type { AuditSummary } from '../model/result.js';
import { ASSIGNEE_HEADERS, assigneeCells } from './summary-rows.js';
import { renderTable, type Column } from './table-layout.js';
import { sanitizeForTerminal } from './text.js';

/** `--by assignee`: the tickets each person held and the findings made while they held them. */
export function formatAssignees(summary: AuditSummary, width: number, chalk: ChalkInstance): string {
  const columns: Column[] = ASSIGNEE_HEADERS.map((header, i) => (i === 0 ? { header, min: 8 } : { header, numeric: true }));
  const currency = summary.currency === null ? null : sanitizeForTerminal(summary.currency);
  const rows = (summary.assignees ?? []).map((a) => assigneeCells(a, sanitizeForTerminal, currency));
  return [chalk.bold('Assignees'), renderTable(columns, rows, width, (h) => chalk.bold(h))].join('\n');
}
