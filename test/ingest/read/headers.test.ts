import { describe, expect, it } from 'vitest';
import { parseDelimiterOption, sniffCsvLayout } from '../../../src/ingest/read/delimiter.js';
import { cleanHeaders, normalizeHeader, uniqueKeys } from '../../../src/ingest/read/headers.js';

describe('normalizeHeader', () => {
  it.each([
    ['Assignment Group', 'assignment group'],
    ['  Assignment   Group ', 'assignment group'],
    ['\ufeffID', 'id'],
    ['Created\u00a0On', 'created on'],
    ['Last\nUpdated', 'last updated'],
    ['', ''],
  ])('%j -> %j', (raw, want) => {
    expect(normalizeHeader(raw)).toBe(want);
  });
});

describe('cleanHeaders', () => {
  it.each([
    ['BOM and whitespace', ['\ufeffID ', ' Name'], ['ID', 'Name']],
    ['Excel re-save leftover quotes on the first column', ['\ufeff"ID"', 'Name'], ['ID', 'Name']],
    ['quotes on later columns are kept', ['ID', '"Name"'], ['ID', '"Name"']],
    ['inner quotes are kept', ['"a" and "b"', 'x'], ['"a" and "b"', 'x']],
  ])('%s', (_name, raw, want) => {
    expect(cleanHeaders(raw)).toEqual(want);
  });
});

describe('uniqueKeys', () => {
  it.each([
    ['no duplicates', ['a', 'b'], ['a', 'b']],
    ['repeats numbered from #2', ['Comment', 'x', 'Comment', 'Comment'], ['Comment', 'x', 'Comment #2', 'Comment #3']],
    ['skips a name a real header already has', ['Comment', 'Comment', 'Comment #2'], ['Comment', 'Comment #3', 'Comment #2']],
    ['unnamed columns', ['a', '', ''], ['a', '(column 2)', '(column 3)']],
    ['case differs: both kept as written', ['Status', 'status'], ['Status', 'status']],
  ])('%s', (_name, headers, want) => {
    const keys = uniqueKeys(headers);
    expect(keys).toEqual(want);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives Jira-sized repeats distinct keys', () => {
    const keys = uniqueKeys(Array.from({ length: 75 }, () => 'Comment'));
    expect(keys[74]).toBe('Comment #75');
    expect(new Set(keys).size).toBe(75);
  });
});

describe('sniffCsvLayout', () => {
  it.each([
    ['commas', 'a,b,c\n1,2,3', ',', '\n'],
    ['semicolons', 'a;b;c\r\n1;2;3', ';', '\r\n'],
    ['tabs', 'a\tb\tc\n', '\t', '\n'],
    ['most frequent wins', 'a;b,c;d\n', ';', '\n'],
    ['tie prefers comma', 'a;b,c\n', ',', '\n'],
    ['tie between ; and tab prefers ;', 'a;b\tc\n', ';', '\n'],
    ['delimiters inside quotes do not count', '"a;b;c",d,e\n', ',', '\n'],
    ['quoted line break stays in the header', '"a\nb";c;d\n1', ';', '\n'],
    ['leading blank lines are skipped', '\n\r\na;b\n', ';', '\n'],
    ['classic-Mac CR', 'a,b\r1,2\r', ',', '\r'],
    ['one column, no break', 'ID', ',', null],
    ['Excel sep= hint line', 'sep=;\r\na,b,c\r\n', ';', '\r\n', true],
    ['sep= hint re-quoted by a later save', '"sep=\t"\na,b\n', '\t', '\n', true],
    ['sep= with an unsupported delimiter is an ordinary line', 'sep=|\na;b\n', ',', '\n'],
  ])('%s', (_name, head, delimiter, lineBreak, sepLine = false) => {
    expect(sniffCsvLayout(head)).toEqual({ delimiter, lineBreak, sepLine });
  });
});

describe('parseDelimiterOption', () => {
  it.each([[',', ','], [';', ';'], ['\t', '\t'], ['tab', '\t'], ['\\t', '\t'], ['TAB', '\t'], ['semicolon', ';']])('%j', (value, want) => {
    expect(parseDelimiterOption(value, 'x.csv')).toBe(want);
  });

  it.each(['|', '', 'comma,'])('rejects %j', (value) => {
    expect(() => parseDelimiterOption(value, 'x.csv')).toThrow(/unknown delimiter/);
  });
});
