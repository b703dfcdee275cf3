import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createCalendar, parseHoliday, parseSpan, WALL_CLOCK, type CalendarSpec } from '../../src/framework/calendar.js';
import { zoneClock } from '../../src/time/zone.js';

const MIN = 60_000;
const officeHours = { mon: ['08:00-18:00'], tue: ['08:00-18:00'], wed: ['08:00-18:00'], thu: ['08:00-18:00'], fri: ['08:00-18:00'] };
const lunchHours = Object.fromEntries(Object.keys(officeHours).map((d) => [d, ['13:00-17:00', '08:00-12:00']]));

const specs = {
  ny: { id: 'ny', timezone: 'America/New_York', hours: officeHours, holidays: ['12-25', '2026-07-03'] },
  be: { id: 'be', timezone: 'Europe/Brussels', hours: officeHours, holidays: ['12-25', '2026-05-14'] },
  lunch: { id: 'lunch', timezone: 'Europe/Brussels', hours: lunchHours, holidays: [] },
  nySundays: { id: 'nySundays', timezone: 'America/New_York', hours: { sun: ['00:00-24:00'] }, holidays: [] },
  night: { id: 'night', timezone: 'America/New_York', hours: { sat: ['20:00-24:00'], sun: ['00:00-02:00'] }, holidays: [] },
  ny24x7: { id: 'ny24x7', timezone: 'America/New_York', hours: '24x7', holidays: ['2020-01-01'] },
  ny24x7Plain: { id: 'ny24x7Plain', timezone: 'America/New_York', hours: '24x7', holidays: [] },
} satisfies Record<string, CalendarSpec>;
type CalendarName = keyof typeof specs;
const calendars = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, createCalendar(s)])) as Record<CalendarName, ReturnType<typeof createCalendar>>;

/** 'YYYY-MM-DD HH:MM[:SS.mmm]' local wall time in the calendar's zone -> epoch ms. */
function at(name: CalendarName, text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})\.(\d{3}))?$/.exec(text);
  if (!m) throw new Error(`bad test time ${text}`);
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map((p) => Number(p ?? 0)) as number[];
  return zoneClock(specs[name].timezone).toUtc(y!, mo!, d!, h!, mi!, s!, ms!);
}

describe('minutesBetween', () => {
  it.each<[string, CalendarName, string, string, number]>([
    ['within a day: 29m', 'ny', '2026-03-03 09:00', '2026-03-03 09:29', 29],
    ['within a day: 31m', 'ny', '2026-03-03 09:00', '2026-03-03 09:31', 31],
    ['across a night: 29m', 'be', '2026-03-03 17:45', '2026-03-04 08:14', 29],
    ['across a night: 31m', 'be', '2026-03-03 17:45', '2026-03-04 08:16', 31],
    ['across a weekend with US spring-forward', 'ny', '2026-03-06 17:50', '2026-03-09 08:10', 20],
    ['across a weekend with EU spring-forward', 'be', '2026-03-27 17:50', '2026-03-30 08:10', 20],
    ['across yearly holiday 12-25 (2026, Fri)', 'ny', '2026-12-24 17:50', '2026-12-28 08:10', 20],
    ['across yearly holiday 12-25 (2025, Thu)', 'be', '2025-12-24 17:50', '2025-12-26 08:10', 20],
    ['across dated holiday 2026-07-03', 'ny', '2026-07-02 17:50', '2026-07-06 08:10', 20],
    ['across dated holiday 2026-05-14', 'be', '2026-05-13 17:50', '2026-05-15 08:10', 20],
    ['dated holiday does not recur (2027-05-14)', 'be', '2027-05-14 00:00', '2027-05-15 00:00', 600],
    ['lunch break: 29m', 'lunch', '2026-03-03 11:45', '2026-03-03 13:14', 29],
    ['lunch break: 31m', 'lunch', '2026-03-03 11:45', '2026-03-03 13:16', 31],
    ['lunch calendar whole day', 'lunch', '2026-03-03 00:00', '2026-03-04 00:00', 480],
    ['Monday after US spring-forward', 'ny', '2026-03-09 00:00', '2026-03-10 00:00', 600],
    ['Monday after US fall-back', 'ny', '2026-11-02 00:00', '2026-11-03 00:00', 600],
    ['Monday after EU spring-forward', 'be', '2026-03-30 00:00', '2026-03-31 00:00', 600],
    ['Monday after EU fall-back', 'be', '2026-10-26 00:00', '2026-10-27 00:00', 600],
    ['US spring-forward: opens 08:00 local (EDT)', 'ny', '2026-03-08 12:00', '2026-03-09 09:00', 60],
    ['US fall-back: opens 08:00 local (EST)', 'ny', '2026-11-01 12:00', '2026-11-02 09:00', 60],
    ['EU spring-forward: opens 08:00 local (CEST)', 'be', '2026-03-29 12:00', '2026-03-30 09:00', 60],
    ['EU fall-back: opens 08:00 local (CET)', 'be', '2026-10-25 12:00', '2026-10-26 09:00', 60],
    ['open Sunday of US spring-forward is 23h', 'nySundays', '2026-03-08 00:00', '2026-03-09 00:00', 1380],
    ['open Sunday of US fall-back is 25h', 'nySundays', '2026-11-01 00:00', '2026-11-02 00:00', 1500],
    ['24x7 with holidays across fall-back night', 'ny24x7', '2026-10-31 12:00', '2026-11-01 12:00', 1500],
    ['plain 24x7 across fall-back night', 'ny24x7Plain', '2026-10-31 12:00', '2026-11-01 12:00', 1500],
    ['span ending 24:00: 31m over midnight', 'night', '2026-03-14 23:45', '2026-03-15 00:16', 31],
    ['span ending 24:00: 29m over midnight', 'night', '2026-03-14 23:45', '2026-03-15 00:14', 29],
    ['span ending 24:00: whole weekend', 'night', '2026-03-13 00:00', '2026-03-16 00:00', 360],
    ['four weeks', 'ny', '2026-02-02 00:00', '2026-03-02 00:00', 20 * 600],
    ['a year with one weekday holiday', 'be', '2026-01-01 00:00', '2027-01-01 00:00', (261 - 2) * 600],
    ['end equals start', 'ny', '2026-03-03 09:00', '2026-03-03 09:00', 0],
    ['end before start', 'ny', '2026-03-03 10:00', '2026-03-03 09:00', 0],
    ['fractional minutes', 'ny', '2026-03-03 09:00', '2026-03-03 09:00:30.000', 0.5],
  ])('%s', (_name, cal, from, to, want) => {
    expect(calendars[cal].minutesBetween(at(cal, from), at(cal, to))).toBeCloseTo(want, 9);
  });
});

