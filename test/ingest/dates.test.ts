import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { dateFormatFromLabel, DateSniffer, knownDateLabels, type DateSnifferOptions } from '../../src/ingest/dates.js';
import { daysFromCivil, NaiveTimeReader } from '../../src/ingest/dates/civil-time.js';
import { DATE_LAYOUTS } from '../../src/ingest/dates/layouts.js';
import { zoneClock, type LocalParts } from '../../src/time/zone.js';

const CHICAGO = 'America/Chicago';
const iso = (ms: number | undefined) => (ms === undefined ? 'undefined' : new Date(ms).toISOString());
const parseWith = (label: string, text: string, timezone = CHICAGO) => {
  const format = dateFormatFromLabel(label, timezone);
  if (!format) throw new Error(`no format for label ${label}`);
  return format.parse(text);
};

describe('parse, per layout (naive values in America/Chicago)', () => {
  it.each([
    ['ISO-8601', '2010-03-31T15:59:42+01:00', '2010-03-31T14:59:42.000Z'],
    ['ISO-8601', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00.000Z'],
    ['ISO-8601', '2026-01-05T09:00:00.123Z', '2026-01-05T09:00:00.123Z'],
    ['ISO-8601', '2026-01-05T09:00:00.123456Z', '2026-01-05T09:00:00.123Z'],
    ['ISO-8601', '2026-01-05T09:00:00+0100', '2026-01-05T08:00:00.000Z'],
    ['ISO-8601', '2026-01-05T09:00:00-05:30', '2026-01-05T14:30:00.000Z'],
    ['ISO-8601', '2026-01-05T09:00:00', '2026-01-05T15:00:00.000Z'],
    ['ISO-8601', '2026-07-05T09:00', '2026-07-05T14:00:00.000Z'],
    ['ISO-8601', '  2026-01-05T09:00:00Z ', '2026-01-05T09:00:00.000Z'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 09:00:00', '2026-01-05T15:00:00.000Z'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 09:00', '2026-01-05T15:00:00.000Z'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 09:00:00 +0000', '2026-01-05T09:00:00.000Z'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 09:00:00 UTC', '2026-01-05T09:00:00.000Z'],
    ['YYYY/MM/DD HH:mm', '2026/01/05 09:00:00.123', '2026-01-05T15:00:00.123Z'],
    ['YYYY/MM/DD HH:mm', '2026/01/05 09:00:00,5', '2026-01-05T15:00:00.500Z'],
    ['D/M/YYYY H:mm', '29/2/2016 01:16', '2016-02-29T07:16:00.000Z'],
    ['D/M/YYYY H:mm', '5/1/2026 8:00', '2026-01-05T14:00:00.000Z'],
    ['D/M/YYYY H:mm', '05/01/2026 08:00', '2026-01-05T14:00:00.000Z'],
    ['D/M/YYYY H:mm', '05/01/2026 08:00:59', '2026-01-05T14:00:59.000Z'],
    ['M/D/YYYY H:mm', '1/5/2026 20:00:30', '2026-01-06T02:00:30.000Z'],
    ['M/D/YYYY h:mm A', '10/10/2022 8:00 PM', '2022-10-11T01:00:00.000Z'],
    ['M/D/YYYY h:mm A', '1/5/2026 12:00 AM', '2026-01-05T06:00:00.000Z'],
    ['M/D/YYYY h:mm A', '1/5/2026 12:00 PM', '2026-01-05T18:00:00.000Z'],
    ['M/D/YYYY h:mm A', '1/5/2026 12:30:15 pm', '2026-01-05T18:30:15.000Z'],
    ['M/D/YYYY h:mm A', '01/05/2026 11:59PM', '2026-01-06T05:59:00.000Z'],
    ['D/M/YYYY h:mm A', '13/1/2026 1:05 am', '2026-01-13T07:05:00.000Z'],
    ['D-M-YYYY H:mm', '21-05-2026 14:12:04 +0000', '2026-05-21T14:12:04.000Z'],
    ['D-M-YYYY H:mm', '21-05-2026 14:12', '2026-05-21T19:12:00.000Z'],
    ['M-D-YYYY H:mm', '05-21-2026 14:12', '2026-05-21T19:12:00.000Z'],
    ['D/MMM/YY h:mm A', '06/Jan/26 9:29 AM', '2026-01-06T15:29:00.000Z'],
    ['D/MMM/YY h:mm A', '18/jul/26 9:10 AM', '2026-07-18T14:10:00.000Z'],
    ['D/MMM/YY h:mm A', '18/JUL/2026 9:10 PM', '2026-07-19T02:10:00.000Z'],
    ['D/MMM/YY H:mm', '6/ene/26 21:29', '2026-01-07T03:29:00.000Z'],
    ['YYYY-MM-DD', '2026-01-05', '2026-01-05T06:00:00.000Z'],
    ['YYYY/MM/DD', '2026/07/05', '2026-07-05T05:00:00.000Z'],
    ['D/M/YYYY', '5/1/2026', '2026-01-05T06:00:00.000Z'],
    ['M/D/YYYY', '5/1/2026', '2026-05-01T05:00:00.000Z'],
    ['D-M-YYYY', '05-01-2026', '2026-01-05T06:00:00.000Z'],
    ['D/MMM/YY', '05/dez/25', '2025-12-05T06:00:00.000Z'],
    ['epoch-s', '1767603600', '2026-01-05T09:00:00.000Z'],
    ['epoch-s', '788918400', '1995-01-01T00:00:00.000Z'],
    ['epoch-ms', '1767603600123', '2026-01-05T09:00:00.123Z'],
  ])('%s reads %j as %s', (label, text, want) => {
    expect(iso(parseWith(label, text))).toBe(want);
  });

  it.each([
    ['spring-forward gap moves forward', 'YYYY-MM-DD HH:mm', '2026-03-08 02:30', '2026-03-08T08:30:00.000Z'],
    ['just before the gap', 'ISO-8601', '2026-03-08T01:59:00', '2026-03-08T07:59:00.000Z'],
    ['just after the gap', 'M/D/YYYY h:mm A', '3/8/2026 3:00 AM', '2026-03-08T08:00:00.000Z'],
    ['fall-back overlap takes the earlier instant', 'D/M/YYYY H:mm', '1/11/2026 1:30', '2026-11-01T06:30:00.000Z'],
    ['an explicit offset picks the later instant', 'ISO-8601', '2026-11-01T01:30:00-06:00', '2026-11-01T07:30:00.000Z'],
    ['just after the overlap', 'M/D/YYYY h:mm A', '11/1/2026 2:00 AM', '2026-11-01T08:00:00.000Z'],
  ])('DST: %s', (_name, label, text, want) => {
    expect(iso(parseWith(label, text))).toBe(want);
  });

  it.each([
    ['D/M/YYYY', '29/2/2016', '2016-02-29T06:00:00.000Z'],
    ['D/M/YYYY', '29/2/2000', '2000-02-29T06:00:00.000Z'],
    ['D/M/YYYY', '29/2/2015', 'undefined'],
    ['D/M/YYYY', '29/2/2100', 'undefined'],
    ['D/M/YYYY', '31/04/2026', 'undefined'],
    ['D/M/YYYY H:mm', '31/04/2026 10:00', 'undefined'],
    ['M/D/YYYY', '2/30/2026', 'undefined'],
    ['M/D/YYYY', '13/1/2026', 'undefined'],
    ['YYYY-MM-DD', '2026-02-29', 'undefined'],
    ['YYYY-MM-DD', '2026-00-10', 'undefined'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 25:00', 'undefined'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 24:00', 'undefined'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 10:61', 'undefined'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 10:30:60', 'undefined'],
    ['YYYY-MM-DD HH:mm', '2026-01-05 9:5', 'undefined'],
    ['YYYY-MM-DD HH:mm', '2026-01-05T09:00', 'undefined'],
    ['ISO-8601', '2026-01-05 09:00:00', 'undefined'],
    ['ISO-8601', '2026-01-05', 'undefined'],
    ['ISO-8601', '2026-01-05T09:00:00+2500', 'undefined'],
    ['ISO-8601', '2026-01-05T09:00:00+01:60', 'undefined'],
    ['ISO-8601', '2026-01-05T09:00:00.', 'undefined'],
    ['ISO-8601', '20260-01-05T09:00:00Z', 'undefined'],
    ['M/D/YYYY h:mm A', '1/5/2026 13:00 PM', 'undefined'],
    ['M/D/YYYY h:mm A', '1/5/2026 0:30 AM', 'undefined'],
    ['M/D/YYYY h:mm A', '1/5/2026 8:00', 'undefined'],
    ['M/D/YYYY H:mm', '1/5/2026 8:00 PM', 'undefined'],
    ['D/M/YYYY H:mm', '5/1/2026 8:00 extra', 'undefined'],
    ['D/M/YYYY H:mm', '5/1/26 8:00', 'undefined'],
    ['D/M/YYYY H:mm', '5/1/2026', 'undefined'],
    ['D/M/YYYY H:mm', '5-1-2026 8:00', 'undefined'],
    ['D/M/YYYY H:mm', '', 'undefined'],
    ['D/M/YYYY H:mm', '   ', 'undefined'],
    ['D/MMM/YY h:mm A', '06/Foo/26 9:29 AM', 'undefined'],
    ['D/MMM/YY h:mm A', '06/Janu/26 9:29 AM', 'undefined'],
    ['D/MMM/YY h:mm A', '06/Jan/202 9:29 AM', 'undefined'],
    ['D/MMM/YY h:mm A', '31/set/26 9:29 AM', 'undefined'],
    ['epoch-s', '12345678', 'undefined'],
    ['epoch-s', '1767603600123', 'undefined'],
    ['epoch-s', '17676036OO', 'undefined'],
    ['epoch-ms', '17676036001234', 'undefined'],
  ])('%s: %j -> %s (real dates only)', (label, text, want) => {
    expect(iso(parseWith(label, text))).toBe(want);
  });

  it.each([
    ['jan', 1], ['ENE', 1], ['feb', 2], ['Fev', 2], ['mar', 3], ['apr', 4], ['abr', 4], ['may', 5],
    ['mai', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['ago', 8], ['sep', 9], ['SET', 9], ['oct', 10],
    ['out', 10], ['nov', 11], ['dec', 12], ['dic', 12], ['dez', 12],
  ])('Jira month %s is month %i', (abbreviation, month) => {
    const want = `2026-${String(month).padStart(2, '0')}-15T22:07:00.000Z`;
    expect(iso(parseWith('D/MMM/YY h:mm A', `15/${abbreviation}/26 10:07 PM`, 'UTC'))).toBe(want);
  });

  it('parse works when detached from its format', () => {
    const { parse } = dateFormatFromLabel('ISO-8601', 'UTC')!;
    expect(iso(parse('2026-01-05T09:00:00Z'))).toBe('2026-01-05T09:00:00.000Z');
  });
});

describe('labels', () => {
  it.each(knownDateLabels())('%s names itself', (label) => {
    expect(dateFormatFromLabel(label, 'UTC')?.label).toBe(label);
  });

  it.each(DATE_LAYOUTS.map((l) => [l.label, l.example] as const))(
    'the example of %s fits that layout and no other',
    (label, example) => {
      const fitting = knownDateLabels().filter((l) => parseWith(l, example, 'UTC') !== undefined);
      expect(fitting).toEqual([label]);
    },
  );

  it.each([
    ['iso', 'ISO-8601'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'ISO-8601'],
    ['YYYY-MM-DDTHH:mm:ssZ', 'ISO-8601'],
    ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm'],
    ['yyyy-MM-dd HH:mm[:ss]', 'YYYY-MM-DD HH:mm'],
    ['YYYY/MM/DD HH:mm:ss.SSS', 'YYYY/MM/DD HH:mm'],
    ['DD/MM/YYYY HH:mm', 'D/M/YYYY H:mm'],
    ['dd/MM/yyyy', 'D/M/YYYY'],
    ['MM/dd/yyyy hh:mm:ss a', 'M/D/YYYY h:mm A'],
    ['DD-MM-YYYY HH:mm:ss Z', 'D-M-YYYY H:mm'],
    ['dd/MMM/yy h:mm A', 'D/MMM/YY h:mm A'],
    ['dd/MMM/yyyy h:mm a', 'D/MMM/YY h:mm A'],
    ['EPOCH-MS', 'epoch-ms'],
    ['unix', 'epoch-s'],
  ])('%j is read as %s', (written, label) => {
    expect(dateFormatFromLabel(written, 'UTC')?.label).toBe(label);
  });

  it.each(['DD.MM.YYYY', 'MMMM D, YYYY', 'D/M/YYYY hh:mm', 'dd/mm/yyyy', 'nonsense', ''])(
    '%j is unknown',
    (written) => {
      expect(dateFormatFromLabel(written, 'UTC')).toBeUndefined();
    },
  );
});

type Expected = { label: string } | { reason: 'ambiguous' | 'unrecognised' | 'empty'; samples?: string[] };
const ambiguousRows = (n: number) => Array.from({ length: n }, (_, i) => `${(i % 12) + 1}/${((i * 5) % 12) + 1}/2026 8:00`);
const repeat = (value: string, n: number) => Array.from({ length: n }, () => value);

describe('DateSniffer decisions', () => {
  it.each<[string, string[], Partial<DateSnifferOptions>, Expected]>([
    ['ISO', ['2026-01-05T09:00:00Z', '2026-01-06T09:00:00+01:00'], {}, { label: 'ISO-8601' }],
    ['ServiceNow', ['2026-01-05 09:00:00', '2026-01-06 10:00'], {}, { label: 'YYYY-MM-DD HH:mm' }],
    ['Italian log', ['2026/01/05 09:00:00.123'], {}, { label: 'YYYY/MM/DD HH:mm' }],
    ['ServiceNow UCI, day > 12 later', ['1/2/2016 01:16', '29/2/2016 01:16'], {}, { label: 'D/M/YYYY H:mm' }],
    ['padded and unpadded mix', ['05/01/2026 08:00', '5/1/2026 8:00', '13/01/2026 08:00'], {}, { label: 'D/M/YYYY H:mm' }],
    ['row 40 settles day-first', [...ambiguousRows(39), '13/1/2026 8:00'], {}, { label: 'D/M/YYYY H:mm' }],
    ['month-first 12h', ['10/10/2022 8:00 PM', '10/13/2022 9:00 AM'], {}, { label: 'M/D/YYYY h:mm A' }],
    ['Freshdesk activities', ['01-05-2026 14:12:04 +0000', '21-05-2026 14:12:04 +0000'], {}, { label: 'D-M-YYYY H:mm' }],
    ['Jira Spanish', ['06/ene/26 9:29 AM', '18/jul/26 9:10 PM'], {}, { label: 'D/MMM/YY h:mm A' }],
    ['date only, ISO', ['2026-01-05', '2026-02-05'], {}, { label: 'YYYY-MM-DD' }],
    ['date only, day-first', ['5/1/2026', '20/1/2026'], {}, { label: 'D/M/YYYY' }],
    ['epoch seconds', ['1767603600', '1767607200'], {}, { label: 'epoch-s' }],
    ['epoch milliseconds', ['1767603600000', '1767607200000'], {}, { label: 'epoch-ms' }],
    ['junk does not stop or flip it', ['N/A', '-', '2026-01-05 09:00:00', 'TBD', '2026-01-06 10:00'], {}, { label: 'YYYY-MM-DD HH:mm' }],
    ['a few values of another layout do not flip it', [...repeat('2026-01-05T09:00:00Z', 10), '5/1/2026 8:00', '13/1/2026 8:00'], {}, { label: 'ISO-8601' }],
    ['forced day order settles ambiguity', ambiguousRows(5), { dayOrder: 'mdy' }, { label: 'M/D/YYYY H:mm' }],
    ['forced day order rejects the other order', ['3/4/2026', '13/4/2026', '4/5/2026'], { dayOrder: 'mdy' }, { label: 'M/D/YYYY' }],
    ['forced label skips detection', ['13/1/2026 8:00'], { format: 'MM/DD/YYYY HH:mm' }, { label: 'M/D/YYYY H:mm' }],
    ['only ambiguous values', ['3/4/2026 8:00', '5/1/2026 9:30', '12/12/2026 10:00'], {},
      { reason: 'ambiguous', samples: ['3/4/2026 8:00', '5/1/2026 9:30', '12/12/2026 10:00'] }],
    ['day-first and month-first both seen', ['13/1/2026 8:00', '5/1/2026 8:00', '1/13/2026 8:00'], {},
      { reason: 'unrecognised', samples: ['13/1/2026 8:00', '1/13/2026 8:00'] }],
    ['nothing fits', ['soon', 'Jan 5, 2026'], {}, { reason: 'unrecognised', samples: ['soon', 'Jan 5, 2026'] }],
    ['half and half', ['2026-01-05T09:00:00Z', '2026-01-05 09:00', '2026-01-06T09:00:00Z', '2026-01-06 09:00'], {},
      { reason: 'unrecognised', samples: ['2026-01-05T09:00:00Z', '2026-01-05 09:00'] }],
    ['decided early, then outnumbered', ['2026-01-05T09:00:00Z', '13/1/2026 8:00', '14/1/2026 8:00'], {},
      { reason: 'unrecognised', samples: ['2026-01-05T09:00:00Z', '13/1/2026 8:00'] }],
    ['no values', [], {}, { reason: 'empty', samples: [] }],
  ])('%s', (_name, values, options, expected) => {
    const sniffer = new DateSniffer({ timezone: CHICAGO, ...options });
    for (const value of values) sniffer.add(value);
    const decision = sniffer.finish();
    if ('label' in expected) {
      expect(decision).toMatchObject({ ok: true, format: { label: expected.label } });
    } else {
      expect(decision).toMatchObject({ ok: false, reason: expected.reason });
      if (!decision.ok) expect(decision.samples).toEqual(expected.samples);
    }
  });

  it('decides as soon as the data settles it, and not before', () => {
    const sniffer = new DateSniffer({ timezone: CHICAGO });
    const rows = [...ambiguousRows(39), '13/1/2026 8:00'];
    rows.forEach((row, index) => {
      sniffer.add(row);
      expect([index + 1, sniffer.decided?.label]).toEqual([index + 1, index === 39 ? 'D/M/YYYY H:mm' : undefined]);
    });
    expect(iso(sniffer.decided!.parse('5/1/2026 8:00'))).toBe('2026-01-05T14:00:00.000Z');
  });

  it.each([
    ['an unambiguous layout on its first value', {}, ['N/A', '2026-01-05T09:00:00Z'], 'ISO-8601'],
    ['a forced label before any value', { format: 'dd/MMM/yy h:mm a' }, [], 'D/MMM/YY h:mm A'],
    ['a forced day order on the first value', { dayOrder: 'dmy' as const }, ['3/4/2026 8:00'], 'D/M/YYYY H:mm'],
    ['nothing without a majority', {}, ['3/4/2026 8:00', '2026-01-05T09:00:00Z'], undefined],
  ])('decided: %s', (_name, options, values, label) => {
    const sniffer = new DateSniffer({ timezone: CHICAGO, ...options });
    for (const value of values) sniffer.add(value);
    expect(sniffer.decided?.label).toBe(label);
  });

  it('an ambiguous column names the options that settle it', () => {
    const sniffer = new DateSniffer({ timezone: CHICAGO });
    sniffer.add('3/4/2026 8:00');
    const decision = sniffer.finish();
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    for (const option of ['3/4/2026 8:00', 'dates.dayOrder: dmy|mdy', '--day-first', '--month-first']) {
      expect(decision.message).toContain(option);
    }
  });

  it.each([
    ['inconsistent day order', ['13/1/2026 8:00', '1/13/2026 8:00']],
    ['nothing fits', ['soon']],
  ])('%s: the message names the values (and the layouts when nothing fits)', (name, values) => {
    const sniffer = new DateSniffer({ timezone: CHICAGO });
    for (const value of values) sniffer.add(value);
    const decision = sniffer.finish();
    if (decision.ok) throw new Error('expected a failure');
    for (const value of values) expect(decision.message).toContain(`"${value}"`);
    if (name === 'nothing fits') for (const label of knownDateLabels()) expect(decision.message).toContain(label);
  });

  it.each([
    ['an unknown label', { format: 'DD.MM.YYYY' }],
    ['a label that contradicts the day order', { format: 'D/M/YYYY', dayOrder: 'mdy' as const }],
  ])('rejects %s up front', (_name, options) => {
    expect(() => new DateSniffer({ timezone: CHICAGO, ...options })).toThrow(InputError);
  });
});

describe('round trip in Europe/Brussels, 1995-2035', () => {
  const BRUSSELS = 'Europe/Brussels';
  const clock = zoneClock(BRUSSELS);
  const HOUR = 3_600_000;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const MONTHS = ['Jan', 'fev', 'MAR', 'abr', 'mai', 'jun', 'Jul', 'ago', 'set', 'out', 'nov', 'dic'];
  const hour12 = (p: LocalParts) => `${p.hour % 12 || 12}:${pad(p.minute)}`;
  const meridiem = (p: LocalParts) => (p.hour < 12 ? 'AM' : 'pm');
  const jiraYear = (year: number) => (year >= 2000 ? pad(year % 100) : String(year));
  const maybePad = (n: number, padded: boolean) => (padded ? pad(n) : String(n));

  type Precision = 'ms' | 'second' | 'minute' | 'day';
  type Formatter = (p: LocalParts, ms: number, padded: boolean) => string;
  const layouts: Array<[string, Precision, Formatter]> = [
    ['ISO-8601', 'ms', (p, ms) => `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(ms, 3)}`],
    ['YYYY-MM-DD HH:mm', 'second', (p) => `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`],
    ['YYYY/MM/DD HH:mm', 'ms', (p, ms) => `${p.year}/${pad(p.month)}/${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(ms, 3)}`],
    ['D/M/YYYY H:mm', 'minute', (p, _ms, z) => `${maybePad(p.day, z)}/${maybePad(p.month, z)}/${p.year} ${maybePad(p.hour, z)}:${pad(p.minute)}`],
    ['M/D/YYYY H:mm', 'second', (p, _ms, z) => `${maybePad(p.month, z)}/${maybePad(p.day, z)}/${p.year} ${p.hour}:${pad(p.minute)}:${pad(p.second)}`],
    ['M/D/YYYY h:mm A', 'minute', (p, _ms, z) => `${maybePad(p.month, z)}/${maybePad(p.day, z)}/${p.year} ${hour12(p)} ${meridiem(p)}`],
    ['D/M/YYYY h:mm A', 'second', (p) => `${p.day}/${p.month}/${p.year} ${hour12(p)}:${pad(p.second)} ${meridiem(p)}`],
    ['D-M-YYYY H:mm', 'second', (p) => `${pad(p.day)}-${pad(p.month)}-${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`],
    ['M-D-YYYY h:mm A', 'minute', (p) => `${pad(p.month)}-${pad(p.day)}-${p.year} ${hour12(p)}${meridiem(p)}`],
    ['D/MMM/YY h:mm A', 'minute', (p, _ms, z) => `${maybePad(p.day, z)}/${MONTHS[p.month - 1]}/${jiraYear(p.year)} ${hour12(p)} ${meridiem(p)}`],
    ['D/MMM/YY H:mm', 'minute', (p) => `${p.day}/${MONTHS[p.month - 1]}/${jiraYear(p.year)} ${p.hour}:${pad(p.minute)}`],
    ['YYYY-MM-DD', 'day', (p) => `${p.year}-${pad(p.month)}-${pad(p.day)}`],
    ['D/M/YYYY', 'day', (p, _ms, z) => `${maybePad(p.day, z)}/${maybePad(p.month, z)}/${p.year}`],
    ['M-D-YYYY', 'day', (p) => `${pad(p.month)}-${pad(p.day)}-${p.year}`],
  ];

  /** EU clocks change at 01:00 UTC on the last Sunday of March and October. */
  const transition = (year: number, monthIndex: number) => {
    const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
    return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  };
  const anyInstant = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2035, 11, 31) });
  const nearTransition = fc
    .record({ year: fc.integer({ min: 1996, max: 2035 }), october: fc.boolean(), delta: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) })
    .map(({ year, october, delta }) => transition(year, october ? 9 : 2) + delta);
  const instants = fc.oneof(anyInstant, nearTransition);

  /** What the layout can say about `x`: truncated to its precision, and in the repeated fall-back hour the earlier instant. */
  function expectedInstant(x: number, precision: Precision): number {
    if (precision === 'day') {
      const p = clock.toLocal(x);
      const midnight = Date.UTC(p.year, p.month - 1, p.day);
      // Brussels never changes clocks near midnight, so the offset three hours earlier is the one in force.
      return midnight - clock.offsetAt(midnight - 3 * HOUR);
    }
    const unit = precision === 'ms' ? 1 : precision === 'second' ? 1000 : 60_000;
    const truncated = x - (x % unit);
    const before = clock.offsetAt(x - HOUR);
    const now = clock.offsetAt(x);
    return before > now ? truncated - (before - now) : truncated;
  }

  it.each(layouts)('%s: parse(format(x)) is x to the %s', (label, precision, format) => {
    const parser = dateFormatFromLabel(label, BRUSSELS)!;
    fc.assert(
      fc.property(instants, fc.boolean(), (x, padded) => {
        const text = format(clock.toLocal(x), x % 1000, padded);
        expect([text, iso(parser.parse(text))]).toEqual([text, iso(expectedInstant(x, precision))]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('civil time helpers', () => {
  it('daysFromCivil agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
      }),
    );
  });

  it.each([
    ['YYYY-MM-DD', '0050-03-01', '0050-03-01T00:00:00.000Z'],
    ['ISO-8601', '0099-12-31T23:59:59Z', '0099-12-31T23:59:59.000Z'],
  ])('%s reads the years 0-99 literally: %s', (label, text, want) => {
    expect(new Date(parseWith(label, text, 'UTC')!).toISOString()).toBe(want);
  });

  it.each([
    ['Australia/Lord_Howe', 2026, 10, 4, 2, 15, 'half-hour gap'],
    ['Australia/Lord_Howe', 2026, 10, 4, 2, 45, 'after the half-hour gap, same local hour'],
    ['Australia/Lord_Howe', 2026, 4, 5, 1, 45, 'half-hour overlap'],
    ['Australia/Lord_Howe', 2026, 4, 5, 1, 15, 'before the half-hour overlap, same local hour'],
    ['America/Chicago', 2026, 3, 8, 2, 30, 'gap'],
    ['America/Chicago', 2026, 11, 1, 1, 30, 'overlap'],
  ])('NaiveTimeReader matches ZoneClock.toUtc: %s %i-%i-%i %i:%i (%s)', (timezone, year, month, day, hour, minute) => {
    const clock = zoneClock(timezone);
    // A fresh reader per row: the first cell of an hour decides what is memoised for it.
    expect(new NaiveTimeReader(clock).toUtc(year, month, day, hour, minute, 0, 0)).toBe(clock.toUtc(year, month, day, hour, minute));
    const warmed = new NaiveTimeReader(clock);
    warmed.toUtc(year, month, day, hour, 59 - minute, 0, 0);
    expect(warmed.toUtc(year, month, day, hour, minute, 0, 0)).toBe(clock.toUtc(year, month, day, hour, minute));
  });

  // The reader memoises per local hour; it must agree with ZoneClock.toUtc everywhere, transitions included.
  it.each(['America/Chicago', 'Europe/Brussels', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns'])(
    'NaiveTimeReader agrees with ZoneClock.toUtc in %s',
    (timezone) => {
      const reader = new NaiveTimeReader(zoneClock(timezone));
      const clock = zoneClock(timezone);
      const wall = fc.record({
        year: fc.integer({ min: 1995, max: 2035 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
      });
      // Sundays near spring and autumn transitions on both hemispheres, at night.
      const nearTransition = fc.record({
        year: fc.integer({ min: 1995, max: 2035 }),
        month: fc.constantFrom(3, 4, 9, 10, 11),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 3 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
      });
      fc.assert(
        fc.property(fc.oneof(wall, nearTransition), ({ year, month, day, hour, minute, second }) => {
          expect(reader.toUtc(year, month, day, hour, minute, second, 7)).toBe(clock.toUtc(year, month, day, hour, minute, second, 7));
        }),
        { numRuns: 3000 },
      );
    },
  );
});
