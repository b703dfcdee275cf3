import type { Severity } from '../model/finding.js';
import type { BusinessCalendar } from './calendar.js';
import type { Duration } from './duration.js';
import type { Predicate } from './condition.js';

/** A queue of the framework, with everything the audit needs resolved. */
export interface Queue {
  id: string;
  tier: number;
  purpose: string;
  calendar: BusinessCalendar;
}

export interface Route {
  when: Predicate | undefined;
  queue: Queue;
}

export type ClockChoice = 'business' | 'wall';

interface CompiledRuleBase {
  id: string;
  severity: Severity;
  description: string;
  clock: ClockChoice | undefined;
}

export interface UnderEscalatedRule extends CompiledRuleBase {
  check: 'under-escalated';
  from: Set<Queue>;
  to: Queue[];
  when: Predicate | undefined;
  after: Duration;
}

export interface OverEscalatedRule extends CompiledRuleBase {
  check: 'over-escalated';
  to: Set<Queue>;
  minEffort: Duration;
}

export interface MissedDeEscalationRule extends CompiledRuleBase {
  check: 'missed-de-escalation';
  from: Set<Queue>;
  to: Queue[];
  when: Predicate;
  grace: Duration;
}

export interface MisroutedRule extends CompiledRuleBase {
  check: 'misrouted';
}

export interface StalledRule extends CompiledRuleBase {
  check: 'stalled';
  idle: Duration | undefined;
  maxAge: Duration | undefined;
}

export interface PingPongRule extends CompiledRuleBase {
  check: 'ping-pong';
  maxQueueChanges: number | undefined;
  returns: boolean;
}

export type CompiledRule =
  | UnderEscalatedRule
  | OverEscalatedRule
  | MissedDeEscalationRule
  | MisroutedRule
  | StalledRule
  | PingPongRule;

export type RuleOf<C extends CompiledRule['check']> = Extract<CompiledRule, { check: C }>;

/** A validated framework, ready for the audit: no string lookups left on the hot path. */
export interface Framework {
  name: string;
  /** The file it came from, or "(built-in default)". */
  source: string;
  queues: Queue[];
  defaultCalendar: BusinessCalendar;
  /** Maps a queue/board name from an export to a queue; undefined when the framework does not know it. */
  resolveQueue(name: string | undefined): Queue | undefined;
  isPaused(status: string | undefined): boolean;
  isClosed(status: string | undefined): boolean;
  routing: Route[];
  rules: CompiledRule[];
  costs: { currency: string; hourly: Map<number, number> } | undefined;
}
