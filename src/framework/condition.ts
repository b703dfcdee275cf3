import type { ConditionDocument, FieldConditionDocument } from './document.js';

/** What a condition can look at: canonical fields and raw columns of a ticket at one moment. */
export interface FieldView {
  field(name: string): string | undefined;
  column(name: string): string | undefined;
}

export type Predicate = (view: FieldView) => boolean;

const lower = (s: string) => s.trim().toLowerCase();

/**
 * Compiles a validated condition into a closure. Text comparisons ignore case and surrounding space,
 * because exports spell the same value "On-Site", "on-site " and "ON-SITE".
 */
export function compileCondition(doc: ConditionDocument): Predicate {
  if ('all' in doc) {
    const parts = doc.all.map(compileCondition);
    return (v) => parts.every((p) => p(v));
  }
  if ('any' in doc) {
    const parts = doc.any.map(compileCondition);
    return (v) => parts.some((p) => p(v));
  }
  if ('not' in doc) {
    const inner = compileCondition(doc.not);
    return (v) => !inner(v);
  }
  return compileFieldCondition(doc);
}

function compileFieldCondition(doc: FieldConditionDocument): Predicate {
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
    const re = toRegExp(doc.matches);
    return (x) => x !== undefined && re.test(x);
  }
  return compileNumericTest(doc);
}

function compileNumericTest(doc: FieldConditionDocument): ValueTest {
  const checks: ((n: number) => boolean)[] = [];
  if (doc.gt !== undefined) { const b = doc.gt; checks.push((n) => n > b); }
  if (doc.gte !== undefined) { const b = doc.gte; checks.push((n) => n >= b); }
  if (doc.lt !== undefined) { const b = doc.lt; checks.push((n) => n < b); }
  if (doc.lte !== undefined) { const b = doc.lte; checks.push((n) => n <= b); }
  return (x) => {
    if (x === undefined || x.trim() === '') return false;
    const n = Number(x.trim().replace(',', '.'));
    return Number.isFinite(n) && checks.every((c) => c(n));
  };
}

/** `/body/flags` is a regular expression; anything else matches as written, case-insensitively. */
export function toRegExp(text: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (m) return new RegExp(m[1] ?? '', m[2]);
  return new RegExp(text, 'i');
}

export function isRegExpLiteral(text: string): boolean {
  return /^\/.*\/[a-z]*$/s.test(text);
}
