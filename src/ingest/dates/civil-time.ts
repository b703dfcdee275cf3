import { zoneClock, type ZoneClock } from '../../time/zone.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const FOUR_CENTURIES_MS = 146_097 * DAY_MS;
/** Bounds the memo: a multi-year export touches tens of thousands of local hours; a century is ~900,000. */
const MAX_MEMOISED_HOURS = 200_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). Plain integer
 * arithmetic: cheaper than Date.UTC per cell, and right for years below 100, which Date.UTC maps to 19xx.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Epoch ms of a wall-clock time read as UTC. */
export function wallAsUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1000 + ms;
}

/**
 * Wall time in one zone to UTC, with ZoneClock.toUtc's rules (gap moves forward, overlap takes the
 * earlier instant). toUtc costs several offset look-ups per call; here each local hour is resolved
 * once and later cells of that hour cost one Map.get.
 */
export class NaiveTimeReader {
  /** Local hour number -> ms to subtract; NaN marks an hour whose offset changes inside it. */
  private readonly offsetByLocalHour = new Map<number, number>();

  constructor(private readonly clock: ZoneClock) {}

  toUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
    // ZoneClock goes through Date.UTC, which reads years 0-99 as 19xx; a 400-year cycle later is the same calendar.
    if (year < 100) return this.toUtc(year + 400, month, day, hour, minute, second, ms) - FOUR_CENTURIES_MS;
    const localHour = daysFromCivil(year, month, day) * 24 + hour;
    let offset = this.offsetByLocalHour.get(localHour);
    if (offset === undefined) {
      offset = this.resolveHour(year, month, day, hour, localHour);
    }
    if (Number.isNaN(offset)) return this.clock.toUtc(year, month, day, hour, minute, second, ms);
    return localHour * HOUR_MS + minute * 60_000 + second * 1000 + ms - offset;
  }

  private resolveHour(year: number, month: number, day: number, hour: number, localHour: number): number {
    const start = this.clock.toUtc(year, month, day, hour, 0, 0, 0);
    const end = this.clock.toUtc(year, month, day, hour, 59, 59, 999);
    // Only an hour that maps onto one straight hour of UTC can share one offset (not Lord Howe's 30-minute shift).
    const offset = end - start === HOUR_MS - 1 ? localHour * HOUR_MS - start : NaN;
    if (this.offsetByLocalHour.size >= MAX_MEMOISED_HOURS) this.offsetByLocalHour.clear();
    this.offsetByLocalHour.set(localHour, offset);
    return offset;
  }
}

const readers = new Map<string, NaiveTimeReader>();

/** One reader per zone name, shared by every format of that zone. */
export function naiveTimeReader(timezone: string): NaiveTimeReader {
  let reader = readers.get(timezone);
  if (!reader) {
    reader = new NaiveTimeReader(zoneClock(timezone));
    readers.set(timezone, reader);
  }
  return reader;
}
