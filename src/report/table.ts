import { Chalk } from 'chalk';
import type { Report } from '../model/result.js';
import type { FormatOptions } from './formatters.js';
import { formatAssignees } from './table-assignees.js';
import { formatFindings, formatResolved } from './table-findings.js';
import { formatFit, formatWhatIf } from './table-fit.js';
import { formatQueues } from './table-queues.js';
import { formatSummary, formatTitle } from './table-summary.js';
import { fitToWidth, layoutWidth } from './text.js';

const usableWidth = (width: number) => layoutWidth(width, 40);

/** The report for a person at a terminal: title, summary, queues, then findings by category. */
export function formatTable(report: Report, options: FormatOptions): string {
  // A private instance: the global chalk would pick its level from the environment.
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = usableWidth(options.width);
  const wrap = options.wrap === true;
  const sections = [formatTitle(report, width, chalk, wrap), formatSummary(report, width, chalk, wrap)];
  if (report.summary.queues.length > 0) sections.push(formatQueues(report.summary.queues, width, chalk, wrap, report.summary.currency, options.fullRows));
  if (report.summary.assignees?.length) sections.push(formatAssignees(report.summary, width, chalk, wrap, options.fullRows));
  const perKind = Number.isFinite(options.findingsPerKind) ? options.findingsPerKind : undefined;
  const findings = formatFindings(report.findings, width, chalk, wrap, report.framework.timezone, perKind, options.fullList);
  if (findings.length > 0) sections.push(...findings);
  else sections.push(fitToWidth(`No findings in ${report.summary.tickets} tickets.`, width, wrap).join('\n'));
  if (report.resolved?.length) sections.push(formatResolved(report.resolved, width, chalk, wrap, report.framework.timezone));
  sections.push(formatFit(report.fit, width, chalk, wrap));
  if (report.whatIf) sections.push(formatWhatIf(report.whatIf, width, chalk, wrap));
  return `${sections.join('\n\n')}\n`;
}
