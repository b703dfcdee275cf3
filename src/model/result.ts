import type { Category, Finding, Severity } from './finding.js';

export const REPORT_SCHEMA_VERSION = '1.2';

export interface InputSummary {
  file: string;
  format: 'csv' | 'json' | 'ndjson';
  preset: string;
  role: 'tickets' | 'history';
  encoding: string;
  rows: number;
  tickets: number;
  /** Bad rows skipped under --max-errors (absent when none were). */
  skippedRows?: number;
}

export interface QueueSummary {
  queue: string;
  tier: number | null;
  tickets: number;
  findings: number;
  byCategory: Record<Category, number>;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
  limitMinutes: number | null;
  overLimit: number;
  /** Share (0..1) of the tickets handled whose time here went over the limit; null without a limit. */
  overLimitRate: number | null;
  /** Share (0..1) of the tickets handled that moved from here up to a higher tier. */
  escalationRate: number | null;
  /** Share (0..1) of the tickets handled that moved from here down to a lower tier. */
  deEscalationRate: number | null;
  /** Share (0..1) of the tickets handled that were closed here without ever being escalated. */
  resolvedWithoutEscalationRate: number | null;
  /** Handovers (to another queue or another assignee) while here, per ticket handled. */
  reassignmentsPerTicket: number | null;
  /** Share (0..1) of the tickets handled with no finding here at or above warn. */
  fitnessScore: number | null;
  /** Cost of the findings in this queue, in the report's currency; null without rates. */
  estimatedCost: number | null;
  /** The counts behind the rates above, in tickets (added in 1.1). */
  escalated: number;
  deEscalated: number;
  resolvedWithoutEscalation: number;
}

/**
 * Per assignee (`--by assignee`): the tickets each person held, the findings made while they held
 * them, and how those tickets moved while in their hands. Shares are of the tickets they held.
 */
export interface AssigneeSummary {
  assignee: string;
  tickets: number;
  findings: number;
  byCategory: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  /** Share (0..1) of their tickets with no finding at or above warn while they held it. */
  fitnessScore: number | null;
  estimatedCost: number | null;
  /** Business minutes they held a ticket (all their events on it, pauses excluded): median and p90 over their tickets. */
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
  /** Share (0..1) of their tickets moved up a tier from an event they held. */
  escalationRate: number | null;
  /** Share (0..1) of their tickets moved down a tier from an event they held. */
  deEscalationRate: number | null;
  /** Share (0..1) of their tickets closed (for good) while they held it, never escalated. */
  resolvedWithoutEscalationRate: number | null;
  /** Handovers away from them (to someone else, or to another queue and someone else) per ticket held. */
  reassignmentsPerTicket: number | null;
}

/** How the fitness score moved since the baseline report (`--baseline`). */
export interface Trend {
  previousAsOf: string;
  previousFitnessScore: number;
  fitnessScore: number;
  delta: number;
  newFindings: number;
  persistingFindings: number;
  resolvedFindings: number;
}

export interface AuditSummary {
  tickets: number;
  events: number;
  findings: number;
  byCategory: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  /** Share (0..1) of tickets without a finding at or above warn. */
  fitnessScore: number;
  /** The cost of the priced findings; null when the framework states no rates or none of the findings is priced. */
  estimatedCost: number | null;
  currency: string | null;
  /** Findings with a cost: the others are of a kind no rate of the framework prices (added in 1.1). */
  pricedFindings: number;
  /** The cost split by kind of finding (each rounded to cents); null when the framework sets no rates. */
  costByCategory: Record<Category, number> | null;
  /** Share (0..1) of tickets that moved up a tier at least once. */
  escalationRate: number | null;
  /** Share (0..1) of tickets that moved down a tier at least once. */
  deEscalationRate: number | null;
  /** Share (0..1) of tickets closed without ever being escalated (first-line resolution). */
  resolvedWithoutEscalationRate: number | null;
  /** Share (0..1) of tickets that went over the time limit of at least one queue. */
  overLimitRate: number | null;
  /** Handovers (to another queue or another assignee) per ticket. */
  reassignmentsPerTicket: number | null;
  /** The counts behind the rates above, in tickets (added in 1.1). */
  escalated: number;
  deEscalated: number;
  resolvedWithoutEscalation: number;
  overLimit: number;
  /** Per tier (the framework's tier numbers as keys), the tickets that reached a queue of it (added in 1.1). */
  reachedTier: Record<string, number>;
  queues: QueueSummary[];
  /** Only with `--by assignee`. */
  assignees?: AssigneeSummary[];
  /** Only with `--baseline`. */
  trend?: Trend;
}

/**
 * What one rule of the framework did over the audited tickets (before report filters): tickets it
 * judged (wholly or in part), fired on, and could not judge from the facts in the data, with why.
 */
export interface RuleCoverage {
  id: string;
  check: Category;
  severity: Severity;
  /** Tickets the rule judged: `partlyJudged` of them only in part. */
  judged: number;
  /** Tickets with at least one finding of the rule. */
  fired: number;
  findings: number;
  /** Tickets the rule could not judge at all (it was not run on them). */
  notJudged: number;
  partlyJudged: number;
  /** Why, with the tickets each reason kept from being judged (`partly`: judged in part). Most tickets first. */
  notJudgedReasons: { reason: string; tickets: number; partly: boolean }[];
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  asOf: string;
  framework: { name: string; source: string };
  inputs: InputSummary[];
  /** What the audit could not judge, in words (e.g. "history not available for 12 tickets"). */
  notes: string[];
  summary: AuditSummary;
  /** Per rule, in the framework's order: judged, fired, not judged and why (additive in 1.1). */
  rules: RuleCoverage[];
  findings: Finding[];
  /** Only with `--baseline`: findings of the baseline report that are no longer present. */
  resolved?: Finding[];
}
