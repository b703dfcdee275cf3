import { InputError } from '../../errors.js';
import { MAX_JSON_DEPTH } from '../../text/json-depth.js';
import { lineAndColumn } from './json-scan.js';

export interface JsonRecord {
  value: Record<string, unknown>;
  /** 0-based position among the records. */
  index: number;
  /** 1-based line the record starts on. */
  line: number;
}

/** Whether a value is a JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An InputError for a JSON problem at a character offset of `text`. */
export function syntaxError(file: string, text: string, offset: number, message: string, hint?: string): InputError {
  const { line, column } = lineAndColumn(text, offset);
  return new InputError(message, { file, line, column }, hint);
}

/** "a string", "an array", "null"... for messages. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export const tooDeepMessage = (what: string) => `nested more than ${MAX_JSON_DEPTH} levels deep (the limit for a ${what})`;
export const DEEP_HINT = 'a ticket record nests a few levels: check that this is a ticket export';
