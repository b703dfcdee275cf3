import { CATEGORIES } from './categories.js';

export const SEVERITIES = ['error', 'warn', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warn: 2, info: 1 };

export { CATEGORIES };
/** A finding's kind: the id of the check that made it. */
export type Category = (typeof CATEGORIES)[number];

/** Compared with a baseline report (`--baseline`): seen for the first time, or seen before. */
export const FINDING_STATUSES = ['new', 'persisting'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export type EvidenceValue = string | number | boolean | null | string[];

export interface Finding {
  /** Stable across runs: derived from ticket, rule and the instant the finding points at. */
  id: string;
  ticket: string;
  summary: string | null;
  category: Category;
  rule: string;
  severity: Severity;
  queue: string | null;
  expectedQueue: string | null;
  /** ISO-8601 UTC instant the finding points at. */
  at: string;
  message: string;
  /** Business minutes the finding is about (time over the limit, idle time...), when it has one. */
  businessMinutes: number | null;
  /** Estimated cost of the finding in the framework's currency, when rates are set. */
  cost: number | null;
  evidence: Record<string, EvidenceValue>;
  docsUrl: string;
  /** Only when compared with a baseline report. */
  status?: FindingStatus;
}
