import { naiveTimeReader, wallAsUtc, type NaiveTimeReader } from './civil-time.js';
import {
  daysInMonth, DAY, fields, HAS_OFFSET, HOUR, isBlank, MILLIS, MINUTE, MONTH, OFFSET_MINUTES, readChar, readMonthName,
  readNumber, readOffset, readTime, SECOND, skipBlanks, YEAR,
} from './scanner.js';
import type { DateFormat, DayOrder } from './types.js';

/** Field order of the date part: year first, day/month numbers, day + month name, or a bare epoch number. */
type DateFields = 'ymd' | DayOrder | 'day-month-name' | 'epoch-s' | 'epoch-ms';
/** `iso` is 24-hour after a `T`; the others follow the date after blanks. */
type TimeFields = 'none' | 'iso' | '24h' | '12h';

/**
 * One supported layout. Every layout with a time also takes seconds, fractions and a trailing UTC
 * offset, and one or two digits for day, month and hour, so padded and unpadded exports are one layout.
 */
export interface DateLayout {
  readonly label: string;
  /** Shown next to the label when listing supported layouts. */
  readonly example: string;
  readonly fields: DateFields;
  readonly separator: '-' | '/' | '';
  readonly time: TimeFields;
}

const layout = (label: string, example: string, fields: DateFields, separator: '-' | '/' | '', time: TimeFields): DateLayout =>
  ({ label, example, fields, separator, time });

/** Every layout, in the order they are listed to users. */
export const DATE_LAYOUTS: readonly DateLayout[] = [
  layout('ISO-8601', '2026-01-31T14:05:00+01:00', 'ymd', '-', 'iso'),
  layout('YYYY-MM-DD HH:mm', '2026-01-31 14:05:00', 'ymd', '-', '24h'),
  layout('YYYY/MM/DD HH:mm', '2026/01/31 14:05:00.123', 'ymd', '/', '24h'),
  layout('YYYY-MM-DD', '2026-01-31', 'ymd', '-', 'none'),
  layout('YYYY/MM/DD', '2026/01/31', 'ymd', '/', 'none'),
  layout('D/M/YYYY H:mm', '31/1/2026 14:05', 'dmy', '/', '24h'),
  layout('M/D/YYYY H:mm', '1/31/2026 14:05', 'mdy', '/', '24h'),
  layout('D/M/YYYY h:mm A', '31/1/2026 2:05 PM', 'dmy', '/', '12h'),
  layout('M/D/YYYY h:mm A', '1/31/2026 2:05 PM', 'mdy', '/', '12h'),
  layout('D/M/YYYY', '31/1/2026', 'dmy', '/', 'none'),
  layout('M/D/YYYY', '1/31/2026', 'mdy', '/', 'none'),
  layout('D-M-YYYY H:mm', '31-01-2026 14:05:00 +0000', 'dmy', '-', '24h'),
  layout('M-D-YYYY H:mm', '01-31-2026 14:05:00', 'mdy', '-', '24h'),
  layout('D-M-YYYY h:mm A', '31-01-2026 2:05 PM', 'dmy', '-', '12h'),
  layout('M-D-YYYY h:mm A', '01-31-2026 2:05 PM', 'mdy', '-', '12h'),
  layout('D-M-YYYY', '31-01-2026', 'dmy', '-', 'none'),
  layout('M-D-YYYY', '01-31-2026', 'mdy', '-', 'none'),
  layout('D/MMM/YY h:mm A', '31/Jan/26 2:05 PM', 'day-month-name', '/', '12h'),
  layout('D/MMM/YY H:mm', '31/ene/26 14:05', 'day-month-name', '/', '24h'),
  layout('D/MMM/YY', '31/Jan/26', 'day-month-name', '/', 'none'),
  layout('epoch-s', '1769868300', 'epoch-s', '', 'none'),
  layout('epoch-ms', '1769868300000', 'epoch-ms', '', 'none'),
];

/** The day order of a layout, when it has one. */
export function dayOrderOf(layout: DateLayout): DayOrder | undefined {
  return layout.fields === 'dmy' || layout.fields === 'mdy' ? layout.fields : undefined;
}

/**
 * Layouts that only differ by day order share a family: the data has to settle which member applies.
 * Families never overlap, so any value fits at most one.
 */
export function familyOf(layout: DateLayout): string {
  return dayOrderOf(layout) ? `day-month ${layout.separator} ${layout.time}` : layout.label;
}

/** A {@link DateFormat} that also knows the layout it reads. */
export interface LayoutFormat extends DateFormat {
  readonly layout: DateLayout;
}

/** The parser for one layout; naive values are read in `timezone`. */
export function createLayoutFormat(layout: DateLayout, timezone: string): LayoutFormat {
  if (layout.fields === 'epoch-s' || layout.fields === 'epoch-ms') return new EpochFormat(layout);
  return new TextFormat(layout, naiveTimeReader(timezone));
}

const T = 84;
const DATE_FIELD_CODES: Record<DateFields, number> = { ymd: 0, dmy: 1, mdy: 2, 'day-month-name': 3, 'epoch-s': -1, 'epoch-ms': -1 };
const TIME_CODES: Record<TimeFields, number> = { none: 0, iso: 1, '24h': 2, '12h': 3 };

