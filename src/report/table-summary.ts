import type { ChalkInstance } from 'chalk';
import type { InputSummary, Report } from '../model/result.js';
import { formatCount } from './figures.js';
import { hangingLines, hangingList } from './hanging.js';
import { COST_BY_KIND, costByKind, summaryRows } from './summary-rows.js';
import { formatInstant, sanitizeForTerminal, truncateToWidth } from './text.js';
const NOTE_PREFIX = 'note: ';

function describeInput(input: InputSummary): string {
  const file = sanitizeForTerminal(input.file);
  return `${file} (${sanitizeForTerminal(input.preset)}, ${formatCount(input.tickets)} tickets)`;
}

/** One line: framework, as-of and inputs; cut to the width rather than wrapped. */
export function formatTitle(report: Report, width: number, chalk: ChalkInstance): string {
  const inputs = report.inputs.map(describeInput).join(', ');
  const title = `${sanitizeForTerminal(report.framework.name)}, as of ${formatInstant(report.asOf)}: ${inputs}`;
  return chalk.bold(truncateToWidth(title, width));
}

const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** `misrouted 8`, `stalled 11`, ...: only the kinds that have findings. */
function kindCounts(report: Report): string[] {
  return Object.entries(report.summary.byCategory).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${formatCount(n)}`);
}

/** Totals, findings by kind, fitness, cost, rates and the trend, then the notes on what the audit could not judge. */
export function formatSummary(report: Report, width: number, chalk: ChalkInstance): string {
  const rows = summaryRows(report.summary, sanitizeForTerminal)
    .filter(([label]) => !(label === 'Estimated cost' && report.summary.estimatedCost === null) && label !== COST_BY_KIND)
    .map(([label, value]): [string, string] => [lowerFirst(label), value]);
  const kinds = kindCounts(report);
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const line = (label: string, value: string) => truncateToWidth(`${label.padEnd(labelWidth)}${value}`, width);
  const lines = rows.map(([label, value]) => line(label, value));
  const costs = costByKind(report.summary);
  if (costs.length > 0) lines.splice(lines.findIndex((l) => l.startsWith('estimated cost')) + 1, 0, ...hangingList('cost by kind'.padEnd(labelWidth), costs, width));
  if (kinds.length > 0) lines.splice(3, 0, ...hangingList('by kind'.padEnd(labelWidth), kinds, width));
  for (const note of report.notes) lines.push(...hangingLines(NOTE_PREFIX, sanitizeForTerminal(note), width));
  return [chalk.bold('Summary'), ...lines].join('\n');
}