describe('addMinutes', () => {
  it.each<[string, CalendarName, string, number, string]>([
    ['zero minutes stays put, even when closed', 'ny', '2026-03-07 10:00', 0, '2026-03-07 10:00'],
    ['negative minutes stay put', 'ny', '2026-03-03 10:00', -5, '2026-03-03 10:00'],
    ['over a weekend', 'ny', '2026-03-06 17:50', 20, '2026-03-09 08:10'],
    ['a business day later', 'be', '2026-03-03 10:00', 600, '2026-03-04 10:00'],
    ['from a closed Saturday', 'ny', '2026-03-07 10:00', 1, '2026-03-09 08:01'],
    ['exactly to closing time', 'ny', '2026-03-03 17:00', 60, '2026-03-03 18:00'],
    ['over lunch', 'lunch', '2026-03-03 11:30', 60, '2026-03-03 13:30'],
    ['over a holiday', 'ny', '2026-12-24 17:00', 120, '2026-12-28 09:00'],
  ])('%s', (_name, cal, from, minutes, want) => {
    expect(calendars[cal].addMinutes(at(cal, from), minutes)).toBe(at(cal, want));
  });

  it('throws rather than looping when a calendar is never open', () => {
    const everyDay = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(5, 10));
    const closed = createCalendar({ id: 'closed', timezone: 'UTC', hours: officeHours, holidays: everyDay });
    expect(() => closed.addMinutes(Date.UTC(2026, 0, 1), 1)).toThrow(RangeError);
  });
});

describe('addMinutes and minutesBetween agree', () => {
  const start = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
  it.each<CalendarName>(['ny', 'be', 'lunch', 'night', 'ny24x7'])('%s: minutesBetween(s, addMinutes(s, m)) = m', (cal) => {
    const c = calendars[cal];
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 20_000 }), (s, m) => {
        const end = c.addMinutes(s, m);
        expect(end).toBeGreaterThanOrEqual(s);
        expect(Math.abs(c.minutesBetween(s, end) - m)).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it.each<CalendarName>(['ny', 'be', 'lunch', 'nySundays'])('%s: matches a minute-by-minute count done with luxon', (cal) => {
    const spec = specs[cal];
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    const openAt = (ms: number) => {
      const t = DateTime.fromMillis(ms, { zone: spec.timezone });
      if (spec.holidays.some((h) => h === t.toFormat('MM-dd') || h === t.toISODate())) return false;
      const minute = t.hour * 60 + t.minute;
      const spans = (spec.hours as Record<string, string[]>)[weekdays[t.weekday - 1]!] ?? [];
      return spans.map((text) => parseSpan(text)!).some((p) => minute >= p.start && minute < p.end);
    };
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 2 * 1440 }), (startMs, length) => {
        const s = Math.floor(startMs / MIN) * MIN;
        let want = 0;
        for (let t = s; t < s + length * MIN; t += MIN) if (openAt(t)) want++;
        expect(calendars[cal].minutesBetween(s, s + length * MIN)).toBeCloseTo(want, 9);
      }),
      { numRuns: 20 },
    );
  });
});

