import { round } from '../../model/numbers.js';
import { WALL_CLOCK, type BusinessCalendar } from '../../framework/calendar.js';
import type { CompiledRule, Framework, Queue } from '../../framework/model.js';
import type { FrameworkProblem } from '../../framework/problem.js';
import type { RuleCompileKit, RuleContext, RuleKind, RuleOption } from '../../framework/rule-kind.js';
import type { Category, EvidenceValue } from '../../model/finding.js';
import { docsUrl } from '../docs.js';
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

/**
 * What the data does not let a rule judge on one ticket: nothing of it (the rule is not run), or a
 * part (`partly`: the rule judges the rest). The reason is said in the report, counted per rule.
 */
export interface Limitation { reason: string; partly: boolean }

/** A rule of one check: what every rule has, and that check's own compiled keys. */
export type RuleOf<Id extends Category, Own> = CompiledRule & { check: Id } & Own;

/** Each key of the rule document: required in the schema exactly when the document type requires it. */
type OptionsOf<D> = { readonly [K in keyof D]-?: RuleOption & (undefined extends D[K] ? { required?: false } : { required: true }) };

/**
 * Everything about a check, in its own file: what it is (id, title, description, what it needs from
 * the data), the keys its rules take (typed, with the schema fragment rules/framework.schema.json is
 * generated from), how a rule compiles, and how it judges a ticket. `R` is its compiled rule, `D`
 * the keys of its rule document besides the ones every rule has.
 */
export interface Check<R extends CompiledRule = CompiledRule, D extends object = object> extends RuleKind {
  readonly id: R['check'];
  /** A few words, as in "what is judged: stalled (idle or aged)". */
  readonly title: string;
  /** One line: what a finding of it means (the README's table of findings). */
  readonly description: string;
  /** What it needs from the data (rules/README.md, "What a check needs from the data"). */
  readonly needs: string;
  /** Its section in rules/README.md, from its id. */
  readonly docsUrl: string;
  readonly options: OptionsOf<D>;
  compile(doc: D, kit: RuleCompileKit): Omit<R, keyof CompiledRule>;
  moves?(rule: R): { from: Iterable<Queue>; to: Iterable<Queue> };
  problems?(rule: R, context: RuleContext): FrameworkProblem[];
  neverFires?(rule: R, context: RuleContext): { message: string; hint: string } | undefined;
  /** What this rule cannot judge on this ticket from the facts in the export; undefined when it can judge all of it. */
  limits(replay: TicketReplay, rule: R): Limitation | undefined;
  run(replay: TicketReplay, rule: R, framework: Framework): Observation[];
  /** Why the rule did not fire on this ticket, in plain words (for `explain`). */
  whyNot(replay: TicketReplay, rule: R, framework: Framework): string;
  /** Whether a rule of the framework is one of this check's (narrows it to `R`). */
  owns(rule: CompiledRule): rule is R;
  /**
   * The quantities the rule's limits apply to on this ticket, each the ticket's worst case on the
   * rule's clock (for the framework's fit); none when nothing the rule limits happened to it, or
   * when the check has no limit.
   */
  measure(replay: TicketReplay, rule: R, framework: Framework): Measurement[];
  /**
   * `run` and `measure` of one ticket at once (what the audit does when it tallies the fit): a check
   * whose two rest on the same stays, spells or entries works them out once. Default: the two in turn.
   */
  judge(replay: TicketReplay, rule: R, framework: Framework): Judged;
}

/** What `judge` gives: the rule's observations on a ticket, and the quantities its limits apply to. */
export interface Judged { observations: Observation[]; measurements: Measurement[] }

export function defineCheck<R extends CompiledRule, D extends object = Record<never, never>>(
  check: Omit<Check<R, D>, 'docsUrl' | 'owns' | 'judge'> & Partial<Pick<Check<R, D>, 'judge'>>): Check<R, D> {
  const judge = check.judge
    ?? ((replay: TicketReplay, rule: R, framework: Framework): Judged => ({
      observations: check.run(replay, rule, framework), measurements: check.measure(replay, rule, framework),
    }));
  return { ...check, judge, docsUrl: docsUrl(check.id), owns: (rule): rule is R => rule.check === check.id };
}

/** Schema fragments the checks' keys share (definitions of rules/framework.schema.json). */
export const OPTION_SCHEMAS = {
  limit: { $ref: '#/definitions/limit' },
  queueRefs: { $ref: '#/definitions/queueRefs' },
  condition: { $ref: '#/definitions/condition' },
  names: { $ref: '#/definitions/names' },
} as const;

export { round };

/** A ticket's worst case of one limited quantity: the largest (the smallest for a minimum), none when nothing was measured. */
export function worst(key: string, values: readonly number[], atLeast = false): Measurement[] {
  if (values.length === 0) return [];
  return [{ key, value: round(atLeast ? Math.min(...values) : Math.max(...values)), ...(atLeast ? { atLeast } : {}) }];
}

/** "business time" or "wall time", for messages about a clock. */
export const clockWords = (calendar: BusinessCalendar): string => `${calendar === WALL_CLOCK ? 'wall' : 'business'} time`;

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
