import type { ChalkInstance } from 'chalk';
import type { InputSummary, Report } from '../model/result.js';
import { formatCount, formatFindingCount, formatMoney, formatPercent } from './figures.js';
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

function formatCost(report: Report): string | undefined {
  const { estimatedCost, currency } = report.summary;
  if (estimatedCost === null) return undefined;
  return formatMoney(estimatedCost, currency === null ? null : sanitizeForTerminal(currency));
}

/** Totals, fitness, cost, then the notes on what the audit could not judge. */
export function formatSummary(report: Report, width: number, chalk: ChalkInstance): string {
  const { summary } = report;
  const rows: [string, string][] = [
    ['tickets', formatCount(summary.tickets)],
    ['events', formatCount(summary.events)],
    ['findings', formatFindingCount(summary)],
    ['fitness', formatPercent(summary.fitnessScore)],
  ];
  const cost = formatCost(report);
  if (cost !== undefined) rows.push(['cost', cost]);
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(([label, value]) => truncateToWidth(`${label.padEnd(labelWidth)}${value}`, width));
  for (const note of report.notes) {
    const wrapped = wrapToWidth(sanitizeForTerminal(note), width - NOTE_PREFIX.length);
    lines.push(...wrapped.map((line, i) => (i === 0 ? NOTE_PREFIX : ' '.repeat(NOTE_PREFIX.length)) + line));
  }
  return [chalk.bold('Summary'), ...lines].join('\n');
}
