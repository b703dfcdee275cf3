import type { ChalkInstance } from 'chalk';
import type { InputSummary, Report } from '../model/result.js';
import { formatCount } from './figures.js';
import { hangingLines, hangingList } from './hanging.js';
import { COST_BY_KIND, costByKind, summaryRows } from './summary-rows.js';
import { fitToWidth, formatInstant, sanitizeForTerminal } from './text.js';
const NOTE_PREFIX = 'note: ';

function describeInput(input: InputSummary): string {
  const file = sanitizeForTerminal(input.file);
  return `${file} (${sanitizeForTerminal(input.preset)}, ${formatCount(input.tickets)} tickets)`;
}

/** Framework, as-of and inputs: one line cut to the width on a terminal, wrapped with `wrap`. */
export function formatTitle(report: Report, width: number, chalk: ChalkInstance, wrap = false): string {
  const inputs = report.inputs.map(describeInput).join(', ');
  const title = `${sanitizeForTerminal(report.framework.name)}, as of ${formatInstant(report.asOf)}: ${inputs}`;
  return fitToWidth(title, width, wrap).map((l) => chalk.bold(l)).join('\n');
}

const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** `misrouted 8`, `stalled 11`, ...: only the kinds that have findings. */
function kindCounts(report: Report): string[] {
  return Object.entries(report.summary.byCategory).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${formatCount(n)}`);
}

/** Totals, findings by kind, fitness, cost, rates and the trend, then the notes on what the audit could not judge. */
export function formatSummary(report: Report, width: number, chalk: ChalkInstance, wrap = false): string {
  const rows = summaryRows(report.summary, sanitizeForTerminal)
    .map(([label, value]): [string, string] => [lowerFirst(label), value]);
  const kinds = kindCounts(report);
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const line = (label: string, value: string) => (wrap ? hangingLines(label.padEnd(labelWidth), value, width, true)
    : fitToWidth(`${label.padEnd(labelWidth)}${value}`, width, false));
  const hanging = (label: string, items: string[]) => hangingList(label.padEnd(labelWidth), items, width, wrap);
  // Lists a terminal line could not hold wrap under their label: the kinds after the findings, the costs by kind.
  const lines = rows.flatMap(([label, value]) => {
    if (label === lowerFirst(COST_BY_KIND)) return hanging(label, costByKind(report.summary));
    return label === 'findings' && kinds.length > 0 ? [...line(label, value), ...hanging('by kind', kinds)] : line(label, value);
  });
  for (const note of report.notes) lines.push(...hangingLines(NOTE_PREFIX, sanitizeForTerminal(note), width, wrap));
  return [chalk.bold('Summary'), ...lines].join('\n');
}
