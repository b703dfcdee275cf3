import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayElementOffsets, findSyntaxError } from '../../../src/ingest/read/json-scan.js';
import { readJson, streamJson } from '../../../src/ingest/read/json.js';
import { formatOfText, sniffFormat } from '../../../src/ingest/read/sniff.js';
import { byteFixtures, fixture, inputErrorOf } from './helpers.js';

const write = byteFixtures();

describe('readJson: shapes', () => {
  it.each([
    ['array of objects', 'a.json', '[\n  {"id": 1},\n  {"id": 2}\n]\n', 'json', null, [1, 2], [2, 3]],
    ['wrapper object', 'w.json', '{"activities_data": [\n{"id": 1},\n\n{"id": 2}]}', 'json', 'activities_data', [1, 2], [2, 4]],
    ['wrapper with paging fields', 'z.json', '{"tickets": [{"id": 7}], "next_page": null, "count": 1, "tags": []}', 'json', 'tickets', [7], [1]],
    ['empty wrapper array', 'e.json', '{"tickets": [], "count": 0}', 'json', 'tickets', [], []],
    ['single object', 'o.json', '\n{"id": 5}\n', 'json', null, [5], [2]],
    ['NDJSON by content', 'n.json', '{"id": 1}\n\n{"id": 2}\r\n{"id": 3}\n', 'ndjson', null, [1, 2, 3], [1, 3, 4]],
    ['NDJSON by extension', 'n.jsonl', '{"id": 9}\n', 'ndjson', null, [9], [1]],
    ['UTF-8 BOM', 'b.json', '\ufeff[{"id": 4}]', 'json', null, [4], [1]],
  ])('%s', async (_name, file, text, format, wrapperKey, ids, lines) => {
    const read = await readJson(write(file, text));
    expect(read).toMatchObject({ format, wrapperKey });
    expect(read.records.map((r) => r.value['id'])).toEqual(ids);
    expect(read.records.map((r) => r.line)).toEqual(lines);
    expect(read.records.map((r) => r.index)).toEqual(ids.map((_, i) => i));
  });

  it('reads UTF-16 LE JSON', async () => {
    const read = await readJson(write('u16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[{"name": "Zoë"}]', 'utf16le')])));
    expect(read.info).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(read.records[0]?.value).toEqual({ name: 'Zoë' });
  });
});

