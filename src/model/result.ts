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
  /**
   * Every audit of the series, oldest first, this one last (added in 1.2): the baseline's points
   * carried forward, so one baseline file draws the whole line. At most {@link MAX_TREND_POINTS}.
   */
  points: TrendPoint[];
}

/** One audit of a series: when, its fitness score and its findings (added in 1.2). */
export interface TrendPoint {
  asOf: string;
  fitnessScore: number;
  findings: number;
}

/** A series keeps its latest points: eight years of monthly audits, or a quarter of nightly ones. */
export const MAX_TREND_POINTS = 100;

/**
 * One move between two queues (added in 1.2), of the tickets whose history shows it: `up` to a
 * higher tier, `down` to a lower one, `across` otherwise (a queue without a tier on either side).
 */
export interface QueueMove {
  from: string;
  to: string;
  direction: 'up' | 'down' | 'across';
  /** Tickets that made this move at least once. */
  tickets: number;
  /** Of those, tickets with a finding on this move: a skipped tier, a misrouting into `to`. */
  flagged: number;
}

/** A move the framework asked for and the ticket did not make (missed de-escalation, misrouted), per ticket (added in 1.2). */
export interface MissedMove {
  from: string;
  to: string;
  category: Category;
  tickets: number;
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
  /** The moves between queues the tickets made, most tickets first (added in 1.2). */
  moves: QueueMove[];
  /** The moves findings say should have been made and were not (added in 1.2). */
  missedMoves: MissedMove[];
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

/** The first and the last event of the audited tickets, up to the as-of time (added in 1.2). */
export interface Period {
  from: string;
  to: string;
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  asOf: string;
  /** `timezone` (added in 1.2): the zone of the default calendar, in which the human formats show times. */
  framework: { name: string; source: string; timezone: string };
  inputs: InputSummary[];
  /** What the audit could not judge, in words (e.g. "history not available for 12 tickets"). */
  notes: string[];
  summary: AuditSummary;
  /** Per rule, in the framework's order: judged, fired, not judged and why (additive in 1.1). */
  rules: RuleCoverage[];
  /** `--title`: the client or engagement the report is for; null without one (added in 1.2). */
  title: string | null;
  /** Null when no ticket has an event (added in 1.2). */
  period: Period | null;
  findings: Finding[];
  /** Whether the framework still fits the data: per rule figures, what it does not place, paths taken (added in 1.2). */
  fit: FrameworkFit;
  /** Only with `--set` or `--compare-framework`: the judgement rerun under the changed framework (added in 1.2). */
  whatIf?: WhatIf;
  /** Only with `--baseline`: findings of the baseline report that are no longer present. */
  resolved?: Finding[];
}

/** The distribution of a measured quantity over the judged tickets (nearest-rank percentiles). */
export interface Percentiles { p50: number; p90: number; p95: number; max: number }

/** The limit at which 80 / 90 / 95 % of the judged tickets would have complied. */
export interface ComplyAt { p80: number; p90: number; p95: number }

/** One limit of a rule, beside what the tickets it judged measured on the rule's clock. */
export interface LimitFit {
  /** The rule key (`after`, `idle`, `maxQueueChanges`...). */
  key: string;
  /** As written: a duration ("30m"), a count, or per priority ({ p1: "15m", default: "1h" }). */
  limit: string | number | Record<string, string>;
  unit: 'minutes' | 'count';
  /** A minimum (`minEffort`): a ticket complies at or above it; `complyAt` is then the highest limit that many would meet. */
  atLeast: boolean;
  /** Tickets with a measured value (the worst of each ticket). */
  tickets: number;
  measured: Percentiles | null;
  /** null when no ticket was measured, or when the limit differs by priority (one figure cannot stand for it). */
  complyAt: ComplyAt | null;
}

export type FitVerdict = 'not-judged' | 'never-fired' | 'fires-on-most' | 'fires-on-some';

export interface RuleFit {
  id: string;
  check: Category;
  judged: number;
  fired: number;
  notJudged: number;
  /** The rule's main limit (its first in `limits`), null for rules without one. */
  limit: LimitFit['limit'] | null;
  measured: Percentiles | null;
  complyAt: ComplyAt | null;
  /** Every limit of the rule, in the order of the rule's keys. */
  limits: LimitFit[];
  /** Why it could not judge the `notJudged` tickets (and those it judged only in part), as in `rules[]`. */
  notJudgedReasons: RuleCoverage['notJudgedReasons'];
  verdict: FitVerdict;
  /** The verdict in plain words, with what the figures suggest and what they cannot tell. */
  advice: string;
}

export interface Unplaced {
  /** Queue names in the exports that no queue of the framework matches. */
  queues: { name: string; tickets: number }[];
  /** Statuses in the exports listed neither as paused nor as closed, nor named by a condition; `looksLike` when the name suggests a pause or a closure. */
  statuses: { name: string; tickets: number; looksLike: 'pause' | 'closure' | null }[];
  /** Type, subtype and source values of tickets that no routing entry places (none listed when the framework has no routing). */
  values: { field: 'type' | 'subtype' | 'source'; value: string; tickets: number }[];
}

export interface PathFit {
  from: string;
  to: string;
  /** Tickets that moved from `from` straight to `to` at least once. */
  tickets: number;
  /** A rule names this move (its `from` and `to`), or it took every one of these tickets to its routing home. */
  described: boolean;
  /** What describes it: rule ids, and `routing`. */
  by: string[];
}

export interface FrameworkFit {
  rules: RuleFit[];
  unplaced: Unplaced;
  /** Queue-to-queue moves of the tickets with history, most tickets first. */
  paths: PathFit[];
}

export type WhatIfChange =
  | { kind: 'set'; rule: string; key: string; from: unknown; to: unknown }
  | { kind: 'framework'; from: string; to: string };

export interface WhatIf {
  changes: WhatIfChange[];
  /** Per rule of either framework: findings before and after, tickets fired on, and which framework has it. */
  rules: { id: string; before: number; after: number; ticketsBefore: number; ticketsAfter: number; present: 'both' | 'before' | 'after' }[];
  /** Tickets whose findings changed (a finding added, gone, or moved in time), with the rules that changed. */
  tickets: { ticket: string; rules: { id: string; before: number; after: number }[] }[];
}
