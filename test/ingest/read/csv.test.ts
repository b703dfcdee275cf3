import { describe, expect, it } from 'vitest';
import { encodingNotice } from '../../../src/ingest/read/text-source.js';
import { byteFixtures, fixture, readAllCsv } from './helpers.js';

const write = byteFixtures();
const BOM = '\ufeff';
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text)).swap16();

describe('readCsv: layouts', () => {
  it.each([
    ['basic.csv', ',', ['ID', 'Summary', 'Status'], [['1', 'Printer jammed', 'Open'], ['2', 'Cannot log in, password expired', 'Closed']], [2, 3]],
    ['semicolon.csv', ';', ['ID', 'Summary', 'Priority'], [['1', 'Drucker defekt', '2; hoch'], ['2', 'Mit "Zitat"', '3']], [2, 3]],
    ['tab.tsv', '\t', ['ID', 'Summary', 'Group'], [['1', 'VPN down', 'Network, L2'], ['2', 'Outlook crash', 'Desktop; L1']], [2, 3]],
    ['multiline.csv', ',', ['ID', 'Summary', 'Notes'], [['1', 'Line one\nline two\nline three', 'a'], ['2', 'plain', 'x\n\ny'], ['3', 'last', 'z']], [2, 5, 8]],
    ['blank-lines.csv', ',', ['ID', 'Summary'], [['1', 'a'], ['2', 'b']], [5, 8]],
    ['stray-quote.csv', ',', ['ID', 'Summary', 'Status'], [['1', '12" monitor flickers', 'Open'], ['2', 'quoted "ok"', 'Open']], [2, 3]],
  ] as const)('%s', async (name, delimiter, headers, cells, lines) => {
    const read = await readAllCsv(fixture(name));
    expect(read.header.delimiter).toBe(delimiter);
    expect(read.header.headers).toEqual(headers);
    expect(read.rows.map((r) => r.cells)).toEqual(cells);
    expect(read.rows.map((r) => r.line)).toEqual(lines);
    expect(read.rowCount).toBe(cells.length);
    expect(read.headerCalls).toBe(1);
    expect(read.info).toMatchObject({ encoding: 'utf-8', bom: false, encodingForced: false });
  });

  it('keeps repeated headers and gives each a unique key', async () => {
    const read = await readAllCsv(fixture('duplicate-headers.csv'));
    expect(read.header.headers).toEqual(['Issue key', 'Comment', 'Comment', 'Comment', 'Log Work', 'Log Work']);
    expect(read.header.keys).toEqual(['Issue key', 'Comment', 'Comment #2', 'Comment #3', 'Log Work', 'Log Work #2']);
    expect(read.rows[0]?.cells).toEqual(['ABC-1', 'first', 'second', '', 'w1', 'w2']);
  });

  it('drops a trailing empty column in header and rows alike', async () => {
    const read = await readAllCsv(fixture('trailing-delimiter.csv'));
    expect(read.header).toMatchObject({ headers: ['ID', 'Summary', 'Status'], trailingDelimiter: true });
    expect(read.rows.map((r) => r.cells)).toEqual([['1', 'A', 'Open'], ['2', 'B', 'Closed']]);
  });

  it('returns zero rows for a header-only file', async () => {
    const read = await readAllCsv(fixture('header-only.csv'));
    expect(read.rowCount).toBe(0);
    expect(read.header.headers).toEqual(['ID', 'Summary', 'Status']);
  });

  it('honours a forced delimiter over detection', async () => {
    const read = await readAllCsv(fixture('basic.csv'), { delimiter: ';' });
    expect(read.header.headers).toEqual(['ID,Summary,Status']);
    expect(read.header.delimiter).toBe(';');
  });
});

