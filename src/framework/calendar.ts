import type { Weekday } from './document.js';
import { zoneClock, type ZoneClock } from '../time/zone.js';

/** A business calendar as the framework declares it (already validated, but checked again here). */
export interface CalendarSpec {
  id: string;
  /** IANA zone in which the hours and holidays are local wall time. */
  timezone: string;
  /** "24x7", or per weekday "HH:MM-HH:MM" spans; a missing day is closed. */
  hours: '24x7' | Partial<Record<Weekday, string[]>>;
  /** 'YYYY-MM-DD' (that date) or 'MM-DD' (every year); the whole local day is closed. */
  holidays: string[];
}

/** Business-time arithmetic over one calendar. All instants are epoch milliseconds (UTC). */
export interface BusinessCalendar {
  readonly id: string;
  readonly timezone: string;
  /** 24x7 with no holidays: business time is wall time. */
  readonly alwaysOpen: boolean;
  /** Minutes of one full business day: the most common non-zero weekday length (600 for 08:00-18:00); 1440 for 24x7. */
  readonly dayMinutes: number;
  /** Business minutes within [startMs, endMs); 0 when endMs <= startMs. Fractional minutes allowed (ms precision). */
  minutesBetween(startMs: number, endMs: number): number;
  /** The instant at which `minutes` business minutes have elapsed from startMs. minutes <= 0 -> startMs. */
  addMinutes(startMs: number, minutes: number): number;
  /** Whether the calendar is open at that instant (span start inclusive, end exclusive). */
  isOpen(ms: number): boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_CACHED_DAYS = 20_000;
const MAX_CLOSED_DAYS = 3 * 366;
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** 'HH:MM-HH:MM' -> minutes since local midnight; end may be '24:00'; undefined if malformed or end <= start. */
export function parseSpan(text: string): { start: number; end: number } | undefined {
  const m = /^\s*(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const start = clockMinutes(m[1]!, m[2]!);
  const end = clockMinutes(m[3]!, m[4]!);
  if (start === undefined || end === undefined || start >= 1440 || end <= start) return undefined;
  return { start, end };
}

function clockMinutes(hh: string, mm: string): number | undefined {
  const h = Number(hh);
  const m = Number(mm);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/** 'YYYY-MM-DD' or 'MM-DD' -> parts; undefined if malformed or not a real date (2026-02-30, 13-01). */
export function parseHoliday(text: string): { year?: number; month: number; day: number } | undefined {
  const m = /^\s*(?:(\d{4})-)?(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  // A yearly date is checked against a leap year so that '02-29' stays valid.
  const year = m[1] === undefined ? undefined : Number(m[1]);
  const probe = new Date(Date.UTC(2000, month - 1, day));
  if (year !== undefined) probe.setUTCFullYear(year, month - 1, day);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return year === undefined ? { month, day } : { year, month, day };
}

/** One local day: its UTC bounds [start, end) and its open intervals as flat [s0, e0, s1, e1, ...]. */
interface LocalDay {
  readonly day: number;
  readonly start: number;
  readonly end: number;
  readonly open: number[];
  readonly openMs: number;
}

type Span = { start: number; end: number };

/** How a calendar walks long spans; only tests ask for the plain day-by-day walk, to check the fast one against. */
export interface CalendarOptions {
  /** Cross whole runs of days by their running sums (default), or walk every day. */
  skipDays?: boolean;
}

export function createCalendar(spec: CalendarSpec, options: CalendarOptions = {}): BusinessCalendar {
  if (typeof spec?.id !== 'string') throw new RangeError('calendar id must be a string');
  const clock = zoneClock(spec.timezone);
  const weekSpans = parseWeek(spec);
  const holidays = parseHolidays(spec);
  const alwaysOpen = spec.hours === '24x7' && holidays.yearly.size === 0 && holidays.dated.size === 0;
  const dayMinutes = commonDayLength(spec.id, weekSpans);
  const base = { id: spec.id, timezone: spec.timezone, alwaysOpen, dayMinutes };
  if (alwaysOpen) return { ...base, ...wallClockMath() };
  return { ...base, ...new LocalDays(clock, weekSpans, holidays, options.skipDays ?? true).math() };
}

function parseWeek(spec: CalendarSpec): Span[][] {
  if (spec.hours === '24x7') return WEEKDAYS.map(() => [{ start: 0, end: 1440 }]);
  if (typeof spec.hours !== 'object' || spec.hours === null) {
    throw new RangeError(`calendar "${spec.id}": hours must be "24x7" or a map of weekdays`);
  }
  for (const key of Object.keys(spec.hours)) {
    if (!WEEKDAYS.includes(key as Weekday)) throw new RangeError(`calendar "${spec.id}": unknown weekday "${key}"`);
  }
  const hours = spec.hours;
  return WEEKDAYS.map((wd) => {
    const texts = hours[wd] ?? [];
    if (!Array.isArray(texts)) throw new RangeError(`calendar "${spec.id}": hours.${wd} must be a list`);
    const spans = texts.map((t) => {
      const span = typeof t === 'string' ? parseSpan(t) : undefined;
      if (!span) throw new RangeError(`calendar "${spec.id}": bad span "${String(t)}" on ${wd}`);
      return span;
    });
    return mergeSpans(spans);
  });
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

interface HolidaySet { yearly: Set<number>; dated: Set<number> }

function parseHolidays(spec: CalendarSpec): HolidaySet {
  const set: HolidaySet = { yearly: new Set(), dated: new Set() };
  if (!Array.isArray(spec.holidays)) throw new RangeError(`calendar "${spec.id}": holidays must be a list`);
  for (const text of spec.holidays) {
    const h = typeof text === 'string' ? parseHoliday(text) : undefined;
    if (!h) throw new RangeError(`calendar "${spec.id}": bad holiday "${String(text)}"`);
    if (h.year === undefined) set.yearly.add(h.month * 100 + h.day);
    else set.dated.add(h.year * 10_000 + h.month * 100 + h.day);
  }
  return set;
}

function commonDayLength(id: string, week: Span[][]): number {
  const counts = new Map<number, number>();
  for (const spans of week) {
    const length = spans.reduce((sum, s) => sum + s.end - s.start, 0);
    if (length > 0) counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  if (counts.size === 0) throw new RangeError(`calendar "${id}" has no business hours on any weekday`);
  let best = 0;
  let bestCount = 0;
  for (const [length, count] of counts) {
    // Ties go to the longer day so the result does not depend on weekday order.
    if (count > bestCount || (count === bestCount && length > best)) [best, bestCount] = [length, count];
  }
  return best;
}

type CalendarMath = Pick<BusinessCalendar, 'minutesBetween' | 'addMinutes' | 'isOpen'>;

function wallClockMath(): CalendarMath {
  return {
    minutesBetween: (s, e) => (e > s ? (e - s) / MINUTE_MS : 0),
    addMinutes: (s, m) => (m > 0 ? s + m * MINUTE_MS : s),
    isOpen: () => true,
  };
}

function requireFinite(a: number, b = 0): void {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`not a finite instant or amount: ${a}, ${b}`);
}

/** Local days of one calendar, built on demand and cached by local day number. */
class LocalDays {
  private readonly cache = new Map<number, LocalDay>();
  private readonly sums = new OpenSums((n) => this.day(n).openMs);

  constructor(private readonly clock: ZoneClock, private readonly week: Span[][], private readonly holidays: HolidaySet,
    private readonly skipDays: boolean) {}

  math(): CalendarMath {
    return {
      minutesBetween: (s, e) => this.minutesBetween(s, e),
      addMinutes: (s, m) => this.addMinutes(s, m),
      isOpen: (ms) => {
        requireFinite(ms);
        const d = this.dayAt(ms);
        for (let i = 0; i < d.open.length; i += 2) if (ms >= d.open[i]! && ms < d.open[i + 1]!) return true;
        return false;
      },
    };
  }

  minutesBetween(s: number, e: number): number {
    requireFinite(s, e);
    if (!(e > s)) return 0;
    let d = this.dayAt(s);
    if (e <= d.end) return openWithin(d, s, e) / MINUTE_MS;
    let total = openWithin(d, s, d.end);
    if (this.skipDays && e - d.end > SKIP_AFTER_MS && Number.isInteger(total)) {
      // Whole days in between by their running sums. Sums of whole milliseconds are exact in any
      // order, so this gives the very number the walk below gives (which a fractional start would not).
      const last = this.dayAt(e);
      if (last.day - d.day > 1 && this.sums.covers(d.day + 1, last.day)) {
        const end = last.start === e ? 0 : openWithin(last, last.start, e);
        return (total + this.sums.between(d.day + 1, last.day) + end) / MINUTE_MS;
      }
    }
    for (;;) {
      d = this.day(d.day + 1);
      if (e <= d.end) return (total + openWithin(d, d.start, e)) / MINUTE_MS;
      total += d.openMs;
    }
  }

  addMinutes(s: number, minutes: number): number {
    requireFinite(s, minutes);
    if (!(minutes > 0)) return s;
    let remaining = minutes * MINUTE_MS;
    let closedDays = 0;
    for (let d = this.dayAt(s); ; d = this.day(d.day + 1)) {
      if (this.skipDays && d.start >= s && remaining < EXACT_MS) {
        // Whole weeks whose open time does not reach the target, a week at a time: what the walk
        // below does day by day. `remaining` only shrinks by whole milliseconds, so exactly alike.
        for (;;) {
          if (closedDays + WEEK_DAYS > MAX_CLOSED_DAYS || !this.sums.covers(d.day, d.day + WEEK_DAYS)) break;
          const week = this.sums.between(d.day, d.day + WEEK_DAYS);
          if (week >= remaining) break;
          closedDays = week === 0 ? closedDays + WEEK_DAYS : this.closedDaysBefore(d.day + WEEK_DAYS);
          remaining -= week;
          d = this.day(d.day + WEEK_DAYS);
        }
      }
      if (d.openMs === 0 && ++closedDays > MAX_CLOSED_DAYS) {
        throw new RangeError(`calendar has no open time in the ${MAX_CLOSED_DAYS} days after ${new Date(s).toISOString()}`);
      }
      if (d.openMs > 0) closedDays = 0;
      if (d.start >= s && d.openMs < remaining) {
        remaining -= d.openMs;
        continue;
      }
      for (let i = 0; i < d.open.length; i += 2) {
        const from = Math.max(d.open[i]!, s);
        const available = d.open[i + 1]! - from;
        if (available <= 0) continue;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
    }
  }

  /** Closed days in a row right before day n (a week with open time in it: fewer than seven). */
  private closedDaysBefore(n: number): number {
    let k = 0;
    while (k < WEEK_DAYS && this.day(n - 1 - k).openMs === 0) k++;
    return k;
  }

  /** The local day containing an instant; days partition the timeline even across odd DST rules. */
  private dayAt(ms: number): LocalDay {
    let d = this.day(Math.floor((ms + this.clock.offsetAt(ms)) / DAY_MS));
    while (ms < d.start) d = this.day(d.day - 1);
    while (ms >= d.end) d = this.day(d.day + 1);
    return d;
  }

  private day(n: number): LocalDay {
    let d = this.cache.get(n);
    if (d === undefined) {
      if (this.cache.size >= MAX_CACHED_DAYS) this.cache.clear();
      d = this.build(n);
      this.cache.set(n, d);
    }
    return d;
  }

  private build(n: number): LocalDay {
    const date = new Date(n * DAY_MS);
    const [y, m, dd] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const start = this.clock.toUtc(y, m, dd);
    const next = new Date((n + 1) * DAY_MS);
    const end = Math.max(start, this.clock.toUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()));
    const open: number[] = [];
    let openMs = 0;
    const holiday = this.holidays.yearly.has(m * 100 + dd) || this.holidays.dated.has(y * 10_000 + m * 100 + dd);
    const spans = holiday ? [] : this.week[date.getUTCDay()]!;
    for (const span of spans) {
      // Clamping keeps intervals ordered when a span edge falls in a DST gap.
      const from = Math.min(end, Math.max(start, open[open.length - 1] ?? start, this.at(y, m, dd, span.start, end)));
      const to = Math.max(from, Math.min(end, this.at(y, m, dd, span.end, end)));
      if (to > from) {
        open.push(from, to);
        openMs += to - from;
      }
    }
    return { day: n, start, end, open, openMs };
  }

  private at(y: number, m: number, d: number, minuteOfDay: number, dayEnd: number): number {
    return minuteOfDay >= 1440 ? dayEnd : this.clock.toUtc(y, m, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  }
}

const WEEK_DAYS = 7;
/** Below this, a float holds every whole millisecond: subtracting whole days from it is exact. */
const EXACT_MS = 2 ** 53;
/** Spans longer than this cross their whole days by the running sums; shorter ones walk. */
const SKIP_AFTER_MS = 7 * DAY_MS;
/** The running sums stop growing past this many days (about 270 years): beyond, days are walked. */
const MAX_SUMMED_DAYS = 100_000;

/**
 * Open milliseconds of whole local days as running sums over one unbroken range of day numbers,
 * grown on demand at either end: the open time of any run of days inside it in two lookups.
 */
class OpenSums {
  private first = 0;
  /** sums[i]: open ms of days first .. first + i - 1. */
  private sums: number[] = [];

  constructor(private readonly openMs: (day: number) => number) {}

  /** Grows the range to hold days a .. b - 1; false when that would pass MAX_SUMMED_DAYS. */
  covers(a: number, b: number): boolean {
    if (this.sums.length === 0) {
      this.first = a;
      this.sums = [0];
    }
    const low = Math.min(a, this.first);
    const high = Math.max(b, this.first + this.sums.length - 1);
    if (high - low > MAX_SUMMED_DAYS) return false;
    if (a < this.first) this.prepend(a);
    while (this.first + this.sums.length - 1 < b) {
      this.sums.push(this.sums[this.sums.length - 1]! + this.openMs(this.first + this.sums.length - 1));
    }
    return true;
  }

  /** Open ms of days a .. b - 1, inside the range {@link covers} made. */
  between(a: number, b: number): number {
    return this.sums[b - this.first]! - this.sums[a - this.first]!;
  }

  private prepend(a: number): void {
    const head = [0];
    for (let n = a; n < this.first; n++) head.push(head[head.length - 1]! + this.openMs(n));
    const shift = head[head.length - 1]!;
    for (let i = 1; i < this.sums.length; i++) head.push(this.sums[i]! + shift);
    this.sums = head;
    this.first = a;
  }
}

function openWithin(d: LocalDay, from: number, to: number): number {
  let sum = 0;
  const open = d.open;
  for (let i = 0; i < open.length; i += 2) {
    const a = open[i]! > from ? open[i]! : from;
    const b = open[i + 1]! < to ? open[i + 1]! : to;
    if (b > a) sum += b - a;
  }
  return sum;
}

/** A 24x7 UTC calendar: wall-clock time. */
export const WALL_CLOCK: BusinessCalendar = createCalendar({ id: 'wall', timezone: 'UTC', hours: '24x7', holidays: [] });
