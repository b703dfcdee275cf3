/** A JSON syntax problem at a character offset (JSON.parse does not always say where). */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

// Unrolled (plain run, then escape + plain run) so long strings do not backtrack per character.
const STRING_BODY = /[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** Offset of the first non-whitespace character at or after `at`. */
export function skipWhitespace(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** Offset just past the JSON value that starts at (or after whitespace from) `at`; throws {@link JsonSyntaxError}. */
export function skipValue(text: string, at: number): number {
  const i = skipWhitespace(text, at);
  const c = text[i];
  if (c === '{') return skipContainer(text, i, '}', (j) => {
    if (text[j] !== '"') throw unexpected(text, j, 'a property name in double quotes');
    const colon = skipWhitespace(text, skipString(text, j));
    if (text[colon] !== ':') throw unexpected(text, colon, "':' after the property name");
    return skipValue(text, colon + 1);
  });
  if (c === '[') return skipContainer(text, i, ']', (j) => skipValue(text, j));
  if (c === '"') return skipString(text, i);
  NUMBER.lastIndex = i;
  if (c !== undefined && /[-0-9]/.test(c) && NUMBER.test(text)) return NUMBER.lastIndex;
  const literal = LITERALS.find((word) => text.startsWith(word, i));
  if (literal) return i + literal.length;
  throw unexpected(text, i, 'a value');
}

/** Offsets where each element of the array starting at `at` begins. */
export function arrayElementOffsets(text: string, at: number): number[] {
  const offsets: number[] = [];
  const open = skipWhitespace(text, at);
  if (text[open] !== '[') throw unexpected(text, open, "'['");
  skipContainer(text, open, ']', (j) => {
    offsets.push(j);
    return skipValue(text, j);
  });
  return offsets;
}

/** Offset of the value of the last `key` member in the object starting at `at` (JSON.parse keeps the last). */
export function memberValueOffset(text: string, at: number, key: string): number | undefined {
  let found: number | undefined;
  skipContainer(text, skipWhitespace(text, at), '}', (j) => {
    const end = skipString(text, j);
    const valueStart = skipWhitespace(text, skipWhitespace(text, end) + 1);
    if (JSON.parse(text.slice(j, end)) === key) found = valueStart;
    return skipValue(text, valueStart);
  });
  return found;
}

/** The first syntax error of a whole JSON document, or null when it is valid. */
export function findSyntaxError(text: string): JsonSyntaxError | null {
  try {
    const end = skipWhitespace(text, skipValue(text, 0));
    return end < text.length ? unexpected(text, end, 'the end of the input after one JSON value') : null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
}

/** 1-based line and column (in UTF-16 code units) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function skipContainer(text: string, open: number, close: '}' | ']', skipMember: (at: number) => number): number {
  let i = skipWhitespace(text, open + 1);
  if (text[i] === close) return i + 1;
  for (;;) {
    i = skipWhitespace(text, skipMember(i));
    if (text[i] === close) return i + 1;
    if (text[i] !== ',') throw unexpected(text, i, `',' or '${close}'`);
    const comma = i;
    i = skipWhitespace(text, i + 1);
    // A trailing comma is the most common hand-edit mistake; name it.
    if (text[i] === close) throw new JsonSyntaxError(`trailing comma before '${close}'`, comma);
  }
}

function skipString(text: string, open: number): number {
  STRING_BODY.lastIndex = open + 1;
  if (STRING_BODY.test(text)) return STRING_BODY.lastIndex;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) break;
    if (c === 0x5c) {
      if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) throw new JsonSyntaxError('invalid escape in string', i);
      i++;
    } else if (c < 0x20) {
      throw new JsonSyntaxError(c === 0x0a || c === 0x0d ? 'line break inside a string' : 'control character inside a string', i);
    }
  }
  return fail(new JsonSyntaxError('string is never closed', open));
}

function unexpected(text: string, at: number, expected: string): JsonSyntaxError {
  const found = at >= text.length ? 'end of input' : JSON.stringify(text.slice(at, at + 12)).slice(0, 16);
  return new JsonSyntaxError(`expected ${expected}, found ${found}`, at);
}

function fail(error: JsonSyntaxError): never {
  throw error;
}
