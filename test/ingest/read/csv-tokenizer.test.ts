import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../../src/ingest/read/csv-tokenizer.js';

interface Tokenized {
  records: string[][];
  lineBreaks: number[];
}

/** Tokenizes `text` pushed in the given pieces. */
function tokenize(pieces: string[], loneCr = false, maxRecordChars = 1 << 20): Tokenized {
  const out: Tokenized = { records: [], lineBreaks: [] };
  const tokenizer = new CsvTokenizer({ delimiter: ',', loneCrIsLineBreak: loneCr, maxRecordChars }, (cells, breaks) => {
    out.records.push(cells);
    out.lineBreaks.push(breaks);
  });
  for (const piece of pieces) tokenizer.push(piece);
  tokenizer.end();
  return out;
}

/** What csv-parse 7 makes of the same text with the options the reader used before the tokenizer. */
function csvParse(text: string, loneCr = false): string[][] {
  return parse(text, {
    delimiter: ',', record_delimiter: loneCr ? ['\r\n', '\n', '\r'] : ['\r\n', '\n'], relax_quotes: true,
    relax_column_count: true, skip_empty_lines: false, bom: false,
  }) as string[][];
}

function cutAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
}

describe('CsvTokenizer', () => {
  it.each([
    ['plain', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['quoted with delimiter, doubled quote and line break', '"a,b","say ""hi""","x\ny"\n', [['a,b', 'say "hi"', 'x\ny']]],
    ['blank line is one empty cell', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['CRLF and LF mixed', 'a\r\nb\nc', [['a'], ['b'], ['c']]],
    ['lone CR is text unless classic Mac', 'a\rb,c\n', [['a\rb', 'c']]],
    ['stray quote in an unquoted cell', '12" monitor,x\n', [['12" monitor', 'x']]],
    ['text after a closing quote keeps the cell as written', '"ab"c,d"e",f\n', [['"ab"c', 'd"e"', 'f']]],
    ['doubled quotes undoubled before text after the quote', '"a""b"c,d\n', [['"a"b"c', 'd']]],
    ['trailing delimiter gives an empty last cell', 'a,b,\n', [['a', 'b', '']]],
    ['empty quoted cells', '"",""\n', [['', '']]],
  ])('%s', (_name, text, records) => {
    expect(tokenize([text]).records).toEqual(records);
    expect(csvParse(text)).toEqual(records);
  });

  it('counts line breaks inside quoted cells (CRLF once, lone CR only for classic Mac)', () => {
    expect(tokenize(['a,"x\r\ny\nz"\nb,c\n']).lineBreaks).toEqual([2, 0]);
    expect(tokenize(['"x\ry"\rz\r'], true)).toEqual({ records: [['x\ry'], ['z']], lineBreaks: [1, 0] });
  });

  it.each([
    ['unclosed quote', ['a,"open\n', 'more\n'], 'CSV_QUOTE_NOT_CLOSED', 1],
    ['record over the limit', ['id,notes\n1,"', 'x'.repeat(60), '"\n'], 'CSV_MAX_RECORD_SIZE', 1],
    ['unquoted record over the limit', ['id,', 'y'.repeat(60)], 'CSV_MAX_RECORD_SIZE', 1],
  ])('%s is a CsvSyntaxError naming the cell', (_name, pieces, code, column) => {
    const error = (() => {
      try {
        tokenize(pieces, false, 50);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ code, column });
  });

  it('reads like csv-parse with relax_quotes, however the text is cut into pieces', () => {
    const text = fc.stringMatching(/^[ab,"\n\r ]{0,40}$/);
    const cuts = fc.array(fc.nat(60), { maxLength: 6 });
    fc.assert(fc.property(text, cuts, fc.boolean(), (t, c, loneCr) => {
      let expected: string[][] | 'error';
      try {
        expected = csvParse(t, loneCr);
      } catch {
        expected = 'error';
      }
      let actual: string[][] | 'error';
      try {
        actual = tokenize(cutAt(t, c), loneCr).records;
      } catch {
        actual = 'error';
      }
      expect(actual).toEqual(expected);
    }), { numRuns: 3000 });
  });
});