/** Every Monday from a date on, for a few years: a calendar open on Mondays only is then closed that long. */
function mondaysFrom(year: number, weeks: number): string[] {
  const first = Date.UTC(year, 0, 1);
  const monday = first + ((8 - new Date(first).getUTCDay()) % 7) * 86_400_000;
  return Array.from({ length: weeks }, (_, i) => new Date(monday + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

describe('long spans: the running sums give what the day-by-day walk gives, to the bit', () => {
  const extra = {
    lordHowe: { id: 'lordHowe', timezone: 'Australia/Lord_Howe', hours: officeHours, holidays: ['01-01', '2027-04-02'] },
    // Closed 1,127 days in a row (more than the 1,098 addMinutes looks through) from early 2027.
    mondays: { id: 'mondays', timezone: 'Europe/London', hours: { mon: ['09:00-10:00'] }, holidays: mondaysFrom(2027, 161) },
    // Closed 1,092 days in a row: less than the limit, so the walk gets through.
    mondaysShort: { id: 'mondaysShort', timezone: 'Europe/London', hours: { mon: ['09:00-10:00'] }, holidays: mondaysFrom(2027, 156) },
  } satisfies Record<string, CalendarSpec>;
  const all: CalendarSpec[] = [...Object.values(specs), ...Object.values(extra)];
  const start = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) });
  // Whole milliseconds mostly; sometimes a fraction (instants found by addMinutes have them).
  const instant = fc.tuple(start, fc.constantFrom(0, 0, 0, 0.25, 0.6180339887)).map(([ms, f]) => ms + f);
  const outcome = (f: () => number) => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };

  it.each(all.map((spec) => [spec.id, spec] as const))('%s', (_id, spec) => {
    const fast = createCalendar(spec);
    const walk = createCalendar(spec, { skipDays: false });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 4 * 366 * 1440 }), fc.double({ min: 0, max: 1, noNaN: true }), (s, spanMinutes, f) => {
        const e = s + spanMinutes * MIN * f;
        expect(Object.is(fast.minutesBetween(s, e), walk.minutesBetween(s, e))).toBe(true);
        // Up to some 36 days of minutes: months of office hours, years of a calendar open an hour a week.
        const m = (spanMinutes * f) / 40;
        expect(outcome(() => fast.addMinutes(s, m))).toStrictEqual(outcome(() => walk.addMinutes(s, m)));
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['1,097 closed days: found after them', 1097],
    ['1,098 closed days: the most looked through', 1098],
    ['1,099 closed days: refused', 1099],
    ['1,100 closed days: refused', 1100],
  ])('a closed stretch that starts inside a skipped week, %s', (_name, days) => {
    // Open around the clock but for `days` holidays in a row from 2027-01-06; the search starts five
    // days before them, with ten days to find: the first week crossed ends with two closed days.
    const first = Date.UTC(2027, 0, 6);
    const holidays = Array.from({ length: days }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
    const spec: CalendarSpec = { id: 'stretch', timezone: 'UTC', hours: '24x7', holidays };
    const from = first - 5 * 86_400_000;
    const want = outcome(() => createCalendar(spec, { skipDays: false }).addMinutes(from, 10 * 1440));
    expect(outcome(() => createCalendar(spec).addMinutes(from, 10 * 1440))).toStrictEqual(want);
    expect(typeof want).toBe(days > 1098 ? 'string' : 'number');
  });

  it('finds the end of a closed stretch shorter than the limit, and refuses a longer one, as the walk does', () => {
    const from = Date.UTC(2026, 11, 1);
    const short = createCalendar(extra.mondaysShort);
    expect(short.addMinutes(from, 600)).toBe(createCalendar(extra.mondaysShort, { skipDays: false }).addMinutes(from, 600));
    expect(short.addMinutes(from, 600)).toBeGreaterThan(Date.UTC(2029, 11, 1));
    expect(() => createCalendar(extra.mondays).addMinutes(from, 600)).toThrow('no open time in the 1098 days');
  });
});

