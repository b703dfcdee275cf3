import type { ChalkInstance } from 'chalk';
import type { InputSummary, Report } from '../model/result.js';
import { formatCount } from './figures.js';
import { summaryRows } from './summary-rows.js';
import { formatInstant, sanitizeForTerminal, truncateToWidth, wrapToWidth } from './text.js';
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

/** `misrouted 8, stalled 11, ...`: only the kinds that have findings. */
function formatKinds(report: Report): string | undefined {
  const kinds = Object.entries(report.summary.byCategory).filter(([, n]) => n > 0);
  return kinds.length === 0 ? undefined : kinds.map(([kind, n]) => `${kind}\u00a0${formatCount(n)}`).join(', ');
}

/** Totals, findings by kind, fitness, cost, rates and the trend, then the notes on what the audit could not judge. */
export function formatSummary(report: Report, width: number, chalk: ChalkInstance): string {
  const rows = summaryRows(report.summary, sanitizeForTerminal)
    .filter(([label]) => !(label === 'Estimated cost' && report.summary.estimatedCost === null))
    .map(([label, value]): [string, string] => [lowerFirst(label), value]);
  const kinds = formatKinds(report);
  if (kinds !== undefined) rows.splice(3, 0, ['by kind', kinds]);
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.flatMap(([label, value]) => hang(label.padEnd(labelWidth), value, width));
  for (const note of report.notes) lines.push(...hang(NOTE_PREFIX, sanitizeForTerminal(note), width));
  return [chalk.bold('Summary'), ...lines].join('\n');
}

/** `prefix` then the text wrapped to the width, continuation lines indented under the text. */
function hang(prefix: string, text: string, width: number): string[] {
  const room = width - prefix.length;
  if (room < 10) return [truncateToWidth(`${prefix}${text}`, width)];
  return wrapToWidth(text, room).map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line);
}
