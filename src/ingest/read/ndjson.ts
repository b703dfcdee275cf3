import { InputError } from '../../errors.js';
import { findSyntaxError } from './json-scan.js';
import { tooDeepAt } from '../../text/json-depth.js';
import { MAX_RECORD_CHARS } from './csv-errors.js';
import { DEEP_HINT, describeJsonValue, isJsonObject, tooDeepMessage, type JsonRecord } from './json-values.js';

/** Records of newline-delimited JSON: one object per non-blank line, each with its line number. */
export function readNdjson(text: string, file: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  const lines = new NdjsonLines(file, (r) => records.push(r));
  lines.push(text);
  lines.end();
  return records;
}

/**
 * NDJSON text arriving in pieces: each record goes to `onRecord` as soon as its line is complete,
 * and nothing is kept, so a file of any size is read in the memory of one line.
 */
export class NdjsonLines {
  private rest = '';
  private line = 0;
  private count = 0;

  constructor(private readonly file: string, private readonly onRecord: (record: JsonRecord) => void) {}

  /** Lines taken so far, the unfinished last one included once `end` has been called. */
  get lines(): number {
    return this.line;
  }

  push(text: string): void {
    const pending = this.rest + text;
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      this.take(pending.slice(start, newline));
      start = newline + 1;
    }
    this.rest = pending.slice(start);
    // A line that never ends (/dev/zero, a file that is not NDJSON) stops here, not at the end of memory.
    if (this.rest.length > MAX_RECORD_CHARS) {
      throw new InputError(`line ${this.line + 1} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB (the limit for one record)`,
        { file: this.file, line: this.line + 1 }, 'NDJSON has one ticket record per line, a few kilobytes each');
    }
  }

  end(): void {
    this.take(this.rest);
    this.rest = '';
  }

  private take(content: string): void {
    this.line++;
    if (content.trim() === '') return;
    if (content.length > MAX_RECORD_CHARS) {
      throw this.error(0, `line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB (the limit for one record)`, 'NDJSON has one ticket record per line');
    }
    const deep = tooDeepAt(content);
    if (deep >= 0) throw this.error(deep, tooDeepMessage('JSON record'), DEEP_HINT);
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      const problem = findSyntaxError(content);
      throw this.error(problem?.offset ?? 0, `invalid JSON on this line: ${problem?.message ?? 'not parseable'}`, 'NDJSON needs one complete JSON object per line');
    }
    if (!isJsonObject(value)) throw this.error(0, `record ${this.count + 1} is ${describeJsonValue(value)}, expected an object`);
    this.onRecord({ value, index: this.count++, line: this.line });
  }

  private error(offset: number, message: string, hint?: string): InputError {
    return new InputError(message, { file: this.file, line: this.line, column: offset + 1 }, hint);
  }
}
