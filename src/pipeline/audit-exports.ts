import { titleProblem } from '../text/title.js';
import { audit } from '../audit/audit.js';
import { compareWithBaseline, isFirstAudit, markFirstAudit, type Baseline, type FirstAudit } from '../prepare/baseline.js';
import { filterFindings, filterOutcome, resolveQueueNames, type ReportFilters } from '../prepare/filters.js';
import { planRedaction, redactReport, type RedactField } from '../prepare/redact.js';
import { buildReport, latestInstant } from '../prepare/report.js';
import { InputError } from '../errors.js';
import type { LoadedExports } from '../ingest/load.js';
import type { Report, WhatIfChange } from '../model/result.js';
import { toolInfo } from '../tool-info.js';
import { DEFAULT_FRAMEWORK_LABEL } from '../framework/file.js';
import { checks } from '../audit/checks/index.js';
import { loadFramework } from './framework.js';
import type { Framework } from '../framework/model.js';
import { frameworkWithSettings, parseSetting, type Setting } from '../framework/settings.js';
import { compareOutcomes } from '../prepare/what-if.js';
import { readBaselineFile } from './baseline-file.js';
import { readInputs, type InputOptions } from './inputs.js';

/** Everything `escalation-audit audit` does before it writes, as options (the CLI passes its flags here). */
export interface AuditExportsOptions extends InputOptions {
  /** Judge open tickets as of this instant (epoch ms or a Date). Default: the latest instant in the exports. */
  asOf?: number | Date;
  /**
   * Narrow the report (`--since --until --queue --category --min-severity`): `since` and `until` in
   * epoch ms (until exclusive), `queues` as framework ids or board names. Default: none.
   */
  filters?: ReportFilters;
  /** Compare with an earlier JSON report: its path (no file there yet is a first audit), or one from `readBaselineFile`. */
  baseline?: string | Baseline | FirstAudit;
  /** Replace these fields' values with pseudonyms: `assignee`, `company`, `summary`. Default: none. */
  redact?: RedactField[];
  /** The client or engagement the report is for (`--title`), heading every human format and the JSON (not CSV or NDJSON). Default: none. */
  title?: string;
  /** Add the per-assignee table (`summary.assignees`). Default: false. */
  byAssignee?: boolean;
  /** Called once the exports are read, before the audit. */
  onExportsRead?: (loaded: LoadedExports) => void;
  /** Called for each warning of the framework (a rule that can never fire), before the audit. Default: none. */
  onWarning?: (warning: InputError) => void;
  /**
   * Judge the same tickets again under a changed framework and add `whatIf` to the report: rule keys
   * changed (`set`, each `<rule-id>.<key>=<value>` or parsed by `parseSetting`), or another framework file.
   */
  whatIf?: { set?: (string | Setting)[]; compareFramework?: string };
  /** Name and version written in the report. Default: this package's. */
  tool?: { name: string; version: string };
}

/** The framework of a what-if, read and validated before any export is; undefined without one. */
async function whatIfFramework(options: AuditExportsOptions): Promise<{ framework: Framework; changes: WhatIfChange[] } | undefined> {
  const set = options.whatIf?.set ?? [];
  const other = options.whatIf?.compareFramework;
  if (set.length === 0 && other === undefined) return undefined;
  if (set.length > 0 && other !== undefined) {
    throw new InputError('--set and --compare-framework do not go together', undefined,
      'compare with another framework file, or change keys of this one: to do both, write the keys into the other file');
  }
  if (typeof options.framework === 'object') throw new InputError('a what-if needs the framework as a file path, not a compiled framework');
  if (other !== undefined) {
    const framework = await loadFramework(other);
    return { framework, changes: [{ kind: 'framework', from: options.framework ?? DEFAULT_FRAMEWORK_LABEL, to: other }] };
  }
  const { framework, changes } = await frameworkWithSettings(options.framework, set.map((s) => (typeof s === 'string' ? parseSetting(s) : s)), checks);
  return { framework, changes: changes.map((c) => ({ kind: 'set', ...c })) };
}

/**
 * Reads exports, audits them against a framework and returns the report the CLI would write
 * (`--format json` is this object). Bad input throws an InputError (or InputErrors) naming the
 * file, line and column; nothing is written anywhere.
 */
export async function auditExports(files: string[], options: AuditExportsOptions = {}): Promise<Report> {
  const filters = options.filters ?? {};
  if (filters.since !== undefined && filters.until !== undefined && filters.since >= filters.until) {
    throw new InputError('--since is not before --until', undefined, 'the period starts at --since and ends before --until');
  }
  const titleIssue = options.title === undefined ? undefined : titleProblem(options.title);
  if (titleIssue) throw new InputError(`title: ${titleIssue}`, undefined, 'pass one line of printable text');
  const baseline = typeof options.baseline === 'string' ? await readBaselineFile(options.baseline) : options.baseline;
  const alternative = await whatIfFramework(options);
  const { framework, loaded } = await readInputs(files, options);
  if (alternative && alternative.framework.defaultCalendar.timezone !== framework.defaultCalendar.timezone) {
    options.onWarning?.(new InputError(`--compare-framework: its time zone ${alternative.framework.defaultCalendar.timezone} differs from `
      + `${framework.defaultCalendar.timezone}; the exports are read once, in ${framework.defaultCalendar.timezone}`));
  }
  for (const w of framework.warnings) options.onWarning?.(w);
  options.onExportsRead?.(loaded);
  const asOf = options.asOf === undefined ? latestInstant(loaded.tickets) : Number(options.asOf);
  const outcome = audit(loaded.tickets, framework, { asOf, assigneeHolds: options.byAssignee === true });
  const whatIf = alternative
    && compareOutcomes(outcome, audit(loaded.tickets, alternative.framework, { asOf, assigneeHolds: false }), alternative.changes);
  const resolved: ReportFilters = {
    ...filters,
    queues: filters.queues?.length ? resolveQueueNames(filters.queues, framework, outcome.flows) : undefined,
  };
  let report = buildReport(filterOutcome(outcome, resolved), framework, {
    tool: options.tool ?? toolInfo(), asOf, inputs: loaded.inputs, events: loaded.events, notes: loaded.notes,
    byAssignee: options.byAssignee === true, filters: resolved, title: options.title?.trim(),
  });
  if (whatIf) report = { ...report, whatIf };
  // Baseline, then redaction: the last steps before any format sees the report.
  if (baseline) {
    report = isFirstAudit(baseline) ? markFirstAudit(report, baseline)
      : compareWithBaseline(report, baseline, filterFindings(baseline.findings, resolved));
  }
  if (options.redact?.length) report = redactReport(report, planRedaction(loaded.tickets, options.redact));
  return report;
}
