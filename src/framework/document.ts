/**
 * The framework file as written (YAML), after structural validation against
 * rules/framework.schema.json. Key names here are a contract: see rules/README.md.
 */
export interface FrameworkDocument {
  version: 1;
  name: string;
  /** Another framework file this one overrides (path relative to this file). */
  extends?: string;
  calendars?: Record<string, CalendarDocument>;
  /** Id of the calendar used by queues that name none. Defaults to the only or first calendar. */
  calendar?: string;
  statuses?: { paused?: string[]; closed?: string[] };
  queues: Record<string, QueueDocument>;
  routing?: RouteDocument[];
  costs?: { currency?: string; hourly?: Record<string, number> };
  rules: RuleDocument[];
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface CalendarDocument {
  timezone: string;
  /** "24x7", or per weekday a list of "HH:MM-HH:MM" spans (several spans for a lunch break). */
  hours: '24x7' | Partial<Record<Weekday, string[]>>;
  /** "YYYY-MM-DD" (that day) or "MM-DD" (every year). */
  holidays?: string[];
}

export interface QueueDocument {
  tier: number;
  purpose?: string;
  /** Queue/board names meaning this queue: exact (case-insensitive) or /regex/flags. */
  match?: string[];
  calendar?: string;
}

export interface RouteDocument {
  when?: ConditionDocument;
  queue: string;
}

export type ConditionDocument =
  | { all: ConditionDocument[] }
  | { any: ConditionDocument[] }
  | { not: ConditionDocument }
  | FieldConditionDocument;

export interface FieldConditionDocument {
  /** A canonical field (status, type, source, onsite, ...). */
  field?: string;
  /** A raw export column, by header name. */
  column?: string;
  equals?: string | number | boolean;
  in?: (string | number)[];
  contains?: string;
  matches?: string;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  exists?: boolean;
}

export type Clock = 'business' | 'wall';

interface RuleBase {
  id: string;
  severity: 'error' | 'warn' | 'info';
  description?: string;
  enabled?: boolean;
  clock?: Clock;
}

export interface UnderEscalatedRuleDocument extends RuleBase {
  check: 'under-escalated';
  from: string | string[];
  to: string | string[];
  when?: ConditionDocument;
  /** Time the ticket may spend in `from` (default 0: as soon as `when` holds). */
  after?: string;
}

export interface OverEscalatedRuleDocument extends RuleBase {
  check: 'over-escalated';
  /** Queues whose entry is judged (default: every queue above the lowest tier). */
  to?: string | string[];
  /** Time the lower queue must have spent before moving up without a criterion. */
  minEffort?: string;
}

export interface MissedDeEscalationRuleDocument extends RuleBase {
  check: 'missed-de-escalation';
  from: string | string[];
  to: string | string[];
  when: ConditionDocument;
  grace?: string;
}

export interface MisroutedRuleDocument extends RuleBase {
  check: 'misrouted';
}

export interface StalledRuleDocument extends RuleBase {
  check: 'stalled';
  /** No activity for this long (business clock unless `clock: wall`). */
  idle?: string;
  /** Open longer than this since creation (wall clock unless `clock: business`). */
  maxAge?: string;
}

export interface PingPongRuleDocument extends RuleBase {
  check: 'ping-pong';
  maxQueueChanges?: number;
  /** Flag any return to a queue the ticket had left (returns under a de-escalation rule excepted). */
  returns?: boolean;
}

export type RuleDocument =
  | UnderEscalatedRuleDocument
  | OverEscalatedRuleDocument
  | MissedDeEscalationRuleDocument
  | MisroutedRuleDocument
  | StalledRuleDocument
  | PingPongRuleDocument;
