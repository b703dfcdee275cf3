import { InputError, InputErrors } from '../errors.js';
import { isValidTimeZone } from '../time/zone.js';
import { createCalendar, parseHoliday, parseSpan, WALL_CLOCK, type BusinessCalendar } from './calendar.js';
import { compileCondition, isRegExpLiteral, toPattern } from './condition.js';
import type { Pattern } from './safe-pattern.js';
import { checkCondition } from './condition-problems.js';
import type { ConditionDocument, FrameworkDocument, LimitDocument, RuleDocument } from './document.js';
import { parseDuration } from './duration.js';
import { compileLimit, fixedLimit, type Limit } from './limit.js';
import { compileClientCalendars, compilePriorities } from './compile-priorities.js';
import type { LoadedFrameworkDocument } from './load.js';
import { findMeaningProblems } from './meaning-problems.js';
import { neverFiringRules } from './never-fires.js';
import { namedValues } from './named-values.js';
import { sortProblems } from './sort-problems.js';
import { checkPattern } from './load.js';
import type { CompiledRule, Framework, Queue, Route } from './model.js';
import type { RuleCompileKit, RuleContext, RuleKinds } from './rule-kind.js';
import { describeFound, invalidValue, problemText, reportUnknown, type ReportProblem } from './problem.js';
import { fold } from '../text/fold.js';

type Path = (string | number)[];

/**
 * The second validation pass (meaning: references, contradictions, unsafe patterns), then the
 * compiled model. Every problem is collected and thrown together.
 */
export function compileFramework(loaded: LoadedFrameworkDocument, source: string, kinds: RuleKinds): Framework {
  const { document: doc, file, positions } = loaded;
  const problems: InputError[] = [];
  const report: ReportProblem = (path, message, more) => {
    const detail = typeof more === 'string' ? { hint: more } : more ?? {};
    const { line, column, file: where = file } = detail.atKey && positions.keyAt ? positions.keyAt(path) : positions.at(path);
    problems.push(new InputError(problemText(message, path, detail), { file: where, line, column }, detail.hint));
  };

  const calendars = compileCalendars(doc, report);
  const defaultCalendar = pickDefaultCalendar(doc, calendars, report);
  const queues = compileQueues(doc, calendars, defaultCalendar, report);
  const queueIds = [...queues.keys()];
  const refQueue = (path: Path, id: string): Queue | undefined => {
    const q = queues.get(id);
    if (!q) {
      reportUnknown(report, path, 'queue', id, queueIds, 'define it under `queues:`');
    }
    return q;
  };
  const resolver = buildQueueResolver(doc, queues, 'match', report);
  const tierResolver = buildQueueResolver(doc, queues, 'matchTier', report);
  const routing = compileRouting(doc, refQueue, report);
  const priorities = compilePriorities(doc, report);
  const clientCalendars = compileClientCalendars(doc, calendars, refQueue, report);
  const rules = compileRules(doc, kinds, { refQueue, queues: [...queues.values()], priorityIds: priorities.ids }, report);
  const paused = new Set((doc.statuses?.paused ?? []).map(fold));
  const closed = new Set((doc.statuses?.closed ?? []).map(fold));
  const context = ruleContext(doc, [...queues.values()], routing, rules, paused.size, closed.size);

  if (problems.length === 0) {
    for (const p of findMeaningProblems(kinds, context)) report(p.path, p.message, { found: p.found, expected: p.expected, hint: p.hint, atKey: p.pointAtKey });
  }
  if (problems.length > 0) throw new InputErrors(sortProblems(problems, loaded.files));

  const warnings = neverFiringRules(kinds, context).map((p) => {
    const { line, column, file: where = file } = positions.at(p.path);
    return new InputError(problemText(p.message, p.path), { file: where, line, column }, p.hint);
  });
  return {
    name: doc.name,
    source,
    queues: [...queues.values()],
    defaultCalendar,
    resolveQueue: resolver,
    resolveTier: tierResolver,
    isPaused: (s) => s !== undefined && paused.has(fold(s)),
    isClosed: (s) => s !== undefined && closed.has(fold(s)),
    routing,
    priorityOf: priorities.resolve,
    clientCalendars,
    rules,
    namedValues: namedValues(doc),
    warnings,
    costs: doc.costs?.hourly || doc.costs?.delayHourly !== undefined
      ? {
          currency: doc.costs.currency ?? '',
          hourly: new Map(Object.entries(doc.costs.hourly ?? {}).map(([tier, rate]): [number, number] => [Number(tier), rate])),
          delayHourly: doc.costs.delayHourly,
        }
      : undefined,
  };
}

