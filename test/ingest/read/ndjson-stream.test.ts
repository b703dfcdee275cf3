import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/ingest/read/json.js';
import { streamNdjson } from '../../../src/ingest/read/ndjson-stream.js';
import { byteFixtures, inputErrorOf } from './helpers.js';

const write = byteFixtures();

async function streamAll(path: string, stdin?: NodeJS.ReadableStream) {
  const records: { value: Record<string, unknown>; line: number }[] = [];
  const result = await streamNdjson(path, { stdin, onRecord: (value, line) => void records.push({ value, line }) });
  return { ...result, records };
}

describe('streamNdjson', () => {
  it.each([
    ['blank lines and CRLF', '{"id": 1}\n\n{"id": 2}\r\n{"id": 3}\n'],
    ['no line break at the end', '{"id": "a"}\n{"id": "b"}'],
    ['UTF-8 BOM and non-ASCII text', '\ufeff{"id": 1, "name": "Zoë"}\n{"id": 2, "name": "€"}\n'],
  ])('reads %s like readJson', async (_name, text) => {
    const path = write('s.ndjson', text);
    const whole = await readJson(path);
    const streamed = await streamAll(path);
    expect(streamed.records).toEqual(whole.records.map((r) => ({ value: r.value, line: r.line })));
    expect(streamed.records.length).toBeGreaterThan(0);
  });

  it('joins lines and characters cut between chunks', async () => {
    const bytes = Buffer.from('{"id": 1, "name": "Zoë"}\n{"id": 2}\n');
    const stdin = Readable.from([bytes.subarray(0, 20), bytes.subarray(20, 30), bytes.subarray(30)]);
    const streamed = await streamAll('-', stdin);
    expect(streamed.records).toEqual([{ value: { id: 1, name: 'Zoë' }, line: 1 }, { value: { id: 2 }, line: 2 }]);
    expect(streamed.info.file).toBe('stdin');
  });

  it.each([
    ['a broken line', '{"id": 1}\n{"id": 2,}\n', /^invalid JSON on this line: /, 2],
    ['a line that is not an object', '{"id": 1}\n\n[1, 2]\n', /^record 2 is an array, expected an object$/, 3],
    ['only blank lines', '\n \n', /^empty file/, undefined],
  ])('stops at %s, naming the line', async (_name, text, message, line) => {
    const path = write('bad.ndjson', text);
    const error = await inputErrorOf(streamAll(path));
    expect(error.message).toMatch(message);
    expect(error.position?.line).toBe(line);
  });
});
