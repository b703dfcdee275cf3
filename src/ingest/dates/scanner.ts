import { monthFromAbbreviation } from './month-names.js';

/*
 * Field readers for date cells. Each takes the text, a start index and the end index, stores what it
 * read in `fields` and returns the index after it, or -1 when the text does not fit. Plain functions
 * over locals and one typed array: V8 inlines them into each format's parse, which measured about
 * twice as fast as a scanner object keeping its position and fields in properties.
 */

export const YEAR = 0;
export const MONTH = 1;
export const DAY = 2;
export const HOUR = 3;
export const MINUTE = 4;
export const SECOND = 5;
export const MILLIS = 6;
/** Minutes east of UTC; only meaningful when HAS_OFFSET is 1. */
export const OFFSET_MINUTES = 7;
export const HAS_OFFSET = 8;

/** The fields of the cell being parsed; every parse overwrites all of them before reading them. */
export const fields = new Int32Array(9);

const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
/** java.time's bound; real zones stay within ±14h. */
const MAX_OFFSET_HOURS = 18;

export const isBlank = (code: number): boolean => code === SPACE || code === TAB;

export function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

/** minDigits..maxDigits digits into fields[slot]. A longer run fails on whatever the layout expects next. */
export function readNumber(text: string, pos: number, end: number, minDigits: number, maxDigits: number, slot: number): number {
  const start = pos;
  const stop = Math.min(end, pos + maxDigits);
  let value = 0;
  while (pos < stop) {
    const digit = text.charCodeAt(pos) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
    pos++;
  }
  if (pos - start < minDigits) return -1;
  fields[slot] = value;
  return pos;
}

export function readChar(text: string, pos: number, end: number, code: number): number {
  return pos < end && text.charCodeAt(pos) === code ? pos + 1 : -1;
}

/** A three-letter month abbreviation (English, Spanish, Portuguese) into fields[MONTH]. */
export function readMonthName(text: string, pos: number, end: number): number {
  if (end - pos < 3) return -1;
  const month = monthFromAbbreviation(text, pos);
  fields[MONTH] = month;
  return month === 0 ? -1 : pos + 3;
}

/** `H:mm[:ss[.fff]]`, then `AM`/`PM` (blank optional) when twelveHour; checks the ranges. */
export function readTime(text: string, pos: number, end: number, twelveHour: boolean): number {
  pos = readNumber(text, pos, end, 1, 2, HOUR);
  if (pos < 0 || (pos = readChar(text, pos, end, COLON)) < 0) return -1;
  pos = readNumber(text, pos, end, 2, 2, MINUTE);
  if (pos < 0 || fields[MINUTE]! > 59) return -1;
  fields[SECOND] = 0;
  fields[MILLIS] = 0;
  if (pos < end && text.charCodeAt(pos) === COLON) {
    pos = readNumber(text, pos + 1, end, 2, 2, SECOND);
    if (pos < 0 || fields[SECOND]! > 59) return -1;
  }
  if (pos < end && (text.charCodeAt(pos) === DOT || text.charCodeAt(pos) === COMMA)) {
    pos = readFraction(text, pos + 1, end);
    if (pos < 0) return -1;
  }
  const hour = fields[HOUR]!;
  if (!twelveHour) return hour > 23 ? -1 : pos;
  pos = skipBlanks(text, pos, end);
  if (end - pos < 2 || hour < 1 || hour > 12) return -1;
  const first = text.charCodeAt(pos) | 0x20;
  if ((text.charCodeAt(pos + 1) | 0x20) !== 109 /* m */) return -1;
  if (first === 97 /* a */) fields[HOUR] = hour % 12;
  else if (first === 112 /* p */) fields[HOUR] = (hour % 12) + 12;
  else return -1;
  return pos + 2;
}

/** Fractional seconds into fields[MILLIS]; digits past milliseconds are dropped (truncated). */
function readFraction(text: string, pos: number, end: number): number {
  const start = pos;
  let millis = 0;
  while (pos < end) {
    const digit = text.charCodeAt(pos) - 48;
    if (digit < 0 || digit > 9) break;
    if (pos - start < 3) millis = millis * 10 + digit;
    pos++;
  }
  const count = pos - start;
  if (count === 0 || count > 9) return -1;
  fields[MILLIS] = count === 1 ? millis * 100 : count === 2 ? millis * 10 : millis;
  return pos;
}

/** Optional trailing `Z`, `UTC`, `GMT`, `±HH`, `±HHMM` or `±HH:MM` (or `UTC+HH:MM`), blank-separated or not. */
export function readOffset(text: string, pos: number, end: number): number {
  fields[HAS_OFFSET] = 0;
  pos = skipBlanks(text, pos, end);
  if (pos === end) return pos;
  let code = text.charCodeAt(pos);
  if (code === 90 || code === 122 /* Z z */) {
    fields[HAS_OFFSET] = 1;
    fields[OFFSET_MINUTES] = 0;
    return pos + 1;
  }
  if (code !== PLUS && code !== MINUS) {
    if (!isWord(text, pos, end, 'UTC') && !isWord(text, pos, end, 'GMT')) return -1;
    fields[HAS_OFFSET] = 1;
    fields[OFFSET_MINUTES] = 0;
    pos += 3;
    if (pos === end) return pos;
    code = text.charCodeAt(pos);
    if (code !== PLUS && code !== MINUS) return -1;
  }
  pos = readNumber(text, pos + 1, end, 2, 2, OFFSET_MINUTES);
  const hours = fields[OFFSET_MINUTES]!;
  if (pos < 0 || hours > MAX_OFFSET_HOURS) return -1;
  let minutes = 0;
  if (pos < end) {
    if (text.charCodeAt(pos) === COLON) pos++;
    pos = readNumber(text, pos, end, 2, 2, OFFSET_MINUTES);
    minutes = fields[OFFSET_MINUTES]!;
    if (pos < 0 || minutes > 59) return -1;
  }
  fields[HAS_OFFSET] = 1;
  fields[OFFSET_MINUTES] = (code === MINUS ? -1 : 1) * (hours * 60 + minutes);
  return pos;
}

/** An upper-case word, matched case-insensitively. */
function isWord(text: string, pos: number, end: number, upper: string): boolean {
  if (end - pos < upper.length) return false;
  for (let i = 0; i < upper.length; i++) {
    if ((text.charCodeAt(pos + i) & ~0x20) !== upper.charCodeAt(i)) return false;
  }
  return true;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
