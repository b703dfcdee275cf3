import type { InputError } from '../errors.js';
import type { Category, Severity } from '../model/finding.js';
import type { BusinessCalendar } from './calendar.js';
import type { Predicate } from './condition.js';

/** A queue of the framework, with everything the audit needs resolved. */
export interface Queue {
  id: string;
  tier: number;
  purpose: string;
  calendar: BusinessCalendar;
  /** The queue names its own calendar (a client calendar then does not replace it unless it lists the queue). */
  ownCalendar: boolean;
  /** Work may start here (`entry: true`): a way in besides routing; a ticket created here skipped nothing. */
  entry: boolean;
  /** Each team name as exported is a stay of its own (`byTeam: true`): moves between teams of this queue are queue changes. */
  byTeam: boolean;
}

export interface Route {
  when: Predicate | undefined;
  queue: Queue;
}

export interface ClientCalendar {
  when: Predicate;
  calendar: BusinessCalendar;
  /** The queues it applies to; undefined: every queue without a calendar of its own, and unknown queues. */
  queues: Set<Queue> | undefined;
}

export type ClockChoice = 'business' | 'wall';

/** What every compiled rule has; its check's file declares the rest (src/audit/checks/). */
export interface CompiledRule {
  id: string;
  check: Category;
  severity: Severity;
  description: string;
  clock: ClockChoice | undefined;
}

/** A validated framework, ready for the audit: no string lookups left on the hot path. */
export interface Framework {
  name: string;
  /** The file it came from, or "(built-in default)". */
  source: string;
  queues: Queue[];
  defaultCalendar: BusinessCalendar;
  /** Maps a queue/board name from an export to a queue; undefined when the framework does not know it. */
  resolveQueue(name: string | undefined): Queue | undefined;
  /** Maps a value of the tier field ("L2", "Tier 2") to a queue by its `matchTier`; for names no queue matches. */
  resolveTier(value: string | undefined): Queue | undefined;
  isPaused(status: string | undefined): boolean;
  isClosed(status: string | undefined): boolean;
  routing: Route[];
  /** The priority class of a priority as exported (undefined: no class names it). */
  priorityOf(name: string | undefined): string | undefined;
  /** Calendars per client, in the order written: the first whose `when` holds decides. */
  clientCalendars: ClientCalendar[];
  rules: CompiledRule[];
  /** Per canonical field, the values (folded) its conditions compare it with: what the framework places by name. */
  namedValues: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hourly rates per tier (work at a tier it did not need) and for an hour of delay (`delayHourly`, stalls). */
  /** Not errors, but worth a look: enabled rules that can never fire under this framework (file:line:col). */
  warnings: InputError[];
  costs: { currency: string; hourly: Map<number, number>; delayHourly: number | undefined } | undefined;
}
