import type { BusinessCalendar } from '../framework/calendar.js';
import { WALL_CLOCK } from '../framework/calendar.js';
import type { ClockChoice, Queue } from '../framework/model.js';
import type { Segment } from './replay.js';

export interface Accumulated {
  /** Running minutes (paused and closed time excluded) between `from` and the end of the range. */
  minutes: number;
  /** When the running time passed the limit, if it did. */
  crossedAt: number | undefined;
}

/**
 * Running time over segments first..last, counted from `from`, on one calendar. Stops early once
 * the limit is crossed only when `stopAtLimit` is set (the caller needs just the instant).
 */
export function accumulate(segments: Segment[], first: number, last: number, from: number,
  calendar: BusinessCalendar, limit = Infinity): Accumulated {
  let minutes = 0;
  let crossedAt: number | undefined;
  for (let i = first; i <= last; i++) {
    const seg = segments[i]!;
    if (!seg.active || seg.end <= from) continue;
    const start = Math.max(seg.start, from);
    const m = calendar.minutesBetween(start, seg.end);
    if (crossedAt === undefined && minutes + m > limit) crossedAt = calendar.addMinutes(start, limit - minutes);
    minutes += m;
  }
  return { minutes, crossedAt };
}

/** The calendar a rule's clock runs on in a queue: the queue's own unless the rule asks for wall time. */
export function calendarFor(queue: Queue | undefined, clock: ClockChoice | undefined, fallback: BusinessCalendar): BusinessCalendar {
  if (clock === 'wall') return WALL_CLOCK;
  return queue?.calendar ?? fallback;
}