type Report = ReportProblem;



function compileCalendars(doc: FrameworkDocument, report: Report): Map<string, BusinessCalendar> {
  const out = new Map<string, BusinessCalendar>();
  for (const [id, cal] of Object.entries(doc.calendars ?? {})) {
    let ok = true;
    if (!isValidTimeZone(cal.timezone)) {
      report(['calendars', id, 'timezone'], 'unknown time zone',
        { found: describeFound(cal.timezone), expected: 'an IANA zone name such as America/New_York, Europe/Brussels or UTC' });
      ok = false;
    }
    if (cal.hours !== '24x7') {
      if (!Object.values(cal.hours).some((spans) => spans && spans.length > 0)) {
        report(['calendars', id, 'hours'], 'a calendar needs business hours on at least one weekday', 'e.g. mon: ["08:00-18:00"], or hours: 24x7');
        ok = false;
      }
      for (const [day, spans] of Object.entries(cal.hours)) {
        spans?.forEach((span, i) => {
          if (!parseSpan(span)) {
            const path = ['calendars', id, 'hours', day, i];
            report(path, 'invalid business hours', { found: describeFound(span), expected: 'a span like 08:00-18:00 (end after start)' });
            ok = false;
          }
        });
      }
    }
    (cal.holidays ?? []).forEach((h, i) => {
      if (!parseHoliday(String(h))) {
        const path = ['calendars', id, 'holidays', i];
        report(path, invalidValue(path), { found: describeFound(h), expected: 'a real date as YYYY-MM-DD or MM-DD' });
        ok = false;
      }
    });
    if (ok) out.set(id, createCalendar({ id, timezone: cal.timezone, hours: cal.hours, holidays: (cal.holidays ?? []).map(String) }));
  }
  return out;
}

function pickDefaultCalendar(doc: FrameworkDocument, calendars: Map<string, BusinessCalendar>, report: Report): BusinessCalendar {
  if (doc.calendar !== undefined) {
    const cal = calendars.get(doc.calendar);
    if (cal) return cal;
    if (!doc.calendars?.[doc.calendar]) reportUnknownCalendar(['calendar'], doc.calendar, doc, report);
    return WALL_CLOCK;
  }
  return calendars.values().next().value ?? WALL_CLOCK;
}

function reportUnknownCalendar(path: Path, id: string, doc: FrameworkDocument, report: Report) {
  reportUnknown(report, path, 'calendar', id, Object.keys(doc.calendars ?? {}), 'define it under `calendars:`');
}

function compileQueues(doc: FrameworkDocument, calendars: Map<string, BusinessCalendar>,
  fallback: BusinessCalendar, report: Report): Map<string, Queue> {
  const out = new Map<string, Queue>();
  for (const [id, q] of Object.entries(doc.queues)) {
    let calendar = fallback;
    if (q.calendar !== undefined) {
      const cal = calendars.get(q.calendar);
      if (cal) calendar = cal;
      else if (!doc.calendars?.[q.calendar]) reportUnknownCalendar(['queues', id, 'calendar'], q.calendar, doc, report);
    }
    out.set(id, { id, tier: q.tier, purpose: q.purpose ?? '', calendar, ownCalendar: q.calendar !== undefined,
      entry: q.entry === true, byTeam: q.byTeam === true });
  }
  return out;
}

/**
 * Names are matched exactly (ignoring case) first, then by pattern, in the order written: board names
 * (`match`, and the queue's own id) or values of the tier field (`matchTier`).
 */
function buildQueueResolver(doc: FrameworkDocument, queues: Map<string, Queue>, key: 'match' | 'matchTier', report: Report) {
  const exact = new Map<string, Queue>();
  const patterns: { re: Pattern; queue: Queue }[] = [];
  for (const [id, q] of Object.entries(doc.queues)) {
    const queue = queues.get(id);
    if (!queue) continue;
    const names = key === 'match' ? [id, ...(q.match ?? [])] : [...(q.matchTier ?? [])];
    const first = key === 'match' ? 1 : 0;
    names.forEach((name, i) => {
      const path: Path = i < first ? ['queues', id] : ['queues', id, key, i - first];
      if (isRegExpLiteral(name)) {
        const problem = checkPattern(name);
        if (problem) report(path, problem);
        else patterns.push({ re: toPattern(name), queue });
        return;
      }
      const owner = exact.get(fold(name));
      if (owner && owner !== queue) {
        report(path, `"${name}" already means queue "${owner.id}"`,
          key === 'match' ? 'a board name may belong to one queue only' : 'a tier value may belong to one queue only');
      } else exact.set(fold(name), queue);
    });
  }
  const cache = new Map<string, Queue | undefined>();
  return (name: string | undefined): Queue | undefined => {
    if (name === undefined) return undefined;
    if (cache.has(name)) return cache.get(name);
    const key = fold(name);
    const hit = exact.get(key) ?? patterns.find((p) => p.re.test(name.trim()))?.queue;
    cache.set(name, hit);
    return hit;
  };
}

