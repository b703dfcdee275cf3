import { findSyntaxError } from './json-scan.js';
import { describeJsonValue, isJsonObject, syntaxError, type JsonRecord } from './json-values.js';

/** Records of newline-delimited JSON: one object per non-blank line, each with its line number. */
export function readNdjson(text: string, file: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    line++;
    const content = text.slice(start, end);
    if (content.trim() !== '') {
      let value: unknown;
      try {
        value = JSON.parse(content);
      } catch {
        const problem = findSyntaxError(content);
        throw syntaxError(file, text, start + (problem?.offset ?? 0), `invalid JSON on this line: ${problem?.message ?? 'not parseable'}`, 'NDJSON needs one complete JSON object per line');
      }
      if (!isJsonObject(value)) throw syntaxError(file, text, start, `record ${records.length + 1} is ${describeJsonValue(value)}, expected an object`);
      records.push({ value, index: records.length, line });
    }
    start = end + 1;
  }
  return records;
}
