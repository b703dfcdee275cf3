import type { LimitDocument } from '../../framework/document.js';
import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import { limitFor, type Limit } from '../../framework/limit.js';
import type { TicketEvent } from '../../model/ticket.js';
import { ticketCalendar } from '../clock.js';
import type { Segment, TicketReplay } from '../replay.js';
import { describeChange } from './change-words.js';
import { defineCheck, noHistory, OPTION_SCHEMAS, withoutHistory, worst, type Observation, type RuleOf } from './check.js';
import { fold } from '../../text/fold.js';

const WATCHED_FIELDS = ['queue', 'assignee', 'status', 'priority', 'tier'] as const;
type WatchedField = (typeof WATCHED_FIELDS)[number];

type WorkAfterClosureRule = RuleOf<'work-after-closure', { watch: WatchedField[]; grace: Limit }>;

export const workAfterClosure = defineCheck<WorkAfterClosureRule, {
  /** Changes that count as work while the ticket stays closed (default: queue, assignee). */
  watch?: WatchedField[];
  /** Changes this soon after closing are tidying up, not work (default 0m). */
  grace?: LimitDocument;
}>({
  id: 'work-after-closure',
  title: 'changed while closed',
  description: 'the board, assignee (or another watched field) changed while the ticket stayed closed, without a reopen',
  needs: 'the history of changes while closed',
  options: {
    watch: {
      schema: { type: 'array', minItems: 1, items: { description: 'A state field.', enum: WATCHED_FIELDS } },
      description: 'the changes that count as work while closed (default: queue, assignee). status: a change from one closed status to another.',
    },
    grace: { schema: OPTION_SCHEMAS.limit, description: 'changes this soon after closing are tidying up (default 0m).' },
  },
  compile: (doc, kit) => ({ watch: doc.watch ?? ['queue', 'assignee'], grace: kit.limit('grace', doc.grace) }),
  limits: (replay) => (withoutHistory(replay) ? noHistory(replay, 'what changed while it was closed') : undefined),
  run: (replay, rule) => observe(replay, workByPeriod(replay, rule)),
  measure: (replay, rule) => measureOf(workByPeriod(replay, rule)),
  judge(replay, rule) {
    const work = workByPeriod(replay, rule);
    return { observations: observe(replay, work), measurements: measureOf(work) };
  },
  whyNot(replay, rule) {
    const periods = closedPeriods(replay);
    if (periods.length === 0) return 'never closed';
    const work = periods.flatMap((p) => workIn(replay, rule, p));
    if (work.length === 0) return `closed; no change of ${rule.watch.join(', ')} while closed`;
    return `closed; the ${work.length} change(s) while closed came within the grace of ${rule.grace.fallback?.text ?? '0m'}`;
  },
});

interface Period { first: number; last: number }

/** Each closed period with the watched changes made in it. */
const workByPeriod = (replay: TicketReplay, rule: WorkAfterClosureRule): { period: Period; work: Work[] }[] =>
  closedPeriods(replay).map((period) => ({ period, work: workIn(replay, rule, period) }));

// How long after closing each change came: the grace a ticket needs is its latest one.
const measureOf = (periods: { work: Work[] }[]) => worst('grace', periods.flatMap((p) => p.work.map((w) => w.minutesAfterClosing)));

function observe(replay: TicketReplay, periods: { period: Period; work: Work[] }[]): Observation[] {
  return periods.flatMap(({ period, work }): Observation[] => {
    const first = work.find((w) => !w.inGrace);
    if (!first) return [];
    const counted = work.filter((w) => !w.inGrace);
    const more = counted.flatMap((w) => w.changes).length - first.changes.length;
    const closing = replay.segments[period.first]!;
    const seg = replay.segments[first.index]!;
    const reopened = period.last < replay.segments.length - 1;
    return [{
      at: seg.start,
      queue: seg.queue,
      rawQueue: seg.event.queue,
      expectedQueue: undefined,
      message: `changed while closed ("${closing.event.status ?? ''}" since ${new Date(closing.start).toISOString()}): `
        + `${first.changes.join(', ')}${more > 0 ? ` and ${more} more change(s)` : ''}`
        + `, ${formatMinutes((seg.start - closing.start) / 60_000)} after closing, ${reopened ? 'before it was reopened' : 'and never reopened'}`,
      businessMinutes: null,
      evidence: {
        closedAt: new Date(closing.start).toISOString(),
        closedStatus: closing.event.status ?? null,
        changes: counted.flatMap((w) => w.changes),
        eventsAfterClosure: counted.length,
        reopened,
      },
    }];
  });
}

/** Runs of segments in closed statuses: from a closing to the reopening (or the end). */
function closedPeriods(replay: TicketReplay): Period[] {
  const out: Period[] = [];
  replay.segments.forEach((seg, i) => {
    if (!seg.closed) return;
    const last = out[out.length - 1];
    if (last && last.last === i - 1) last.last = i;
    else out.push({ first: i, last: i });
  });
  return out;
}

interface Work { index: number; changes: string[]; inGrace: boolean; minutesAfterClosing: number }

function workIn(replay: TicketReplay, rule: WorkAfterClosureRule, period: Period): Work[] {
  const closing = replay.segments[period.first]!;
  const calendar = ticketCalendar(replay, closing.queue, rule.clock);
  const grace = limitFor(rule.grace, closing.priority);
  const graceMinutes = grace ? durationMinutes(grace, calendar) : 0;
  const out: Work[] = [];
  for (let i = period.first + 1; i <= period.last; i++) {
    const before = replay.segments[i - 1]!;
    const seg = replay.segments[i]!;
    const changes = rule.watch.flatMap((field) => changed(field, before, seg));
    if (changes.length === 0) continue;
    const minutesAfterClosing = calendar.minutesBetween(closing.start, seg.start);
    out.push({ index: i, changes, inGrace: minutesAfterClosing <= graceMinutes, minutesAfterClosing });
  }
  return out;
}


function changed(field: WatchedField, before: Segment, after: Segment): string[] {
  const a = before.event[field as keyof TicketEvent] as string | undefined;
  const b = after.event[field as keyof TicketEvent] as string | undefined;
  const same = field === 'queue' && before.queue && after.queue ? before.queue === after.queue : fold(a) === fold(b);
  return same ? [] : [describeChange(field, a, b)];
}
