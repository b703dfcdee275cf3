import type { Category } from '../model/finding.js';
import type { Predicate } from './condition.js';
import type { ConditionDocument, FrameworkDocument, LimitDocument } from './document.js';
import type { Limit } from './limit.js';
import type { CompiledRule, Queue, Route } from './model.js';
import type { DocumentPath, FrameworkProblem, ProblemMore } from './problem.js';

/**
 * What the framework knows of a check: the keys of its rules and how they compile. The checks
 * themselves (src/audit/checks/, one file each) are handed to `compileFramework`: this floor never
 * imports them.
 */
export interface RuleKind {
  readonly id: Category;
  /** The check's own keys, besides the ones every rule has (id, check, severity, description, enabled, clock). */
  readonly options: Readonly<Record<string, RuleOption>>;
  /** The check's own part of a compiled rule, from a rule document that passed the schema. */
  compile(doc: object, kit: RuleCompileKit): object;
  /** The queues an enabled rule moves work from and to: what makes a queue reachable. */
  moves?(rule: CompiledRule): { from: Iterable<Queue>; to: Iterable<Queue> };
  /** Problems of the meaning pass only visible across rules (run once every reference resolves). */
  problems?(rule: CompiledRule, context: RuleContext): FrameworkProblem[];
  /** Why no ticket could ever make this rule fire under this framework (a warning), if so. */
  neverFires?(rule: CompiledRule, context: RuleContext): { message: string; hint: string } | undefined;
}

export type RuleKinds = Readonly<Record<Category, RuleKind>>;

/** Keys every rule has, whatever its check (a check's options come after them). */
export const RULE_BASE_KEYS = ['id', 'check', 'severity', 'description', 'enabled', 'clock'] as const;

/** One key of a check's rules: its JSON Schema (a fragment of rules/framework.schema.json) and what it means there. */
export interface RuleOption {
  schema: Readonly<Record<string, unknown>>;
  /** One sentence, for editors (the schema's description) and `validate`. */
  description: string;
  required?: boolean;
}

/** What a check's `compile` works with: references resolved and problems reported at the rule's keys. */
export interface RuleCompileKit {
  readonly queues: readonly Queue[];
  /** Queue ids written under `key` (one or a list), resolved; unknown ids are reported and left out. */
  queueRefs(key: string, ids: string | string[] | undefined): Queue[];
  limit(key: string, doc: LimitDocument | undefined, fallback?: string): Limit;
  optionalLimit(key: string, doc: LimitDocument | undefined): Limit | undefined;
  /** A condition already checked for structure (every rule's `when` is, before its check compiles it). */
  condition(doc: ConditionDocument): Predicate;
  /** A problem at the rule (`at` empty) or at a path below it. */
  report(at: DocumentPath, message: string, more?: ProblemMore): void;
  reportUnknown(at: DocumentPath, kind: string, name: string, known: readonly string[], whenNoneKnown: string): void;
  /** `queue "x" is in both from and to` when the lists share a queue. */
  reportOverlap(from: readonly Queue[], to: readonly Queue[]): void;
  /** `statuses.paused` as written. */
  readonly pausedStatuses: readonly string[];
}

/** What the cross checks of one rule see: the framework compiled so far and where the rule was written. */
export interface RuleContext {
  readonly doc: FrameworkDocument;
  readonly queues: readonly Queue[];
  readonly routing: readonly Route[];
  /** Enabled rules only: a disabled rule constrains nothing. */
  readonly rules: readonly CompiledRule[];
  readonly pausedStatuses: number;
  readonly closedStatuses: number;
  /** Where the rule is in the document's `rules`. */
  index(rule: CompiledRule): number;
  /** Whether the rule's document sets `key` (rather than leaving it to its default). */
  written(rule: CompiledRule, key: string): boolean;
}
