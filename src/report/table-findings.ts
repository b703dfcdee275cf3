import type { ChalkInstance } from 'chalk';
import type { Finding, Severity } from '../model/finding.js';
import { groupByCategory } from './group.js';
import { renderTable, type Column } from './table-layout.js';
import { moreLine, worstFindings } from './long-lists.js';
import { localizeInstants, localTime } from './heading.js';
import { sanitizeForTerminal, wrapAllToWidth } from './text.js';

const NONE = '-';

function formatRoute(f: Finding): string {
  const from = f.queue === null ? NONE : sanitizeForTerminal(f.queue);
  return f.expectedQueue === null ? from : `${from} -> ${sanitizeForTerminal(f.expectedQueue)}`;
}

function formatMessage(f: Finding, timezone: string): string {
  const message = sanitizeForTerminal(localizeInstants(f.message, timezone));
  return f.summary === null ? message : `${message} - "${sanitizeForTerminal(f.summary)}"`;
}

function paintSeverity(chalk: ChalkInstance, severity: Severity, text: string): string {
  if (severity === 'error') return chalk.red(text);
  return severity === 'warn' ? chalk.yellow(text) : chalk.blue(text);
}

function formatGroup(heading: string, sorted: Finding[], width: number, chalk: ChalkInstance, wrap: boolean, timezone: string): string {
  // Only with --baseline: new or persisting, so a periodic check shows what changed.
  const baselined = sorted.some((f) => f.status !== undefined);
  const columns: Column[] = [
    ...(baselined ? [{ header: 'status', min: 3 }] : []),
    { header: 'severity', min: 5, paint: (text, row) => paintSeverity(chalk, sorted[row]?.severity ?? 'info', text) },
    { header: 'ticket' },
    { header: 'queue -> expected', min: 9 },
    { header: 'when', min: 20 },
    { header: 'message', flex: true },
  ];
  const rows = sorted.map((f) => [
    ...(baselined ? [f.status ?? NONE] : []),
    f.severity, sanitizeForTerminal(f.ticket), formatRoute(f), localTime(f.at, timezone), formatMessage(f, timezone),
  ]);
  return [chalk.bold(heading), renderTable(columns, rows, width, (h) => chalk.bold(h), wrap)].join('\n');
}

const counted = (n: number) => `${n} ${n === 1 ? 'finding' : 'findings'}`;

/**
 * One table per category that has findings, in the order of CATEGORIES, most severe first. With
 * `perKind` (the mail's text part, --findings-per-kind): only the worst that many, and a line for the rest.
 */
export function formatFindings(findings: Finding[], width: number, chalk: ChalkInstance, wrap: boolean, timezone: string,
  perKind?: number, fullList?: string): string[] {
  return groupByCategory(findings).map((g) => {
    const heading = `${g.category} (${counted(g.findings.length)})`;
    if (perKind === undefined || perKind >= g.findings.length) return formatGroup(heading, g.findings, width, chalk, wrap, timezone);
    const { shown, more } = worstFindings(g.findings, perKind);
    const line = wrapAllToWidth(sanitizeForTerminal(moreLine(more, g.category, fullList)), width);
    return [formatGroup(heading, shown, width, chalk, wrap, timezone), ...line].join('\n');
  });
}

/** With --baseline: the baseline's findings that are gone, in one table. */
export function formatResolved(resolved: Finding[], width: number, chalk: ChalkInstance, wrap: boolean, timezone: string): string {
  const sorted = groupByCategory(resolved).flatMap((g) => g.findings);
  return formatGroup(`resolved since the baseline (${counted(resolved.length)})`, sorted, width, chalk, wrap, timezone);
}
