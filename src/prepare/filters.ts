import { InputError } from '../errors.js';
import { suggest } from '../text/did-you-mean.js';
import type { Framework } from '../framework/model.js';
import { SEVERITY_RANK, type Category, type Finding, type Severity } from '../model/finding.js';
import type { AuditOutcome } from '../audit/audit.js';
import type { TicketFlow } from '../audit/ticket-flow.js';

/** What a report is narrowed to (`--since --until --queue --category --min-severity`). */
export interface ReportFilters {
  /** Epoch ms, inclusive. */
  since?: number | undefined;
  /** Epoch ms, exclusive. */
  until?: number | undefined;
  /** Queue names as the report writes them (framework ids, or the export's names for unknown queues). */
  queues?: string[] | undefined;
  categories?: Category[] | undefined;
  minSeverity?: Severity | undefined;
}

export function hasFilters(f: ReportFilters): boolean {
  return f.since !== undefined || f.until !== undefined || !!f.queues?.length || !!f.categories?.length || f.minSeverity !== undefined;
}

/** Findings inside the filters: `at` in the period, in one of the queues, of one of the categories, severe enough. */
export function filterFindings(findings: Finding[], f: ReportFilters): Finding[] {
  const queues = f.queues?.length ? new Set(f.queues) : undefined;
  const categories = f.categories?.length ? new Set(f.categories) : undefined;
  const floor = f.minSeverity ? SEVERITY_RANK[f.minSeverity] : 0;
  return findings.filter((x) => {
    const at = Date.parse(x.at);
    return (f.since === undefined || at >= f.since) && (f.until === undefined || at < f.until)
      && (!queues || (x.queue !== null && queues.has(x.queue)))
      && (!categories || categories.has(x.category))
      && SEVERITY_RANK[x.severity] >= floor;
  });
}

/**
 * Narrows an audit: the findings as {@link filterFindings}; the tickets (which the metrics count) to
 * those open at some time in the period and, with queues, that passed through one of them.
 * Categories and severity narrow findings only: the tickets stay, so fitness stays a share of all.
 */
export function filterOutcome(outcome: AuditOutcome, f: ReportFilters): AuditOutcome {
  if (!hasFilters(f)) return outcome;
  const queues = f.queues?.length ? new Set(f.queues) : undefined;
  const flows = outcome.flows.filter((t) => openDuring(t, f) && (!queues || t.visits.some((v) => queues.has(v.queue))));
  const kept = new Set(flows.map((t) => t.ticket.id));
  return { ...outcome, flows, findings: filterFindings(outcome.findings, f).filter((x) => kept.has(x.ticket)) };
}

function openDuring(t: TicketFlow, f: ReportFilters): boolean {
  if (f.until !== undefined && t.firstAt >= f.until) return false;
  return !(f.since !== undefined && t.endedClosed && t.lastAt < f.since);
}

/**
 * `--queue` names to the report's queue names: a framework queue by id or by any board name it
 * knows, or a queue name seen in the export. Anything else is an error, never an empty report.
 */
export function resolveQueueNames(names: string[], framework: Framework, flows: TicketFlow[]): string[] {
  const seen = new Set<string>();
  for (const t of flows) for (const q of t.unknownQueues) seen.add(q);
  return names.flatMap((name) => {
    const queue = framework.queues.find((q) => q.id === name) ?? framework.resolveQueue(name);
    if (queue) return [queue.id];
    const raw = [...seen].filter((s) => s.trim().toLowerCase() === name.trim().toLowerCase());
    if (raw.length) return raw;
    const valid = [...framework.queues.map((q) => q.id), ...seen];
    const guess = suggest(name, valid);
    throw new InputError(`--queue "${name}": no such queue in the framework or the export`, undefined,
      `${guess ? `did you mean "${guess}"? ` : ''}expected one of: ${valid.join(', ')}`);
  });
}

/** How the note naming the report's filters begins: the filters the user chose, not something the audit could not judge. */
export const FILTERED_NOTE = 'filtered to ';

/** The filters in words, for the report's notes. */
export function describeFilters(f: ReportFilters): string | undefined {
  if (!hasFilters(f)) return undefined;
  const parts: string[] = [];
  if (f.since !== undefined || f.until !== undefined) {
    parts.push(`findings ${f.since !== undefined ? `from ${new Date(f.since).toISOString()} ` : ''}${f.until !== undefined ? `before ${new Date(f.until).toISOString()}` : ''}`.trim()
      + ' and the tickets open in that period');
  }
  if (f.queues?.length) parts.push(`queues ${f.queues.join(', ')}`);
  if (f.categories?.length) parts.push(`categories ${f.categories.join(', ')}`);
  if (f.minSeverity) parts.push(`severity ${f.minSeverity} and above`);
  return `${FILTERED_NOTE}${parts.join('; ')}`;
}
