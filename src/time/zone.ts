import { IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;

/** Validates an IANA zone name ("America/Chicago", "UTC"). */
export function isValidTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/**
 * Offset lookups for one zone, memoised per UTC hour: zone rules only change on hour boundaries in
 * practice, and a million-row export touches a few thousand distinct hours at most.
 */
export class ZoneClock {
  readonly name: string;
  private readonly zone: IANAZone;
  private readonly cache = new Map<number, number>();

  constructor(name: string) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`unknown time zone "${name}"`);
    this.name = name;
    this.zone = IANAZone.create(name);
  }

  /** Offset from UTC in milliseconds at a UTC instant. */
  offsetAt(utcMs: number): number {
    const hour = Math.floor(utcMs / HOUR_MS);
    let off = this.cache.get(hour);
    if (off === undefined) {
      off = this.zone.offset(utcMs) * 60_000;
      this.cache.set(hour, off);
    }
    return off;
  }

  /**
   * The UTC instant of a wall-clock time in this zone. In a DST gap the time is moved forward by the
   * gap; in a DST overlap the earlier instant wins (as luxon and java.time do).
   */
  toUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
    const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    const o1 = this.offsetAt(local - this.offsetAt(local));
    const o2 = this.offsetAt(local - o1);
    if (o1 === o2) {
      const earlier = this.offsetAt(local - o1 - HOUR_MS);
      // Overlap: the same wall time also exists under the earlier (larger) offset.
      if (earlier !== o1 && local - earlier < local - o1 && this.offsetAt(local - earlier) === earlier) {
        return local - earlier;
      }
      return local - o1;
    }
    // Gap: the wall time does not exist; keep the offset in force before the jump.
    return local - Math.min(o1, o2);
  }

  /** Wall-clock parts of a UTC instant in this zone. */
  toLocal(utcMs: number): LocalParts {
    const d = new Date(utcMs + this.offsetAt(utcMs));
    return {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
      weekday: d.getUTCDay(),
    };
  }
}

export interface LocalParts {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone name, so every reader of the same zone shares its offset cache. */
export function zoneClock(name: string): ZoneClock {
  let c = clocks.get(name);
  if (!c) {
    c = new ZoneClock(name);
    clocks.set(name, c);
  }
  return c;
}
