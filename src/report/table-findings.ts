import type { ChalkInstance } from 'chalk';
import { CATEGORIES, SEVERITY_RANK, type Category, type Finding, type Severity } from '../model/finding.js';
import { renderTable, type Column } from './table-layout.js';
import { formatInstant, sanitizeForTerminal } from './text.js';

const NONE = '-';
const tickets = new Intl.Collator('en', { numeric: true });

function byPriority(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
    || tickets.compare(a.ticket, b.ticket)
    || (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function formatRoute(f: Finding): string {
  const from = f.queue === null ? NONE : sanitizeForTerminal(f.queue);
  return f.expectedQueue === null ? from : `${from} -> ${sanitizeForTerminal(f.expectedQueue)}`;
}

function formatMessage(f: Finding): string {
  const message = sanitizeForTerminal(f.message);
  return f.summary === null ? message : `${message} - "${sanitizeForTerminal(f.summary)}"`;
}

function paintSeverity(chalk: ChalkInstance, severity: Severity, text: string): string {
  if (severity === 'error') return chalk.red(text);
  return severity === 'warn' ? chalk.yellow(text) : chalk.blue(text);
}

function formatGroup(category: Category, findings: Finding[], width: number, chalk: ChalkInstance): string {
  const sorted = [...findings].sort(byPriority);
  const columns: Column[] = [
    { header: 'severity', min: 5, paint: (text, row) => paintSeverity(chalk, sorted[row]?.severity ?? 'info', text) },
    { header: 'ticket' },
    { header: 'queue -> expected', min: 9 },
    { header: 'at', min: 17 },
    { header: 'message', flex: true },
  ];
  const rows = sorted.map((f) => [
    f.severity, sanitizeForTerminal(f.ticket), formatRoute(f), formatInstant(f.at), formatMessage(f),
  ]);
  const heading = `${category} (${findings.length} ${findings.length === 1 ? 'finding' : 'findings'})`;
  return [chalk.bold(heading), renderTable(columns, rows, width, (h) => chalk.bold(h))].join('\n');
}

/** One table per category that has findings, in the order of CATEGORIES, most severe first. */
export function formatFindings(findings: Finding[], width: number, chalk: ChalkInstance): string[] {
  return CATEGORIES.flatMap((category) => {
    const group = findings.filter((f) => f.category === category);
    return group.length === 0 ? [] : [formatGroup(category, group, width, chalk)];
  });
}
