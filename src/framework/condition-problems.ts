import type { ConditionDocument, FieldConditionDocument } from './document.js';
import { isRegExpLiteral, isTimeFact } from './condition.js';
import { parseDuration } from './duration.js';
import { describeFound, type ReportProblem } from './problem.js';
import { checkPattern } from './safe-pattern.js';

type Path = (string | number)[];

const COMPARISONS = ['gt', 'gte', 'lt', 'lte'] as const;
const TEXT_TESTS = ['equals', 'in', 'contains', 'matches', 'exists'] as const;
const BOOLEAN_FACTS = new Set(['enteredDirectly', 'returned']);

/**
 * The meaning of a condition the schema cannot check: one subject (field, column or fact), tests
 * that suit it (durations for time facts, numbers for the rest), and patterns that are safe.
 */
export function checkCondition(cond: ConditionDocument, path: Path, report: ReportProblem): void {
  if ('all' in cond) cond.all.forEach((c, i) => checkCondition(c, [...path, 'all', i], report));
  else if ('any' in cond) cond.any.forEach((c, i) => checkCondition(c, [...path, 'any', i], report));
  else if ('not' in cond) checkCondition(cond.not, [...path, 'not'], report);
  else checkFieldCondition(cond, path, report);
}

function checkFieldCondition(cond: FieldConditionDocument, path: Path, report: ReportProblem): void {
  const subjects = (['field', 'column', 'fact'] as const).filter((k) => cond[k] !== undefined);
  if (subjects.length !== 1) {
    report(path, subjects.length === 0 ? 'a condition needs what it looks at: `field`, `column` or `fact`'
      : `a condition looks at one thing; found ${subjects.map((s) => `\`${s}\``).join(' and ')}`,
    'e.g. { field: status, equals: Scheduled } or { fact: timeInQueue, gt: 2h }');
  }
  const tests = [...TEXT_TESTS, ...COMPARISONS].filter((k) => cond[k] !== undefined);
  if (tests.length === 0) {
    report(path, 'a condition needs a test: equals, in, contains, matches, exists, gt, gte, lt or lte');
  }
  if (cond.matches !== undefined) {
    const problem = checkPattern(isRegExpLiteral(cond.matches) ? cond.matches : `/${cond.matches}/i`);
    if (problem) report([...path, 'matches'], problem);
  }
  if (isTimeFact(cond.fact)) return checkTimeFact(cond, path, report);
  if (cond.clock !== undefined) {
    report([...path, 'clock'], '`clock` applies to time facts only (timeInQueue, sinceCreated, idle)');
  }
  for (const op of COMPARISONS) {
    if (cond[op] !== undefined && typeof cond[op] !== 'number') {
      report([...path, op], 'not a number', { found: describeFound(cond[op]),
        expected: 'a number (durations are for the time facts timeInQueue, sinceCreated, idle)' });
    }
  }
  if (cond.fact !== undefined && BOOLEAN_FACTS.has(cond.fact) && (tests.length !== 1 || typeof cond.equals !== 'boolean')) {
    report(path, `fact ${cond.fact} is true or false: test it with \`equals: true\` or \`equals: false\``);
  }
}

function checkTimeFact(cond: FieldConditionDocument, path: Path, report: ReportProblem): void {
  for (const key of TEXT_TESTS) {
    if (cond[key] !== undefined) {
      report([...path, key], `fact ${cond.fact} is a duration: compare it with gt, gte, lt or lte (like gt: 2h)`);
    }
  }
  for (const op of COMPARISONS) {
    const v = cond[op];
    if (v !== undefined && (typeof v !== 'string' || !parseDuration(v))) {
      report([...path, op], 'invalid duration', { found: describeFound(v), expected: 'a duration like 30m, 4h, 1h30m, 3d' });
    }
  }
}
