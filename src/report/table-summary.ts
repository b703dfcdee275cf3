import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/result.js';
import { formatCount } from './figures.js';
import { hangingLines, hangingList } from './hanging.js';
import { heading, whenLine } from './heading.js';
import { COST_BY_KIND, costByKind, summaryRows } from './summary-rows.js';
import { summaryInWords } from './summary-words.js';
import { fitToWidth, sanitizeForTerminal, wrapAllToWidth, wrapToWidth } from './text.js';
const NOTE_PREFIX = 'note: ';

/** The title (bold), the framework, the period and as-of, the input file names; the summary in words under them. */
export function formatTitle(report: Report, width: number, chalk: ChalkInstance, wrap = false): string {
  const h = heading(report);
  const lines = (text: string) => (wrap ? wrapAllToWidth(sanitizeForTerminal(text), width) : wrapToWidth(sanitizeForTerminal(text), width));
  return [
    ...fitToWidth(sanitizeForTerminal(h.title), width, wrap).map((l) => chalk.bold(l)),
    ...lines(`Framework: ${h.framework}`),
    ...lines(whenLine(h)),
    ...lines(`Inputs: ${h.inputs.join(', ')}`),
    '',
    ...lines(summaryInWords(report).join(' ')),
  ].join('\n');
}

const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** `misrouted 8`, `stalled 11`, ...: only the kinds that have findings. */
function kindCounts(report: Report): string[] {
  return Object.entries(report.summary.byCategory).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${formatCount(n)}`);
}

/** Totals, findings by kind, fitness, cost, rates and the trend, then the notes on what the audit could not judge. */
export function formatSummary(report: Report, width: number, chalk: ChalkInstance, wrap = false): string {
  const rows = summaryRows(report.summary, sanitizeForTerminal, report.framework.timezone)
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
