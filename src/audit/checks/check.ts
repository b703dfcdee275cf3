import { WALL_CLOCK, type BusinessCalendar } from '../../framework/calendar.js';
import type { CompiledRule, Framework, Queue, RuleOf } from '../../framework/model.js';
import type { Category, EvidenceValue } from '../../model/finding.js';
import type { TicketReplay } from '../replay.js';
import type { Measurement } from '../fit-tally.js';

export type { Measurement };

/** What a check says about one ticket; the engine adds id, severity, docs link and cost. */
export interface Observation {
  at: number;
  queue: Queue | undefined;
  /** The queue name as exported, when the framework does not know it. */
  rawQueue?: string | undefined;
  expectedQueue: Queue | undefined;
  message: string;
  businessMinutes: number | null;
  /** Business minutes of work done at `tier` that belonged at `homeTier`: priced at the difference of their hourly rates. */
  costedMinutes?: { minutes: number; tier: number; homeTier: number };
  /** Business minutes a ticket waited past a limit: priced only at the framework's `costs.delayHourly`. */
  delayMinutes?: number;
  evidence: Record<string, EvidenceValue>;
}

export interface CheckMeta {
  id: Category;
  title: string;
  description: string;
}

/**
 * What the data does not let a rule judge on one ticket: nothing of it (the rule is not run), or a
 * part (`partly`: the rule judges the rest). The reason is said in the report, counted per rule.
 */
export interface Limitation { reason: string; partly: boolean }

export interface Check<C extends Category> {
  meta: CheckMeta & { id: C };
  /** What this rule cannot judge on this ticket from the facts in the export; undefined when it can judge all of it. */
  limits(replay: TicketReplay, rule: RuleOf<C>): Limitation | undefined;
  run(replay: TicketReplay, rule: RuleOf<C>, framework: Framework): Observation[];
  /** Why the rule did not fire on this ticket, in plain words (for `explain`). */
  whyNot(replay: TicketReplay, rule: RuleOf<C>, framework: Framework): string;
  /**
   * The quantities the rule's limits apply to on this ticket, each the ticket's worst case on the
   * rule's clock (for the framework's fit); none when nothing the rule limits happened to it.
   */
  measure?(replay: TicketReplay, rule: RuleOf<C>, framework: Framework): Measurement[];
}

export const round = (n: number) => Math.round(n * 100) / 100;

/** A ticket's worst case of one limited quantity: the largest (the smallest for a minimum), none when nothing was measured. */
export function worst(key: string, values: readonly number[], atLeast = false): Measurement[] {
  if (values.length === 0) return [];
  return [{ key, value: round(atLeast ? Math.min(...values) : Math.max(...values)), ...(atLeast ? { atLeast } : {}) }];
}

/** "business time" or "wall time", for messages about a clock. */
export const clockWords = (calendar: BusinessCalendar): string => `${calendar === WALL_CLOCK ? 'wall' : 'business'} time`;

/** A check seen through the rule it judges (the registry's type cannot tie each rule to its own check). */
export interface CheckOf<R extends CompiledRule> {
  limits(replay: TicketReplay, rule: R): Limitation | undefined;
  run(replay: TicketReplay, rule: R, framework: Framework): Observation[];
  whyNot(replay: TicketReplay, rule: R, framework: Framework): string;
  measure?(replay: TicketReplay, rule: R, framework: Framework): Measurement[];
}

/** A ticket list row: where the ticket is and when it was last updated, not how it got there. */
export const withoutHistory = (replay: TicketReplay): boolean => replay.ticket.history === 'snapshot';

/** A ticket list row whose export counts no queue change: it was created in the queue it is in. */
export const neverMoved = (replay: TicketReplay): boolean => withoutHistory(replay) && replay.ticket.queueChanges === 0;

/** "ticket list without history: the data does not show <what>" (noting a counter that says the ticket moved). */
export function noHistory(replay: TicketReplay, what: string, partly = false): Limitation {
  const counted = replay.ticket.queueChanges;
  const moved = counted !== undefined && counted > 0 ? ' whose counter says it changed queues' : '';
  return { reason: `ticket list without history${moved}: the data does not show ${what}`, partly };
}
