import { InputError, InputErrors } from '../errors.js';
import { isValidTimeZone } from '../time/zone.js';
import { createCalendar, parseHoliday, parseSpan, WALL_CLOCK, type BusinessCalendar } from './calendar.js';
import { compileCondition, isRegExpLiteral, toRegExp } from './condition.js';
import { suggest } from './did-you-mean.js';
import type { ConditionDocument, FrameworkDocument, RuleDocument } from './document.js';
import { parseDuration, type Duration } from './duration.js';
import type { LoadedFrameworkDocument } from './load.js';
import { checkPattern } from './load.js';
import type { CompiledRule, Framework, Queue, Route } from './model.js';

type Path = (string | number)[];

/**
 * The second validation pass (meaning: references, contradictions, unsafe patterns), then the
 * compiled model. Every problem is collected and thrown together.
 */
export function compileFramework(loaded: LoadedFrameworkDocument, source: string): Framework {
  const { document: doc, file, positions } = loaded;
  const problems: InputError[] = [];
  const report = (path: Path, message: string, hint?: string) => {
    const { line, column } = positions.at(path);
    problems.push(new InputError(`${message} (${formatPath(path)})`, { file, line, column }, hint));
  };

  const calendars = compileCalendars(doc, report);
  const defaultCalendar = pickDefaultCalendar(doc, calendars, report);
  const queues = compileQueues(doc, calendars, defaultCalendar, report);
  const queueIds = [...queues.keys()];
  const refQueue = (path: Path, id: string): Queue | undefined => {
    const q = queues.get(id);
    if (!q) {
      const near = suggest(id, queueIds);
      report(path, `unknown queue "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
        `expected one of: ${queueIds.join(', ')}`);
    }
    return q;
  };
  const resolver = buildQueueResolver(doc, queues, report);
  const routing = compileRouting(doc, refQueue, report);
  const rules = compileRules(doc, refQueue, queues, report);

  if (problems.length > 0) throw new InputErrors(sortProblems(problems));

  const paused = new Set((doc.statuses?.paused ?? []).map(fold));
  const closed = new Set((doc.statuses?.closed ?? []).map(fold));
  return {
    name: doc.name,
    source,
    queues: [...queues.values()],
    defaultCalendar,
    resolveQueue: resolver,
    isPaused: (s) => s !== undefined && paused.has(fold(s)),
    isClosed: (s) => s !== undefined && closed.has(fold(s)),
    routing,
    rules,
    costs: doc.costs?.hourly
      ? {
          currency: doc.costs.currency ?? '',
          hourly: new Map(Object.entries(doc.costs.hourly).map(([tier, rate]): [number, number] => [Number(tier), rate])),
        }
      : undefined,
  };
}

type Report = (path: Path, message: string, hint?: string) => void;

const fold = (s: string) => s.trim().toLowerCase();

function formatPath(path: Path): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function sortProblems(problems: InputError[]): InputError[] {
  return problems.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0)
    || Number(a.position?.column ?? 0) - Number(b.position?.column ?? 0));
}

function compileCalendars(doc: FrameworkDocument, report: Report): Map<string, BusinessCalendar> {
  const out = new Map<string, BusinessCalendar>();
  for (const [id, cal] of Object.entries(doc.calendars ?? {})) {
    let ok = true;
    if (!isValidTimeZone(cal.timezone)) {
      report(['calendars', id, 'timezone'], `unknown time zone "${cal.timezone}"`,
        'expected an IANA zone name such as America/New_York, Europe/Brussels or UTC');
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
            report(['calendars', id, 'hours', day, i], `found "${span}"; expected a span like 08:00-18:00 (end after start)`);
            ok = false;
          }
        });
      }
    }
    (cal.holidays ?? []).forEach((h, i) => {
      if (!parseHoliday(String(h))) {
        report(['calendars', id, 'holidays', i], `found "${h}"; expected a real date as YYYY-MM-DD or MM-DD`);
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
  const ids = Object.keys(doc.calendars ?? {});
  const near = suggest(id, ids);
  report(path, `unknown calendar "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
    ids.length ? `expected one of: ${ids.join(', ')}` : 'define it under `calendars:`');
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
    out.set(id, { id, tier: q.tier, purpose: q.purpose ?? '', calendar });
  }
  return out;
}

/** Board names are matched exactly (ignoring case) first, then by pattern, in the order written. */
function buildQueueResolver(doc: FrameworkDocument, queues: Map<string, Queue>, report: Report) {
  const exact = new Map<string, Queue>();
  const patterns: { re: RegExp; queue: Queue }[] = [];
  for (const [id, q] of Object.entries(doc.queues)) {
    const queue = queues.get(id);
    if (!queue) continue;
    const names = [id, ...(q.match ?? [])];
    names.forEach((name, i) => {
      const path: Path = i === 0 ? ['queues', id] : ['queues', id, 'match', i - 1];
      if (isRegExpLiteral(name)) {
        const problem = checkPattern(name);
        if (problem) report(path, problem);
        else patterns.push({ re: toRegExp(name), queue });
        return;
      }
      const owner = exact.get(fold(name));
      if (owner && owner !== queue) {
        report(path, `"${name}" already means queue "${owner.id}"`, 'a board name may belong to one queue only');
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
    if (entry.when) checkConditionPatterns(entry.when, ['routing', i, 'when'], report);
    if (queue) routes.push({ when: entry.when ? compileCondition(entry.when) : undefined, queue });
  });
  return routes;
}

function checkConditionPatterns(cond: ConditionDocument, path: Path, report: Report): void {
  if ('all' in cond) cond.all.forEach((c, i) => checkConditionPatterns(c, [...path, 'all', i], report));
  else if ('any' in cond) cond.any.forEach((c, i) => checkConditionPatterns(c, [...path, 'any', i], report));
  else if ('not' in cond) checkConditionPatterns(cond.not, [...path, 'not'], report);
  else if (cond.matches !== undefined) {
    const problem = checkPattern(isRegExpLiteral(cond.matches) ? cond.matches : `/${cond.matches}/i`);
    if (problem) report([...path, 'matches'], problem);
  }
}

function compileRules(doc: FrameworkDocument, refQueue: (p: Path, id: string) => Queue | undefined,
  queues: Map<string, Queue>, report: Report): CompiledRule[] {
  const seen = new Map<string, number>();
  const out: CompiledRule[] = [];
  doc.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined) report(['rules', i, 'id'], `duplicate rule id "${rule.id}" (first used by rules[${first}])`);
    else seen.set(rule.id, i);
    if (rule.enabled === false) return;
    const compiled = compileRule(rule, ['rules', i], refQueue, queues, report);
    if (compiled) out.push(compiled);
  });
  return out;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function compileRule(rule: RuleDocument, path: Path, refQueue: (p: Path, id: string) => Queue | undefined,
  queues: Map<string, Queue>, report: Report): CompiledRule | undefined {
  const refs = (key: string, ids: string[]) => ids.map((id, j) =>
    refQueue(Array.isArray((rule as unknown as Record<string, unknown>)[key]) ? [...path, key, j] : [...path, key], id))
    .filter((q): q is Queue => q !== undefined);
  const duration = (key: string, text: string | undefined, fallback: string): Duration => {
    const d = parseDuration(text ?? fallback);
    if (!d) report([...path, key], `found "${text}"; expected a duration like 30m, 4h, 1h30m, 3d`);
    return d ?? { text: fallback, days: 0, minutes: 0 };
  };
  const base = { id: rule.id, severity: rule.severity, description: rule.description ?? '', clock: rule.clock };
  if ('when' in rule && rule.when) checkConditionPatterns(rule.when, [...path, 'when'], report);
  switch (rule.check) {
    case 'under-escalated': {
      const from = refs('from', list(rule.from));
      const to = refs('to', list(rule.to));
      reportOverlap(from, to, path, report);
      return { ...base, check: rule.check, from: new Set(from), to,
        when: rule.when ? compileCondition(rule.when) : undefined, after: duration('after', rule.after, '0m') };
    }
    case 'over-escalated': {
      const lowest = Math.min(...[...queues.values()].map((q) => q.tier));
      const to = rule.to === undefined ? [...queues.values()].filter((q) => q.tier > lowest) : refs('to', list(rule.to));
      return { ...base, check: rule.check, to: new Set(to), minEffort: duration('minEffort', rule.minEffort, '0m') };
    }
    case 'missed-de-escalation': {
      const from = refs('from', list(rule.from));
      const to = refs('to', list(rule.to));
      reportOverlap(from, to, path, report);
      return { ...base, check: rule.check, from: new Set(from), to, when: compileCondition(rule.when),
        grace: duration('grace', rule.grace, '0m') };
    }
    case 'misrouted':
      return { ...base, check: rule.check };
    case 'stalled':
      if (rule.idle === undefined && rule.maxAge === undefined) {
        report(path, 'a stalled rule needs `idle`, `maxAge` or both', 'e.g. idle: 3d');
      }
      return { ...base, check: rule.check,
        idle: rule.idle === undefined ? undefined : duration('idle', rule.idle, '0m'),
        maxAge: rule.maxAge === undefined ? undefined : duration('maxAge', rule.maxAge, '0m') };
    case 'ping-pong':
      return { ...base, check: rule.check, maxQueueChanges: rule.maxQueueChanges, returns: rule.returns ?? true };
  }
}

function reportOverlap(from: Queue[], to: Queue[], path: Path, report: Report) {
  const both = from.filter((q) => to.includes(q));
  if (both.length) report([...path, 'to'], `queue "${both[0]?.id}" is in both \`from\` and \`to\``, 'a ticket cannot move to the queue it is in');
}
