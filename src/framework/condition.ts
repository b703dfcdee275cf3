import { parseSlashPattern, toPattern as compiledPattern, type Pattern } from './safe-pattern.js';
import type { Clock, ConditionDocument, Fact, FieldConditionDocument } from './document.js';
import { durationMinutes, parseDuration, type Duration } from './duration.js';

export const TIME_FACTS = ['timeInQueue', 'sinceCreated', 'idle'] as const;
export type TimeFact = (typeof TIME_FACTS)[number];

export const isTimeFact = (fact: string | undefined): fact is TimeFact => (TIME_FACTS as readonly string[]).includes(fact ?? '');

/** The timeline of a ticket at the moment judged, as conditions see it. */
export interface TimelineFacts {
  /** Minutes of a time fact at the moment, and the day length of the calendar measuring them (for `d`). */
  time(fact: TimeFact, clock: Clock | undefined): { minutes: number; dayMinutes: number };
  readonly queueChanges: number;
  /** The ticket was created in the queue it is in (never in another one before). */
  readonly enteredDirectly: boolean;
  /** The ticket is back in a queue it had left. */
  readonly returned: boolean;
  /** Every status the ticket has had up to the moment. */
  readonly statusesSeen: readonly string[];
}

/** What a condition can look at: canonical fields and raw columns of a ticket at one moment, and its timeline. */
export interface FieldView {
  field(name: string): string | undefined;
  column(name: string): string | undefined;
  /** Absent where no timeline is at hand: fact conditions then do not hold. */
  facts?: TimelineFacts | undefined;
}

/** A time threshold inside a condition: where a scan must look again, because the condition may change there. */
export interface TimeBound {
  fact: TimeFact;
  clock: Clock | undefined;
  bound: Duration;
}

export type Predicate = ((view: FieldView) => boolean) & { readonly timeBounds: readonly TimeBound[] };

const lower = (s: string) => s.trim().toLowerCase();

const predicate = (test: (view: FieldView) => boolean, timeBounds: readonly TimeBound[]): Predicate =>
  Object.assign(test, { timeBounds });

/**
 * Compiles a validated condition into a closure. Text comparisons ignore case and surrounding space,
 * because exports spell the same value "On-Site", "on-site " and "ON-SITE".
 */
export function compileCondition(doc: ConditionDocument): Predicate {
  if ('all' in doc) {
    const parts = doc.all.map(compileCondition);
    return predicate((v) => parts.every((p) => p(v)), parts.flatMap((p) => p.timeBounds));
  }
  if ('any' in doc) {
    const parts = doc.any.map(compileCondition);
    return predicate((v) => parts.some((p) => p(v)), parts.flatMap((p) => p.timeBounds));
  }
  if ('not' in doc) {
    const inner = compileCondition(doc.not);
    return predicate((v) => !inner(v), inner.timeBounds);
  }
  if (isTimeFact(doc.fact)) return compileTimeFact(doc.fact, doc);
  if (doc.fact !== undefined) return compileFact(doc.fact, doc);
  return predicate(compileFieldCondition(doc), []);
}

const COMPARISONS = ['gt', 'gte', 'lt', 'lte'] as const;

function compileTimeFact(fact: TimeFact, doc: FieldConditionDocument): Predicate {
  const bounds: { op: (typeof COMPARISONS)[number]; bound: Duration }[] = [];
  for (const op of COMPARISONS) {
    const d = doc[op] === undefined ? undefined : parseDuration(String(doc[op]));
    if (d) bounds.push({ op, bound: d });
  }
  const test = (v: FieldView): boolean => {
    if (!v.facts) return false;
    const { minutes, dayMinutes } = v.facts.time(fact, doc.clock);
    return bounds.every(({ op, bound }) => compare(op, minutes, durationMinutes(bound, { dayMinutes })));
  };
  return predicate(test, bounds.map(({ bound }) => ({ fact, clock: doc.clock, bound })));
}

function compare(op: (typeof COMPARISONS)[number], a: number, b: number): boolean {
  switch (op) {
    case 'gt': return a > b;
    case 'gte': return a >= b;
    case 'lt': return a < b;
    case 'lte': return a <= b;
  }
}

function compileFact(fact: Fact, doc: FieldConditionDocument): Predicate {
  const test = compileTest(doc);
  return predicate((v) => {
    const f = v.facts;
    if (!f) return false;
    switch (fact) {
      case 'queueChanges': return test(String(f.queueChanges));
      case 'enteredDirectly': return test(String(f.enteredDirectly));
      case 'returned': return test(String(f.returned));
      // True when any status seen so far passes the test.
      case 'statusSeen': return f.statusesSeen.some((s) => test(s));
      default: return false;
    }
  }, []);
}

function compileFieldCondition(doc: FieldConditionDocument): (view: FieldView) => boolean {
  const read = doc.field !== undefined
    ? ((name: string) => (v: FieldView) => v.field(name))(doc.field)
    : ((name: string) => (v: FieldView) => v.column(name))(doc.column ?? '');
  const test = compileTest(doc);
  return (v) => test(read(v));
}

type ValueTest = (value: string | undefined) => boolean;

function compileTest(doc: FieldConditionDocument): ValueTest {
  if (doc.exists !== undefined) {
    const want = doc.exists;
    return (x) => (x !== undefined && x.trim() !== '') === want;
  }
  if (doc.equals !== undefined) {
    const want = lower(String(doc.equals));
    return (x) => x !== undefined && lower(x) === want;
  }
  if (doc.in !== undefined) {
    const set = new Set(doc.in.map((s) => lower(String(s))));
    return (x) => x !== undefined && set.has(lower(x));
  }
  if (doc.contains !== undefined) {
    const needle = lower(doc.contains);
    return (x) => x !== undefined && lower(x).includes(needle);
  }
  if (doc.matches !== undefined) {
    const re = toPattern(doc.matches);
    return (x) => x !== undefined && re.test(x);
  }
  return compileNumericTest(doc);
}

function compileNumericTest(doc: FieldConditionDocument): ValueTest {
  const checks: ((n: number) => boolean)[] = [];
  for (const op of COMPARISONS) {
    const b = doc[op];
    if (typeof b === 'number') checks.push((n) => compare(op, n, b));
  }
  return (x) => {
    if (x === undefined || x.trim() === '') return false;
    const n = Number(x.trim().replace(',', '.'));
    return Number.isFinite(n) && checks.every((c) => c(n));
  };
}

/** `/body/flags` is a regular expression; a bare `matches` is one too, case-insensitive. Matched by RE2 (linear time). */
export function toPattern(text: string): Pattern {
  return parseSlashPattern(text) ? compiledPattern(text) : compiledPattern(text, 'i');
}

export function isRegExpLiteral(text: string): boolean {
  return /^\/.*\/[a-z]*$/s.test(text);
}
