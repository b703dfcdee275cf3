import { SEVERITY_RANK, type Finding } from '../model/finding.js';
import { byPriority } from './group.js';

/** Queues and assignees each format shows by name; the rest are one line (JSON, CSV and xlsx have them all). */
export const TOP_ROWS = 15;

/** Findings of one kind shown in full in HTML, Markdown and the mail unless --all-findings (or --findings-per-kind). */
export const DEFAULT_FINDINGS_PER_KIND = 25;

interface Ranked { findings: number; estimatedCost: number | null }

/** What the rows left out add up to; `cost` only when a finding among them was priced, `partlyPriced` when some were not. */
export interface Rest { rows: number; findings: number; tickets: number; cost: number | null; partlyPriced: boolean }

const name = (row: object) => ('queue' in row ? String(row.queue) : 'assignee' in row ? String(row.assignee) : '');

/**
 * The top rows by findings, then cost, then name, and the others summed up; all of them in their
 * own order (queues the framework's, tiers first) when none is left out.
 */
export function topRows<T extends Ranked & { tickets: number }>(rows: readonly T[], limit = TOP_ROWS): { shown: T[]; rest: Rest | undefined } {
  if (rows.length <= limit) return { shown: [...rows], rest: undefined };
  const sorted = [...rows].sort((a, b) => b.findings - a.findings || (b.estimatedCost ?? 0) - (a.estimatedCost ?? 0)
    || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  const left = sorted.slice(limit);
  // A row without findings costs 0 by the JSON's contract: that is not a price, and must not make the rest look priced.
  const withFindings = left.filter((r) => r.findings > 0);
  const priced = withFindings.filter((r) => r.estimatedCost !== null);
  return {
    shown: sorted.slice(0, limit),
    rest: {
      rows: left.length,
      findings: left.reduce((n, r) => n + r.findings, 0),
      tickets: left.reduce((n, r) => n + r.tickets, 0),
      cost: priced.length === 0 ? null : Math.round(priced.reduce((n, r) => n + r.estimatedCost!, 0) * 100) / 100,
      partlyPriced: priced.length > 0 && priced.length < withFindings.length,
    },
  };
}

/** Worst first: severity, then cost, then the time past the limit (business minutes), then the usual order. */
export function worstFirst(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
    || (b.cost ?? -1) - (a.cost ?? -1)
    || (b.businessMinutes ?? -1) - (a.businessMinutes ?? -1)
    || byPriority(a, b);
}

/** The worst `limit` findings of a kind, and how many more there are. */
export function worstFindings(group: readonly Finding[], limit: number): { shown: Finding[]; more: number } {
  const sorted = [...group].sort(worstFirst);
  return { shown: sorted.slice(0, Math.max(0, limit)), more: Math.max(0, sorted.length - Math.max(0, limit)) };
}

/** `12 more stalled findings are not shown: the full list is in findings.csv.` */
export function moreLine(more: number, kind: string, fullList: string | undefined): string {
  const where = fullList ?? 'run again with --all-findings, or write them all with -f csv or -f xlsx';
  return `${more.toLocaleString('en-US')} more ${kind} ${more === 1 ? 'finding is' : 'findings are'} not shown here, the least severe and costly: ${fullList ? `the full list is ${where}` : where}.`;
}