describe('isOpen', () => {
  it.each<[CalendarName, string, boolean]>([
    ['ny', '2026-03-03 08:00', true],
    ['ny', '2026-03-03 07:59:59.999', false],
    ['ny', '2026-03-03 17:59:59.999', true],
    ['ny', '2026-03-03 18:00', false],
    ['lunch', '2026-03-03 12:00', false],
    ['lunch', '2026-03-03 11:59:59.999', true],
    ['lunch', '2026-03-03 13:00', true],
    ['ny', '2026-12-25 10:00', false],
    ['ny', '2026-03-07 10:00', false],
    ['night', '2026-03-15 00:00', true],
    ['night', '2026-03-15 02:00', false],
  ])('%s at %s -> %s', (cal, when, want) => {
    expect(calendars[cal].isOpen(at(cal, when))).toBe(want);
  });
});

describe('calendar properties', () => {
  it.each<[string, CalendarSpec['hours'], number, boolean]>([
    ['office hours', officeHours, 600, false],
    ['lunch break', lunchHours, 480, false],
    ['most common length wins', { ...officeHours, sat: ['09:00-13:00'] }, 600, false],
    ['24x7', '24x7', 1440, true],
  ])('%s: dayMinutes %d, alwaysOpen %s', (_name, hours, dayMinutes, alwaysOpen) => {
    const c = createCalendar({ id: 'x', timezone: 'Europe/Brussels', hours, holidays: [] });
    expect({ dayMinutes: c.dayMinutes, alwaysOpen: c.alwaysOpen }).toEqual({ dayMinutes, alwaysOpen });
  });

  it('a 24x7 calendar with holidays is not always open', () => {
    expect(calendars.ny24x7.alwaysOpen).toBe(false);
  });

  it('merges overlapping spans instead of counting them twice', () => {
    const c = createCalendar({ id: 'x', timezone: 'UTC', hours: { mon: ['09:00-12:00', '08:00-10:00', '12:00-13:00'] }, holidays: [] });
    expect(c.minutesBetween(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3))).toBe(300);
  });

  it('WALL_CLOCK is plain UTC wall time', () => {
    expect([WALL_CLOCK.alwaysOpen, WALL_CLOCK.dayMinutes, WALL_CLOCK.minutesBetween(0, 90 * MIN), WALL_CLOCK.addMinutes(0, 90)]).toEqual([true, 1440, 90, 90 * MIN]);
  });

  it.each<[string, Partial<CalendarSpec>]>([
    ['unknown zone', { timezone: 'Mars/Olympus' }],
    ['bad span', { hours: { mon: ['8:00-18:00'] } }],
    ['unknown weekday', { hours: { monday: ['08:00-18:00'] } as CalendarSpec['hours'] }],
    ['bad holiday', { holidays: ['2026-02-30'] }],
    ['no business hours at all', { hours: {} }],
    ['hours not a map', { hours: 'weekdays' as CalendarSpec['hours'] }],
  ])('createCalendar throws RangeError on %s', (_name, patch) => {
    expect(() => createCalendar({ ...specs.be, ...patch })).toThrow(RangeError);
  });
});

describe('parseSpan', () => {
  it.each<[string, { start: number; end: number } | undefined]>([
    ['08:00-18:00', { start: 480, end: 1080 }],
    ['00:00-24:00', { start: 0, end: 1440 }],
    [' 13:30 - 17:45 ', { start: 810, end: 1065 }],
    ['18:00-08:00', undefined],
    ['08:00-08:00', undefined],
    ['8:00-18:00', undefined],
    ['08:60-18:00', undefined],
    ['24:00-24:00', undefined],
    ['08:00-24:01', undefined],
    ['25:00-26:00', undefined],
    ['08:00', undefined],
    ['', undefined],
  ])('%j -> %j', (text, want) => {
    expect(parseSpan(text)).toEqual(want);
  });
});

describe('parseHoliday', () => {
  it.each<[string, { year?: number; month: number; day: number } | undefined]>([
    ['2026-12-25', { year: 2026, month: 12, day: 25 }],
    ['12-25', { month: 12, day: 25 }],
    ['02-29', { month: 2, day: 29 }],
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
    ['2026-02-29', undefined],
    ['2026-02-30', undefined],
    ['13-01', undefined],
    ['00-10', undefined],
    ['12-00', undefined],
    ['2026-4-01', undefined],
    ['christmas', undefined],
    ['', undefined],
  ])('%j -> %j', (text, want) => {
    expect(parseHoliday(text)).toEqual(want);
  });
});