function compileRouting(doc: FrameworkDocument, refQueue: (p: Path, id: string) => Queue | undefined,
  report: Report): Route[] {
  const routes: Route[] = [];
  const entries = doc.routing ?? [];
  entries.forEach((entry, i) => {
    const queue = refQueue(['routing', i, 'queue'], entry.queue);
    if (entry.when === undefined && i < entries.length - 1) {
      report(['routing', i], 'an entry without `when` catches everything, so the entries after it can never apply',
        'move it to the end of `routing`');
    }
    if (entry.when) checkCondition(entry.when, ['routing', i, 'when'], report);
    if (queue) routes.push({ when: entry.when ? compileCondition(entry.when) : undefined, queue });
  });
  return routes;
}

interface RuleRefs {
  refQueue: (p: Path, id: string) => Queue | undefined;
  queues: readonly Queue[];
  priorityIds: string[];
}

function compileRules(doc: FrameworkDocument, kinds: RuleKinds, refs: RuleRefs, report: Report): CompiledRule[] {
  const seen = new Map<string, number>();
  const out: CompiledRule[] = [];
  doc.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined) report(['rules', i, 'id'], `duplicate rule id "${rule.id}", first used by rules[${first}]`);
    else seen.set(rule.id, i);
    if (rule.enabled === false) return;
    out.push(compileRule(rule, ['rules', i], kinds, refs, doc.statuses?.paused ?? [], report));
  });
  return out;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function compileRule(rule: RuleDocument, path: Path, kinds: RuleKinds, refs: RuleRefs, paused: readonly string[], report: Report): CompiledRule {
  const kind = kinds[rule.check];
  // The schema admits only registered checks: a check without a kind is a stale rules/framework.schema.json.
  if (!kind) throw new Error(`no check "${rule.check}" was given to compile rules[${String(path[1])}] (run npm run gen)`);
  const duration = (key: string, doc: LimitDocument | undefined, fallback: string): Limit => {
    const compiled = doc === undefined ? undefined : compileLimit(doc, refs.priorityIds);
    for (const p of compiled?.problems ?? []) report([...path, key, ...p.at], p.message, p);
    return compiled?.limit ?? fixedLimit(parseDuration(fallback)!);
  };
  const kit: RuleCompileKit = {
    queues: refs.queues,
    queueRefs: (key, ids) => list(ids).map((id, j) => refs.refQueue(Array.isArray(ids) ? [...path, key, j] : [...path, key], id))
      .filter((q): q is Queue => q !== undefined),
    limit: (key, doc, fallback = '0m') => duration(key, doc, fallback),
    optionalLimit: (key, doc) => (doc === undefined ? undefined : duration(key, doc, '0m')),
    condition: compileCondition,
    report: (at, message, more) => report([...path, ...at], message, more),
    reportUnknown: (at, kind, name, known, whenNoneKnown) => reportUnknown(report, [...path, ...at], kind, name, known, whenNoneKnown),
    reportOverlap: (from, to) => {
      const both = from.filter((q) => to.includes(q));
      if (both.length) report([...path, 'to'], `queue "${both[0]?.id}" is in both \`from\` and \`to\``, 'a ticket cannot move to the queue it is in');
    },
    pausedStatuses: paused,
  };
  if (rule.when) checkCondition(rule.when as ConditionDocument, [...path, 'when'], report);
  return { id: rule.id, severity: rule.severity, description: rule.description ?? '', clock: rule.clock, check: rule.check, ...kind.compile(rule, kit) };
}

function ruleContext(doc: FrameworkDocument, queues: readonly Queue[], routing: readonly Route[], rules: readonly CompiledRule[],
  pausedStatuses: number, closedStatuses: number): RuleContext {
  const index = (rule: CompiledRule) => doc.rules.findIndex((r) => r.id === rule.id);
  return { doc, queues, routing, rules, pausedStatuses, closedStatuses, index,
    written: (rule, key) => doc.rules[index(rule)]?.[key] !== undefined };
}
