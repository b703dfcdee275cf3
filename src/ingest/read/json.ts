import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import { arrayElementOffsets, findSyntaxError, lineAndColumn, memberValueOffset, skipWhitespace } from './json-scan.js';
import { DEEP_HINT, describeJsonValue, isJsonObject, syntaxError, tooDeepMessage, type JsonRecord } from './json-values.js';
import { tooDeepAt } from '../../text/json-depth.js';
import { MAX_RECORD_CHARS } from './csv-errors.js';
import { createDecoder } from './encoding.js';
import { NdjsonLines, readNdjson } from './ndjson.js';
import { emptyFile, openText, readWholeText, type ReadOptions, type TextSource, type TextSourceInfo } from './text-source.js';

export type { JsonRecord } from './json-values.js';

export interface JsonReadResult {
  info: TextSourceInfo;
  format: 'json' | 'ndjson';
  /** The property holding the records when the file is a wrapper like `{"tickets": [...]}`, else null. */
  wrapperKey: string | null;
  records: JsonRecord[];
}

/**
 * Reads a JSON export: an array of objects, a wrapper object with one array of objects (which key is
 * reported), a single object (one record), or NDJSON (one object per line; `.ndjson`/`.jsonl`, or
 * text starting with `{` that is not a single JSON value). JSON is read whole, not streamed.
 */
export async function readJson(path: string, options: ReadOptions = {}): Promise<JsonReadResult> {
  return wholeJson(await openText(path, options));
}

const isNdjsonName = (file: string) => ['.ndjson', '.jsonl'].includes(extname(file).toLowerCase());

/**
 * The records of a JSON export handed to `onRecord` one at a time, in order, the same as
 * {@link readJson} reads them. A `.ndjson`/`.jsonl` file is streamed line by line and never held
 * whole; other JSON is parsed whole, then handed on.
 */
export async function streamJson(path: string, options: ReadOptions, onRecord: (record: JsonRecord) => void): Promise<Omit<JsonReadResult, 'records'>> {
  const source = await openText(path, options);
  const { info } = source;
  if (!isNdjsonName(info.file)) {
    const { records, ...read } = await wholeJson(source);
    records.forEach((record, n) => {
      records[n] = undefined as unknown as JsonRecord;
      onRecord(record);
    });
    return read;
  }
  const lines = new NdjsonLines(info.file, onRecord);
  let blank = true;
  await forEachText(source, (text) => {
    // JSON's own white space, as readJson skips it: a file of nothing else is empty.
    blank &&= !/[^ \t\r\n]/.test(text);
    lines.push(text);
  });
  if (blank) throw emptyFile(info.file, 'only blank space');
  lines.end();
  return { info, format: 'ndjson', wrapperKey: null };
}

/** The decoded text of a source in pieces, as {@link readWholeText} joins them. */
async function forEachText(source: TextSource, take: (text: string) => void): Promise<void> {
  const decode = createDecoder('utf-8');
  for await (const chunk of source.chunks()) take(typeof chunk === 'string' ? chunk : decode(chunk));
  take(decode(new Uint8Array(0), true));
}

/** Largest JSON document read whole (NDJSON is streamed): V8 holds one string of at most 512 M characters, and parsing takes several times the size. */
export const MAX_JSON_DOCUMENT_BYTES = 256 * 1024 * 1024;

async function wholeJson(source: TextSource): Promise<JsonReadResult> {
  const { info } = source;
  if (info.bytes > MAX_JSON_DOCUMENT_BYTES && !isNdjsonName(info.file)) {
    throw new InputError(`JSON export is too large to read whole: ${Math.round(info.bytes / 1024 / 1024)} MB (the limit is ${MAX_JSON_DOCUMENT_BYTES / 1024 / 1024} MB)`,
      { file: info.file }, 'export NDJSON (one record per line, .ndjson), which is streamed, or CSV; or split the export');
  }
  const text = await readWholeText(source);
  const start = skipWhitespace(text, 0);
  const ndjson = (records: JsonRecord[]): JsonReadResult => ({ info, format: 'ndjson', wrapperKey: null, records });
  if (start === text.length) throw emptyFile(info.file, 'only blank space');
  if (isNdjsonName(info.file)) return ndjson(readNdjson(text, info.file));
  const first = text[start];
  if (first !== '[' && first !== '{') {
    throw syntaxError(info.file, text, start, `not a JSON export: expected '[' or '{', found ${JSON.stringify(first)}`);
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) throw syntaxError(info.file, text, deep, tooDeepMessage('JSON export'), DEEP_HINT);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    if (first === '{' && firstLineIsObject(text, start)) return ndjson(readNdjson(text, info.file));
    const problem = findSyntaxError(text);
    throw syntaxError(info.file, text, problem?.offset ?? text.length, `invalid JSON: ${problem?.message ?? 'not parseable'}`);
  }
  if (Array.isArray(document)) return { info, format: 'json', wrapperKey: null, records: arrayRecords(document, text, start, info.file) };
  const wrapper = document as Record<string, unknown>;
  const key = recordsKey(wrapper, info.file);
  if (key === null) return { info, format: 'json', wrapperKey: null, records: [{ value: wrapper, index: 0, line: lineAndColumn(text, start).line }] };
  const arrayStart = memberValueOffset(text, start, key) ?? start;
  return { info, format: 'json', wrapperKey: key, records: arrayRecords(wrapper[key] as unknown[], text, arrayStart, info.file) };
}

/** The one property of a wrapper object that holds the records; null when it holds no array at all. */
function recordsKey(wrapper: Record<string, unknown>, file: string): string | null {
  const arrays = Object.keys(wrapper).filter((k) => Array.isArray(wrapper[k]));
  const ofObjects = arrays.filter((k) => {
    const list = wrapper[k] as unknown[];
    return list.length > 0 && list.every(isJsonObject);
  });
  if (ofObjects.length === 1) return ofObjects[0] as string;
  if (ofObjects.length === 0 && arrays.length <= 1) return arrays[0] ?? null;
  const candidates = (ofObjects.length > 0 ? ofObjects : arrays).map((k) => JSON.stringify(k)).join(', ');
  throw new InputError(`cannot tell which array holds the records: ${candidates}`, { file }, 'export one list of tickets per file');
}

function arrayRecords(list: unknown[], text: string, arrayStart: number, file: string): JsonRecord[] {
  const offsets = arrayElementOffsets(text, arrayStart);
  const records: JsonRecord[] = [];
  let line = 1;
  let counted = 0;
  list.forEach((value, index) => {
    const offset = offsets[index] ?? arrayStart;
    const next = offsets[index + 1] ?? text.length;
    if (next - offset > MAX_RECORD_CHARS) {
      throw syntaxError(file, text, offset, `record ${index + 1} is larger than ${MAX_RECORD_CHARS / 1024 / 1024} MB (the limit for one record)`,
        'a ticket is a few kilobytes: check that this is a ticket export');
    }
    for (let at = text.indexOf('\n', counted); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
    counted = Math.max(counted, offset);
    if (!isJsonObject(value)) {
      throw syntaxError(file, text, offset, `record ${index + 1} is ${describeJsonValue(value)}, expected an object`);
    }
    records.push({ value, index, line });
  });
  return records;
}

function firstLineIsObject(text: string, start: number): boolean {
  const end = text.indexOf('\n', start);
  try {
    return isJsonObject(JSON.parse(text.slice(start, end === -1 ? text.length : end)));
  } catch {
    return false;
  }
}
