import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/ingest/read/csv.js';
import { byteFixtures, fixture, inputErrorOf, readAllCsv } from './helpers.js';

const write = byteFixtures();

describe('readCsv: problems in the file are InputErrors at file and line', () => {
  it.each([
    ['ragged row (too few cells)', fixture('ragged.csv'), /^row has 7 cells, header has 9$/, 3, undefined, /too few cells; the delimiter in use is ","/],
    ['file cut inside a quoted cell', fixture('truncated.csv'), /^quoted cell opened on line 3 is never closed; the file may be truncated$/, 3, 'Summary',
      /must be doubled \(""\); if the export was cut short, export it again/],
  ])('%s', async (_name, path, message, line, column, hint) => {
    const error = await inputErrorOf(readAllCsv(path));
    expect(error.message).toMatch(message);
    expect(error.position).toEqual({ file: path, line, column });
    expect(error.format()).toContain(`${path}:${line}`);
    expect(error.hint).toMatch(hint);
  });

  it.each([
    ['too many cells', 'ID,Name\n1,a\n2,"b",c\n', /^row has 3 cells, header has 2$/, 3],
    ['ragged row after a multi-line cell', 'ID,Name\n1,"a\nb\nc"\n2\n', /^row has 1 cells, header has 2$/, 5],
    ['ragged row after CRLF inside quotes', 'ID,Name\r\n1,"a\r\nb"\r\n2,x,y\r\n', /^row has 3 cells, header has 2$/, 4],
    ['unclosed quote after blank lines', 'ID,Name\n\n\n1,"open\n2,b\n', /^quoted cell opened on line 4 is never closed/, 4],
    ['unclosed quote in the header', '"ID,Name\n1,a\n', /^quoted cell opened on line 1 is never closed/, 1],
    ['empty file (0 bytes)', '', /^empty file \(0 bytes\)$/, undefined],
    ['only a BOM', '\ufeff', /^empty file \(only a byte order mark and blank space\)$/, undefined],
    ['only blank lines', '\n\r\n  \n', /^empty file \(only blank space\)$/, undefined],
  ])('%s', async (_name, text, message, line) => {
    const path = write('bad.csv', text);
    const error = await inputErrorOf(readAllCsv(path));
    expect(error.message).toMatch(message);
    expect(error.position?.file).toBe(path);
    expect(error.position?.line).toBe(line);
  });

  it.each([
    ['NUL bytes', Buffer.from('ID,Name\n1,\u0000\u0000\u0000\n'), /^not a text export \(NUL byte at offset 10\)$/],
    ['an .xlsx workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /^not a text export \(looks like a ZIP archive\)$/],
    ['control characters', Buffer.from('ID,Name\n' + '\u0001\u0002\u0003a'.repeat(50)), /^not a text export \(150 control characters/],
  ])('binary junk: %s', async (_name, bytes, message) => {
    const path = write('junk.csv', bytes);
    const error = await inputErrorOf(readAllCsv(path));
    expect(error.message).toMatch(message);
    expect(error.format()).toContain(path);
  });

  it.each([
    ['colour codes pasted in two titles of a short export', 'ID,Name\n1,"\u001b[31mred\u001b[0m"\n2,"\u001b[1mbold\u001b[0m"\n'],
    ['a stray bell and backspace in a short export', 'ID,Name\n1,"ding\u0007"\n2,"oops\u0008"\n'],
  ])('text, not binary: %s', async (_name, text) => {
    const { rows } = await readAllCsv(write('typed.csv', text));
    expect(rows).toHaveLength(2);
  });

  it('stops at a record larger than 10 MB', async () => {
    const path = write('huge-cell.csv', `ID,Notes\n1,ok\n2,"${'x'.repeat(10 * 1024 * 1024 + 10)}"\n`);
    const error = await inputErrorOf(readAllCsv(path));
    expect(error.message).toBe('record starting on line 3 is larger than 10 MB');
    expect(error.position).toMatchObject({ file: path, line: 3, column: 'Notes' });
  });

  it.each([
    ['encoding', { encoding: 'ebcdic' }, 'unknown encoding "ebcdic"', 'utf-8, utf-16le, utf-16be, windows-1252, latin1'],
    ['delimiter', { delimiter: '|' }, 'unknown delimiter "|"', '"," ";" or "tab"'],
  ])('rejects an unknown forced %s, listing valid ones', async (_name, options, message, valid) => {
    const error = await inputErrorOf(readAllCsv(fixture('basic.csv'), options));
    expect(error.message).toBe(message);
    expect(error.hint).toContain(valid);
  });

  it.each([
    ['missing file', '/nonexistent/tickets.csv', 'file not found'],
    ['directory', fixture(''), 'is a directory, not an export file'],
  ])('%s', async (_name, path, message) => {
    const error = await inputErrorOf(readAllCsv(path));
    expect(error.message).toBe(message);
    expect(error.position?.file).toBe(path);
  });

  it('refuses to wait on a terminal for -', async () => {
    const { Readable } = await import('node:stream');
    const terminal = Object.assign(Readable.from([]), { isTTY: true });
    const error = await inputErrorOf(readAllCsv('-', { stdin: terminal }));
    expect(error.message).toBe('no export on standard input');
    expect(error.position?.file).toBe('stdin');
  });

  it('rethrows an error from onRow unchanged and stops reading', async () => {
    const seen: number[] = [];
    const stop = new Error('caller says stop');
    const outcome = await readCsv(fixture('multiline.csv'), {
      onRow: (_cells, line) => {
        seen.push(line);
        if (seen.length === 2) throw stop;
      },
    }).catch((error: unknown) => error);
    expect(outcome).toBe(stop);
    expect(seen).toEqual([2, 5]);
  });
});
