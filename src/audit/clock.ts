import type { BusinessCalendar } from '../framework/calendar.js';
import { WALL_CLOCK } from '../framework/calendar.js';
import { durationMinutes, type Duration } from '../framework/duration.js';
import { isPerPriority, limitFor, type Limit } from '../framework/limit.js';
import type { ClockChoice, Queue } from '../framework/model.js';
import type { ReplayCore, Segment } from './replay.js';

export interface Accumulated {
  /** Running minutes (paused and closed time excluded) between `from` and the end of the range. */
  minutes: number;
  /** When the running time passed the limit, if it did. */
  crossedAt: number | undefined;
  /** The segment in which it did. */
  crossedIndex: number | undefined;
}

/** The limit in force in each segment, in minutes; undefined where the segment is not limited. */
export type LimitAt = number | ((segmentIndex: number) => number | undefined);

/**
 * Running time over segments first..last, counted from `from`, on one calendar, and the instant it
 * first passed the limit in force. A limit that drops mid-way (a priority raised to P1) below the
 * time already spent is passed at the instant it drops.
 */
export function accumulate(segments: Segment[], first: number, last: number, from: number,
  calendar: BusinessCalendar, limit: LimitAt = Infinity): Accumulated {
  let minutes = 0;
  let crossedAt: number | undefined;
  let crossedIndex: number | undefined;
  for (let i = first; i <= last; i++) {
    const seg = segments[i]!;
    if (!seg.active || seg.end <= from) continue;
    const start = Math.max(seg.start, from);
    const m = calendar.minutesBetween(start, seg.end);
    const l = typeof limit === 'number' ? limit : limit(i);
    if (crossedAt === undefined && l !== undefined && minutes + m > l) {
      crossedAt = minutes >= l ? start : calendar.addMinutes(start, l - minutes);
      crossedIndex = i;
    }
    minutes += m;
  }
  return { minutes, crossedAt, crossedIndex };
}

/** A rule's limit per segment, by the priority class in force there, on one calendar. */
export function limitAt(segments: Segment[], limit: Limit, calendar: BusinessCalendar): (i: number) => number | undefined {
  return (i) => {
    const d = limitFor(limit, segments[i]?.priority);
    return d === undefined ? undefined : durationMinutes(d, calendar);
  };
}

/** The limit as a message says it: "30m", or "10m for priority p1" / "1h for other priorities" when it depends on the priority. */
export function describeLimit(limit: Limit, priorityClass: string | undefined): string {
  const d: Duration | undefined = limitFor(limit, priorityClass);
  if (!d) return 'none';
  const own = priorityClass !== undefined && limit.byPriority.has(priorityClass);
  if (!isPerPriority(limit)) return d.text;
  return own ? `${d.text} for priority ${priorityClass}` : `${d.text} for other priorities`;
}

/** The calendar a rule's clock runs on for this ticket in a queue: its business calendar (a client's, the queue's or the default) unless the rule asks for wall time. */
export function ticketCalendar(replay: ReplayCore, queue: Queue | undefined, clock: ClockChoice | undefined): BusinessCalendar {
  if (clock === 'wall') return WALL_CLOCK;
  return replay.calendarIn(queue);
}

/** The calendar a clock runs on in a queue, for a ticket without a client calendar. Prefer `ticketCalendar` inside an audit. */
export function calendarFor(queue: Queue | undefined, clock: ClockChoice | undefined, fallback: BusinessCalendar): BusinessCalendar {
  if (clock === 'wall') return WALL_CLOCK;
  return queue?.calendar ?? fallback;
}