describe('readCsv: line endings and byte-level quirks', () => {
  it.each([
    ['CRLF with CRLF inside quoted cells', 'ID,Notes\r\n1,"a\r\nb\r\nc"\r\n2,d\r\n', [['1', 'a\r\nb\r\nc'], ['2', 'd']], [2, 5]],
    ['mixed CRLF and LF', 'ID,Notes\r\n1,a\n2,b\r\n', [['1', 'a'], ['2', 'b']], [2, 3]],
    ['classic-Mac CR only', 'ID,Notes\r1,"a\rb"\r2,c\r', [['1', 'a\rb'], ['2', 'c']], [2, 4]],
    ['no line break after the last row', 'ID,Notes\n1,a', [['1', 'a']], [2]],
    ['a row of empty cells is kept', 'ID,Notes\n,\n1,a\n', [['', ''], ['1', 'a']], [2, 3]],
    ['trailing delimiter on rows only', 'ID,Notes\n1,a,\n2,b\n', [['1', 'a'], ['2', 'b']], [2, 3]],
    ['Excel sep= line before the header', 'sep=;\r\nID;Notes\r\n1;a,b\r\n', [['1', 'a,b']], [3]],
  ])('%s', async (_name, text, cells, lines) => {
    const read = await readAllCsv(write('endings.csv', text));
    expect(read.header.headers).toEqual(['ID', 'Notes']);
    expect(read.rows.map((r) => r.cells)).toEqual(cells);
    expect(read.rows.map((r) => r.line)).toEqual(lines);
  });

  it.each([
    ['UTF-8 BOM', Buffer.from(`${BOM}ID,Name\n1,Zoë\n`), 'utf-8', true],
    ['two UTF-8 BOMs', Buffer.from(`${BOM}${BOM}ID,Name\n1,Zoë\n`), 'utf-8', true],
    ['BOM inside the first quoted header (Excel re-save)', Buffer.from(`"${BOM}""ID""",Name\n1,Zoë\n`), 'utf-8', false],
    ['BOM, then the first header still quoted', Buffer.from(`${BOM}"""ID""",Name\n1,Zoë\n`), 'utf-8', true],
    ['UTF-16 LE with BOM', utf16le('ID\tName\r\n1\tZoë\r\n'), 'utf-16le', true],
    ['UTF-16 BE with BOM', utf16be('ID;Name\r\n1;Zoë\r\n'), 'utf-16be', true],
    ['UTF-16 LE without BOM', Buffer.from('ID,Name\n1,Zoë\n', 'utf16le'), 'utf-16le', false],
  ])('%s', async (_name, bytes, encoding, bom) => {
    const read = await readAllCsv(write('encoded.csv', bytes));
    expect(read.info).toMatchObject({ encoding, bom, bytes: bytes.length });
    expect(read.header.headers).toEqual(['ID', 'Name']);
    expect(read.rows).toEqual([{ cells: ['1', 'Zoë'], line: 2 }]);
  });

  it.each([
    ['detected (not valid UTF-8)', undefined, 'windows-1252', 'café', '€5', /cp1252\.csv: not valid UTF-8, read as Windows-1252/],
    ['forced windows-1252', 'cp1252', 'windows-1252', 'café', '€5', null],
    ['forced latin1 keeps 0x80 a C1 control', 'latin1', 'latin1', 'café', '\u00805', null],
    ['forced utf-8 decodes bad bytes as U+FFFD', 'utf-8', 'utf-8', 'caf\ufffd', '\ufffd5', null],
  ])('Windows-1252 bytes, %s', async (_name, encoding, reported, name, price, notice) => {
    const path = write('cp1252.csv', Buffer.from([...Buffer.from('ID,Name,Price\n1,caf'), 0xe9, 0x2c, 0x80, 0x35, 0x0a]));
    const read = await readAllCsv(path, { encoding });
    expect(read.info.encoding).toBe(reported);
    expect(read.info.encodingForced).toBe(encoding !== undefined);
    expect(read.rows[0]?.cells).toEqual(['1', name, price]);
    if (notice) expect(encodingNotice(read.info)).toMatch(notice);
    else expect(encodingNotice(read.info)).toBeNull();
  });

  it('finds invalid UTF-8 far past the first chunk, so nothing is half-decoded', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},Zoë ${i}\n`).join('');
    const bytes = Buffer.concat([Buffer.from(`ID,Name\n${rows}`), Buffer.from([0x39, 0x2c, 0xe9, 0x0a])]);
    expect(bytes.length).toBeGreaterThan(512 * 1024);
    const read = await readAllCsv(write('late-cp1252.csv', bytes));
    expect(read.info.encoding).toBe('windows-1252');
    expect(read.rows[1]?.cells).toEqual(['1', 'ZoÃ« 1']);
    expect(read.rows.at(-1)).toEqual({ cells: ['9', 'é'], line: 40_002 });
  });

  it('keeps UTF-8 whose multi-byte characters straddle a 256 KiB chunk boundary', async () => {
    const prefix = 'ID,Name\n1,';
    const filler = 'a'.repeat(256 * 1024 - prefix.length - 1);
    const path = write('straddle.csv', `${prefix}${filler}ë\n2,€\n`);
    const read = await readAllCsv(path);
    expect(read.info).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(read.rows.map((r) => r.cells[1]?.slice(-1))).toEqual(['ë', '€']);
  });

  it('streams large files in order with exact line numbers', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => (i % 1000 === 0 ? `${i},"multi\r\nline ✓"\r\n` : `${i},plain ✓\r\n`)).join('');
    const read = await readAllCsv(write('large.csv', `${BOM}ID,Text\r\n${rows}`));
    expect(read.rowCount).toBe(30_000);
    expect(read.rows[1]).toEqual({ cells: ['1', 'plain ✓'], line: 4 });
    expect(read.rows.at(-1)).toEqual({ cells: ['29999', 'plain ✓'], line: 30_031 });
  });

  it('reads - from the given stdin stream', async () => {
    const { Readable } = await import('node:stream');
    const stdin = Readable.from([Buffer.from('ID,Name\n1,'), Buffer.from([0xc3]), Buffer.from([0xab, 0x0a])]);
    const read = await readAllCsv('-', { stdin });
    expect(read.info).toMatchObject({ file: 'stdin', encoding: 'utf-8' });
    expect(read.rows).toEqual([{ cells: ['1', 'ë'], line: 2 }]);
  });
});
