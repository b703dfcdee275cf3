import type { BusinessCalendar } from './calendar.js';
import { compileCondition, isRegExpLiteral, toPattern } from './condition.js';
import type { Pattern } from './safe-pattern.js';
import { checkCondition } from './condition-problems.js';
import type { FrameworkDocument } from './document.js';
import type { ClientCalendar, Queue } from './model.js';
import { reportUnknown, type ReportProblem } from './problem.js';
import { checkPattern } from './safe-pattern.js';
import { fold } from '../text/fold.js';

type Path = (string | number)[];
type Report = ReportProblem;


/**
 * Priority classes: a priority as exported ("Priority 1 - Emergency Response", "P1", "1 - Critical")
 * means the class whose id or name equals it (ignoring case), else the first whose pattern matches.
 */
export function compilePriorities(doc: FrameworkDocument, report: Report): {
  ids: string[];
  resolve: (name: string | undefined) => string | undefined;
} {
  const exact = new Map<string, string>();
  const patterns: { re: Pattern; id: string }[] = [];
  for (const [id, names] of Object.entries(doc.priorities ?? {})) {
    [id, ...names].forEach((name, i) => {
      const path: Path = i === 0 ? ['priorities', id] : ['priorities', id, i - 1];
      if (isRegExpLiteral(name)) {
        const problem = checkPattern(name);
        if (problem) report(path, problem);
        else patterns.push({ re: toPattern(name), id });
        return;
      }
      const owner = exact.get(fold(name));
      if (owner !== undefined && owner !== id) {
        report(path, `"${name}" already means priority "${owner}"`, 'a priority name may belong to one class only');
      } else exact.set(fold(name), id);
    });
  }
  const cache = new Map<string, string | undefined>();
  const resolve = (name: string | undefined): string | undefined => {
    if (name === undefined || name.trim() === '') return undefined;
    if (cache.has(name)) return cache.get(name);
    const hit = exact.get(fold(name)) ?? patterns.find((p) => p.re.test(name.trim()))?.id;
    cache.set(name, hit);
    return hit;
  };
  return { ids: Object.keys(doc.priorities ?? {}), resolve };
}

/** Calendars per client: which calendar a ticket's clocks follow, by a condition on the ticket. */
export function compileClientCalendars(doc: FrameworkDocument, calendars: Map<string, BusinessCalendar>,
  refQueue: (p: Path, id: string) => Queue | undefined, report: Report): ClientCalendar[] {
  const out: ClientCalendar[] = [];
  const ids = Object.keys(doc.calendars ?? {});
  (doc.clientCalendars ?? []).forEach((entry, i) => {
    const path: Path = ['clientCalendars', i];
    checkCondition(entry.when, [...path, 'when'], report);
    const calendar = calendars.get(entry.calendar);
    if (!calendar && !doc.calendars?.[entry.calendar]) {
      reportUnknown(report, [...path, 'calendar'], 'calendar', entry.calendar, ids, 'define it under `calendars:`');
    }
    const listed = entry.queues === undefined ? undefined : Array.isArray(entry.queues) ? entry.queues : [entry.queues];
    const queues = listed?.map((id, j) => refQueue(Array.isArray(entry.queues) ? [...path, 'queues', j] : [...path, 'queues'], id))
      .filter((q): q is Queue => q !== undefined);
    if (calendar) out.push({ when: compileCondition(entry.when), calendar, queues: queues ? new Set(queues) : undefined });
  });
  return out;
}
