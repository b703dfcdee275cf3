import { InputError } from '../../errors.js';
import { createDecoder } from './encoding.js';
import { findSyntaxError } from './json-scan.js';
import { describeJsonValue, isJsonObject } from './json-values.js';
import { emptyFile, openText, type ReadOptions, type TextSourceInfo } from './text-source.js';

export interface NdjsonStreamOptions extends ReadOptions {
  /** One record (the caller's to keep) and the 1-based line it is on. */
  onRecord(value: Record<string, unknown>, line: number): void;
}

export interface NdjsonStreamResult {
  info: TextSourceInfo;
  records: number;
}

/**
 * Streams an NDJSON export (path or `-`) one object per line, holding one chunk of text at a time:
 * for exports too big to read whole (a 1M-event NDJSON export is close to V8's longest string).
 * Same rules and messages as {@link readNdjson}; an error thrown by `onRecord` stops the read.
 */
export async function streamNdjson(path: string, options: NdjsonStreamOptions): Promise<NdjsonStreamResult> {
  const text = await openText(path, options);
  const { file } = text.info;
  const decode = createDecoder('utf-8');
  let records = 0;
  let line = 0;
  let rest = '';
  const take = (content: string) => {
    line++;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      const problem = findSyntaxError(content);
      throw new InputError(`invalid JSON on this line: ${problem?.message ?? 'not parseable'}`,
        { file, line, column: (problem?.offset ?? 0) + 1 }, 'NDJSON needs one complete JSON object per line');
    }
    if (!isJsonObject(value)) throw new InputError(`record ${records + 1} is ${describeJsonValue(value)}, expected an object`, { file, line, column: 1 });
    records++;
    options.onRecord(value, line);
  };
  for await (const chunk of text.chunks()) {
    const piece = rest + (typeof chunk === 'string' ? chunk : decode(chunk));
    let start = 0;
    for (let end = piece.indexOf('\n'); end !== -1; end = piece.indexOf('\n', start)) {
      take(piece.slice(start, end));
      start = end + 1;
    }
    rest = piece.slice(start);
  }
  take(rest + decode(new Uint8Array(0), true));
  if (records === 0) throw emptyFile(file, 'only blank space');
  return { info: text.info, records };
}
