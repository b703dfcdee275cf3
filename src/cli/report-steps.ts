import type { AuditOutcome } from '../audit/audit.js';
import { compareWithBaseline, MAX_BASELINE_BYTES, parseBaseline, type Baseline } from '../audit/baseline.js';
import { filterFindings, resolveQueueNames, type ReportFilters } from '../audit/filters.js';
import { planRedaction, redactReport } from '../audit/redact.js';
import { InputError } from '../errors.js';
import type { Framework } from '../framework/model.js';
import type { Report } from '../model/result.js';
import type { Ticket } from '../model/ticket.js';
import { readCapped } from './read-capped.js';
import type { ReportFlags } from './report-options.js';

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readCapped(file, MAX_BASELINE_BYTES, (bytes) => new InputError(
      `the baseline report is too large: ${Math.round(bytes / 1024 / 1024)} MB or more (the limit is ${MAX_BASELINE_BYTES / 1024 / 1024} MB)`,
      { file }, 'pass a report written by an earlier run with --format json'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read the baseline report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
  return parseBaseline(text, file);
}

/** The filters of the flags, with --queue names checked against the framework and the export. */
export function reportFilters(flags: ReportFlags, framework: Framework, outcome: AuditOutcome): ReportFilters {
  if (flags.since !== undefined && flags.until !== undefined && flags.since >= flags.until) {
    throw new InputError('--since is not before --until', undefined, 'the period starts at --since and ends before --until');
  }
  return {
    since: flags.since,
    until: flags.until,
    queues: flags.queue?.length ? resolveQueueNames(flags.queue, framework, outcome.flows) : undefined,
    categories: flags.category,
    minSeverity: flags.minSeverity,
  };
}

/** Baseline comparison, then redaction: the last steps before any format sees the report. */
export function finishReport(report: Report, steps: { baseline?: Baseline | undefined; filters: ReportFilters;
  redact?: ReportFlags['redact']; tickets: Ticket[] }): Report {
  let out = report;
  if (steps.baseline) out = compareWithBaseline(out, steps.baseline, filterFindings(steps.baseline.findings, steps.filters));
  if (steps.redact?.length) out = redactReport(out, planRedaction(steps.tickets, steps.redact));
  return out;
}
