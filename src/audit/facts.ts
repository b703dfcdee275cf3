import { WALL_CLOCK, type BusinessCalendar } from '../framework/calendar.js';
import type { FieldView, TimeBound, TimeFact, TimelineFacts } from '../framework/condition.js';
import type { Clock } from '../framework/document.js';
import { durationMinutes } from '../framework/duration.js';
import type { ReplayCore } from './replay.js';
import { ticketView } from './view.js';

/** Time facts run on the business clock, except the age of a ticket, which is calendar age (like `maxAge`). */
const defaultClock: Record<TimeFact, Clock> = { timeInQueue: 'business', sinceCreated: 'wall', idle: 'business' };

/** Fields at one event, with the facts of the timeline at an instant of its segment. */
export function momentView(replay: ReplayCore, index: number, at: number): FieldView {
  return new MomentView(replay, index, at);
}

// A class, not an object literal with a `get facts()`: a getter in a literal is a new closure per
// view, and V8 then builds a new hidden class per view, in the old generation, for every moment looked at.
class MomentView implements FieldView {
  private readonly fields: FieldView;
  private computed: TimelineFacts | undefined;

  constructor(private readonly replay: ReplayCore, private readonly index: number, private readonly at: number) {
    this.fields = ticketView(replay.ticket, replay.segments[index]!.event);
  }

  field(name: string): string | undefined {
    return this.fields.field(name);
  }

  column(name: string): string | undefined {
    return this.fields.column(name);
  }

  get facts(): TimelineFacts {
    this.computed ??= timelineFacts(this.replay, this.index, this.at);
    return this.computed;
  }
}

function timelineFacts(replay: ReplayCore, index: number, at: number): TimelineFacts {
  const k = replay.stintOf[index]!;
  const key = (i: number) => replay.stints[i]!.queue?.id ?? `raw:${(replay.stints[i]!.rawQueue ?? '').trim().toLowerCase()}`;
  let returned = false;
  for (let j = 0; j < k - 1 && !returned; j++) returned = key(j) === key(k);
  return {
    time: (fact, clock) => {
      const calendar = factCalendar(replay, index, fact, clock);
      return { minutes: factMinutes(replay, index, at, fact, calendar), dayMinutes: calendar.dayMinutes };
    },
    queueChanges: k,
    enteredDirectly: k === 0,
    returned,
    statusesSeen: replay.segments.slice(0, index + 1).flatMap((s) => (s.event.status === undefined ? [] : [s.event.status])),
  };
}

function factCalendar(replay: ReplayCore, index: number, fact: TimeFact, clock: Clock | undefined): BusinessCalendar {
  return (clock ?? defaultClock[fact]) === 'wall' ? WALL_CLOCK : replay.calendarIn(replay.segments[index]!.queue);
}

/** Minutes of a time fact at an instant of segment `index`. */
function factMinutes(replay: ReplayCore, index: number, at: number, fact: TimeFact, calendar: BusinessCalendar): number {
  const segments = replay.segments;
  const seg = segments[index]!;
  switch (fact) {
    case 'timeInQueue': {
      // Running time of the current stay: paused and closed time left out.
      let sum = 0;
      for (let i = replay.stints[replay.stintOf[index]!]!.first; i <= index; i++) {
        const s = segments[i]!;
        if (s.active) sum += calendar.minutesBetween(s.start, i === index ? at : s.end);
      }
      return sum;
    }
    case 'sinceCreated':
      return calendar.minutesBetween(replay.ticket.created ?? segments[0]!.start, at);
    case 'idle':
      // Time since the last event, counting running time only (a pause is not idleness).
      return seg.active ? calendar.minutesBetween(seg.start, at) : 0;
  }
}

/** The instant within segment `index` at which a time fact reaches its bound, if it does there. */
export function timeFactReaches(replay: ReplayCore, index: number, bound: TimeBound): number | undefined {
  const seg = replay.segments[index]!;
  const calendar = factCalendar(replay, index, bound.fact, bound.clock);
  const target = durationMinutes(bound.bound, calendar);
  const grows = bound.fact === 'sinceCreated' || seg.active;
  if (!grows) return undefined;
  const already = factMinutes(replay, index, seg.start, bound.fact, calendar);
  if (already >= target) return undefined;
  const t = calendar.addMinutes(seg.start, target - already);
  return t < seg.end ? t : undefined;
}