class TextFormat implements LayoutFormat {
  readonly label: string;
  // Small integers rather than the layout's strings: parse switches on them per cell.
  private readonly dateCode: number;
  private readonly timeCode: number;
  private readonly separator: number;

  constructor(readonly layout: DateLayout, private readonly naive: NaiveTimeReader) {
    this.label = layout.label;
    this.dateCode = DATE_FIELD_CODES[layout.fields];
    this.timeCode = TIME_CODES[layout.time];
    this.separator = layout.separator.charCodeAt(0);
  }

  // An arrow property so that `format.parse` can be handed around as a plain function.
  readonly parse = (text: string): number | undefined => {
    let end = text.length;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    let pos = readDate(text, skipBlanks(text, 0, end), end, this.dateCode, this.separator);
    if (pos < 0) return undefined;
    const time = this.timeCode;
    if (time === 0) {
      fields[HOUR] = fields[MINUTE] = fields[SECOND] = fields[MILLIS] = fields[HAS_OFFSET] = 0;
    } else {
      const afterSeparator = time === 1 ? readChar(text, pos, end, T) : skipBlanks(text, pos, end);
      if (afterSeparator <= pos) return undefined;
      pos = readTime(text, afterSeparator, end, time === 3);
      if (pos < 0 || (pos = readOffset(text, pos, end)) < 0) return undefined;
    }
    return pos === end ? this.instant() : undefined;
  };

  /** Epoch ms of the fields read, or undefined when the calendar date does not exist (31/4, 29/2/2026). */
  private instant(): number | undefined {
    const year = fields[YEAR]!;
    const month = fields[MONTH]!;
    const day = fields[DAY]!;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    const hour = fields[HOUR]!;
    const minute = fields[MINUTE]!;
    const second = fields[SECOND]!;
    const millis = fields[MILLIS]!;
    if (fields[HAS_OFFSET] === 0) return this.naive.toUtc(year, month, day, hour, minute, second, millis);
    return wallAsUtc(year, month, day, hour, minute, second, millis) - fields[OFFSET_MINUTES]! * 60_000;
  }
}

/** The date part in the layout's field order; returns the index after it or -1. */
function readDate(text: string, pos: number, end: number, dateCode: number, sep: number): number {
  switch (dateCode) {
    case 0:
      return readThree(text, pos, end, sep, YEAR, 4, 4, MONTH, DAY);
    case 1:
      return readThree(text, pos, end, sep, DAY, 1, 2, MONTH, YEAR);
    case 2:
      return readThree(text, pos, end, sep, MONTH, 1, 2, DAY, YEAR);
    case 3: {
      pos = readNumber(text, pos, end, 1, 2, DAY);
      if (pos < 0 || (pos = readChar(text, pos, end, sep)) < 0) return -1;
      if ((pos = readMonthName(text, pos, end)) < 0 || (pos = readChar(text, pos, end, sep)) < 0) return -1;
      const start = pos;
      pos = readNumber(text, pos, end, 2, 4, YEAR);
      // Jira writes two-digit years; they are all this century.
      if (pos - start === 2) fields[YEAR] = 2000 + fields[YEAR]!;
      return pos - start === 3 ? -1 : pos;
    }
    default:
      return -1;
  }
}

/** `first sep middle sep last` where the year, wherever it is, has four digits and the others one or two. */
function readThree(
  text: string, pos: number, end: number, sep: number,
  firstSlot: number, firstMin: number, firstMax: number, middleSlot: number, lastSlot: number,
): number {
  pos = readNumber(text, pos, end, firstMin, firstMax, firstSlot);
  if (pos < 0 || (pos = readChar(text, pos, end, sep)) < 0) return -1;
  pos = readNumber(text, pos, end, 1, 2, middleSlot);
  if (pos < 0 || (pos = readChar(text, pos, end, sep)) < 0) return -1;
  const yearLast = lastSlot === YEAR;
  return readNumber(text, pos, end, yearLast ? 4 : 1, yearLast ? 4 : 2, lastSlot);
}

/** Bare Unix time: 9-10 digits of seconds or 12-13 digits of milliseconds (1973-2286). */
class EpochFormat implements LayoutFormat {
  readonly label: string;
  private readonly minDigits: number;
  private readonly maxDigits: number;
  private readonly unitMs: number;

  constructor(readonly layout: DateLayout) {
    this.label = layout.label;
    const seconds = layout.fields === 'epoch-s';
    this.minDigits = seconds ? 9 : 12;
    this.maxDigits = seconds ? 10 : 13;
    this.unitMs = seconds ? 1000 : 1;
  }

  readonly parse = (text: string): number | undefined => {
    let start = 0;
    let end = text.length;
    while (start < end && text.charCodeAt(start) === 32) start++;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    const length = end - start;
    if (length < this.minDigits || length > this.maxDigits) return undefined;
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return undefined;
      value = value * 10 + digit;
    }
    return value * this.unitMs;
  };
}
