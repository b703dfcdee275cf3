import type { Category } from '../model/finding.js';

/**
 * The framework file as written (YAML), after structural validation against
 * rules/framework.schema.json. Key names here are a contract: see rules/README.md.
 */
export interface FrameworkDocument {
  version: 1;
  name: string;
  /** A base framework this one overrides: a path relative to this file, or builtin:<template id>. Resolved (and removed) when loading. */
  extends?: string;
  calendars?: Record<string, CalendarDocument>;
  /** Id of the calendar used by queues that name none. Defaults to the only or first calendar. */
  calendar?: string;
  statuses?: { paused?: string[]; closed?: string[] };
  queues: Record<string, QueueDocument>;
  routing?: RouteDocument[];
  costs?: { currency?: string; hourly?: Record<string, number>; delayHourly?: number };
  /** Priority classes: id -> the priority names in exports that mean it (exact, case-insensitive, or /regex/flags). */
  priorities?: Record<string, string[]>;
  /** Calendars per client: the first entry whose `when` holds on the ticket decides. */
  clientCalendars?: ClientCalendarDocument[];
  rules: RuleDocument[];
}

export interface ClientCalendarDocument {
  when: ConditionDocument;
  calendar: string;
  /** Queues where this calendar applies (default: every queue that names no calendar of its own). */
  queues?: string | string[];
}

/** A duration, or a mapping of priority class ids (and `default`) to durations. */
export type LimitDocument = string | Record<string, string>;

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
  /** Values of the tier field meaning this queue, for names no queue matches: exact (case-insensitive) or /regex/flags. */
  matchTier?: string[];
  calendar?: string;
  /** Work may start here: a way in besides routing, and a ticket created here did not skip a tier. */
  entry?: boolean;
  /** Each team name of the export is a queue of its own (for queues found by `matchTier` or a pattern). */
  byTeam?: boolean;
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
  /** A fact of the ticket's timeline at the moment judged. */
  fact?: Fact;
  /** Time facts only: the clock the time is measured on. */
  clock?: Clock;
  equals?: string | number | boolean;
  in?: (string | number)[];
  contains?: string;
  matches?: string;
  /** Numbers, or durations (30m, 2h) for time facts. */
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  exists?: boolean;
}

export type Fact = 'timeInQueue' | 'sinceCreated' | 'idle' | 'queueChanges' | 'enteredDirectly' | 'returned' | 'statusSeen';

export type Clock = 'business' | 'wall';

/** A rule as written; its check's file (src/audit/checks/) declares the keys it takes besides these. */
export interface RuleDocument {
  id: string;
  check: Category;
  severity: 'error' | 'warn' | 'info';
  description?: string;
  enabled?: boolean;
  clock?: Clock;
  [key: string]: unknown;
}