describe('readJson: errors name file, line and column', () => {
  it.each([
    ['missing value', 'x.json', '[\n  {"id": 1,\n   "status": }\n]', /^invalid JSON: expected a value, found "}/, 3, 14],
    ['trailing comma', 'x.json', '[\n  {"id": 1},\n]', /^invalid JSON: trailing comma before '\]'$/, 2, 12],
    ['unterminated string', 'x.json', '[{"id": "abc\n}]', /^invalid JSON: line break inside a string$/, 1, 13],
    ['cut off', 'x.json', '{"tickets": [{"id": 1}', /^invalid JSON: expected ',' or '\]', found end of input$/, 1, 23],
    ['NDJSON bad line', 'x.ndjson', '{"id": 1}\n{"id": 2,}\n', /^invalid JSON on this line: trailing comma before '}'$/, 2, 9],
    ['NDJSON line that is not an object', 'x.json', '{"id": 1}\n[1, 2]\n', /^record 2 is an array, expected an object$/, 2, 1],
    ['array record that is not an object', 'x.json', '[{"id": 1},\n "oops"]', /^record 2 is a string, expected an object$/, 2, 2],
    ['not JSON at all', 'x.json', 'ID,Name\n', /^not a JSON export: expected '\[' or '\{', found "I"$/, 1, 1],
  ])('%s', async (_name, file, text, message, line, column) => {
    const path = write(file, text);
    const error = await inputErrorOf(readJson(path));
    expect(error.message).toMatch(message);
    expect(error.position).toEqual({ file: path, line, column });
  });

  it.each([
    ['two arrays of objects', '{"a": [{"x": 1}], "b": [{"y": 2}]}', 'cannot tell which array holds the records: "a", "b"'],
    ['empty file', '  \n', 'empty file (only blank space)'],
  ])('%s', async (_name, text, message) => {
    const path = write('y.json', text);
    const error = await inputErrorOf(readJson(path));
    expect(error.message).toBe(message);
    expect(error.position?.file).toBe(path);
  });
});

describe('sniffFormat', () => {
  it.each([
    ['tickets.csv', '{"not": "looked at"}', 'csv'],
    ['tickets.tsv', '[', 'csv'],
    ['tickets.jsonl', 'ID,Name', 'ndjson'],
    ['export.json', '[{"id": 1}]', 'json'],
    ['export.json', '{"id": 1}\n{"id": 2}\n', 'ndjson'],
    ['export.json', '{\n  "tickets": []\n}', 'json'],
    ['export.txt', '\ufeffID;Name\n1;a\n', 'csv'],
    ['export', '  [\n{"id": 1}]', 'json'],
  ])('%s containing %j', async (name, text, want) => {
    expect(await sniffFormat(write(name, text))).toBe(want);
  });

  it('sniffs stdin without consuming it for the reader', async () => {
    const { Readable } = await import('node:stream');
    const stdin = Readable.from([Buffer.from('{"id": 1}\n{"id": 2}\n')]);
    expect(await sniffFormat('-', stdin)).toBe('ndjson');
    const read = await readJson('-', { stdin });
    expect(read.records.map((r) => r.line)).toEqual([1, 2]);
  });

  it.each([
    ['{"a": 1}', 'json'],
    ['{"a": 1}\n', 'json'],
    ['{"a":\n 1}\n{"b": 2}', 'json'],
    ['"just text"', 'csv'],
  ])('formatOfText(%j)', (head, want) => {
    expect(formatOfText(head)).toBe(want);
  });

  it('reads a CSV fixture as CSV by content', async () => {
    expect(await sniffFormat(fixture('basic.csv'))).toBe('csv');
  });
});

describe('json-scan agrees with JSON.parse', () => {
  it('accepts every valid document and finds each array element', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.boolean(), (list, pretty) => {
        const text = JSON.stringify(list, null, pretty ? 2 : undefined);
        expect(findSyntaxError(text)).toBeNull();
        const offsets = arrayElementOffsets(text, 0);
        expect(offsets.map((at, i) => JSON.parse(text.slice(at, offsets[i + 1] ?? text.lastIndexOf(']')).replace(/,\s*$/, '')))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reports an error wherever JSON.parse fails', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n'), (value, at, junk) => {
        const valid = JSON.stringify(value);
        const cut = at % (valid.length + 1);
        const text = valid.slice(0, cut) + junk + valid.slice(cut);
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findSyntaxError(text) === null).toBe(parses);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('streamJson: the same records and errors as readJson, an NDJSON file never held whole', () => {
  const collect = async (path: string) => {
    const records: unknown[] = [];
    const read = await streamJson(path, {}, (r) => records.push(r));
    return { read, records };
  };
  // Long lines with multi-byte characters, so lines and characters straddle the reader's chunks.
  const long = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i, note: `Zoë ✓ 漢字 😀 ${'x'.repeat(i * 7)}` })).join('\r\n');

  it.each([
    ['NDJSON by extension', 'n.ndjson', '{"id": 1}\n\n{"id": 2}\r\n{"id": 3}'],
    ['NDJSON across chunks', 'big.jsonl', `${long}\n`],
    ['NDJSON by content', 'n.json', '{"id": 1}\n{"id": 2}\n'],
    ['array', 'a.json', '[\n  {"id": 1},\n  {"id": 2}\n]\n'],
  ])('%s', async (_name, file, text) => {
    const path = write(file, text);
    const whole = await readJson(path);
    const { read, records } = await collect(path);
    expect(records).toEqual(whole.records);
    expect(read).toEqual({ info: whole.info, format: whole.format, wrapperKey: whole.wrapperKey });
  });

  it.each([
    ['a bad line', '{"id": 1}\n{"id": 2,}\n'],
    ['a line that is not an object', '{"id": 1}\n\n  [1, 2]\n'],
    ['a bad last line without a line break', '{"id": 1}\n{"id": '],
    ['only blank space', ' \r\n\t\n'],
  ])('%s', async (_name, text) => {
    const path = write('e.ndjson', text);
    const expected = await inputErrorOf(readJson(path));
    const error = await inputErrorOf(collect(path));
    expect([error.message, error.position]).toEqual([expected.message, expected.position]);
  });
});
