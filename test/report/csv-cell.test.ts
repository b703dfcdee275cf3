import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropControls, neutralizeFormula, numberCell, restoreFormula, textCell } from '../../src/report/csv-cell.js';
import { hostileString } from './hostile-strings.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\rtext', "'\rtext"],
    ['\ttext', "'\ttext"],
    ['  =1+1', "'  =1+1"],
    ['\n=1+1', "'\n=1+1"],
    ["'=1", "''=1"],
    ["''-1", "'''-1"],
    ['-', "'-"],
  ])('prefixes %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each([
    'Printer offline', 'T-1042', 'a=b', 'x+1', 'mail me@example.com', "'quoted'", "it's", '', ' leading space', '1-2', '€5',
  ])('leaves %j alone', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });

  it('is undone by restoreFormula for any text', () => {
    fc.assert(fc.property(hostileString(), (s) => restoreFormula(neutralizeFormula(s)) === s));
  });
});

describe('cells', () => {
  it.each([
    [null, ''],
    ['', '""'],
    ['say "hi"', '"say ""hi"""'],
    ['a,b\r\nc', '"a,b\r\nc"'],
    ['=1+1', `"'=1+1"`],
    ['\u001b[31mred', '"[31mred"'],
    ['\u0000=1', `"'=1"`],
  ])('text %j is %j', (input, expected) => {
    expect(textCell(input)).toBe(expected);
  });

  it('drops controls before neutralizing, so a control cannot hide a formula', () => {
    expect(textCell('\u0007@cmd')).toBe(`"'@cmd"`);
  });

  it.each([
    [null, ''], [0, '0'], [-12.5, '-12.5'], [2880, '2880'], [Number.NaN, ''], [Infinity, ''],
  ])('number %j is %j: a negative number stays a number', (input, expected) => {
    expect(numberCell(input)).toBe(expected);
  });

  it('keeps tab, CR and LF and drops the other controls', () => {
    expect(dropControls('a\tb\rc\nd\u0000e\u001bf\u007fg\u0085h\u009bi')).toBe('a\tb\rc\ndefghi');
  });
});
