import type { ChalkInstance } from 'chalk';
import type { InputSummary, Report } from '../model/result.js';
import { formatInstant, sanitizeForTerminal, truncateToWidth, wrapToWidth } from './text.js';

const count = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NOTE_PREFIX = 'note: ';

function describeInput(input: InputSummary): string {
  const file = sanitizeForTerminal(input.file);
  return `${file} (${sanitizeForTerminal(input.preset)}, ${count.format(input.tickets)} tickets)`;
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
  const amount = money.format(estimatedCost);
  return currency === null ? amount : `${amount} ${sanitizeForTerminal(currency)}`;
}

/** Totals, fitness, cost, then the notes on what the audit could not judge. */
export function formatSummary(report: Report, width: number, chalk: ChalkInstance): string {
  const { summary } = report;
  const { error, warn, info } = summary.bySeverity;
  const rows: [string, string][] = [
    ['tickets', count.format(summary.tickets)],
    ['events', count.format(summary.events)],
    ['findings', `${count.format(summary.findings)} (${count.format(error)} error, ${count.format(warn)} warn, ${count.format(info)} info)`],
    ['fitness', `${(summary.fitnessScore * 100).toFixed(1)}%`],
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
