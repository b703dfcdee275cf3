/**
 * Deepest nesting of arrays and objects a JSON input (an export, a lookup table, a baseline report)
 * may have. Real exports nest under 10 levels; past a few thousand, every recursive step after
 * JSON.parse (flattening a record, writing it back) runs out of stack.
 */
export const MAX_JSON_DEPTH = 100;

const OUTSIDE = /["[\]{}]/g;
const INSIDE = /["\\]/g;

/**
 * Offset of the first `[` or `{` that opens level `max + 1` of the JSON text (brackets inside strings
 * do not count), or -1. Iterative and linear, so it is safe on any text, valid JSON or not.
 */
export function tooDeepAt(text: string, max: number = MAX_JSON_DEPTH, from = 0, to = text.length): number {
  let depth = 0;
  OUTSIDE.lastIndex = from;
  for (let m = OUTSIDE.exec(text); m !== null && m.index < to; m = OUTSIDE.exec(text)) {
    const c = m[0];
    if (c === '"') {
      INSIDE.lastIndex = m.index + 1;
      let end = INSIDE.exec(text);
      while (end !== null && end[0] === '\\') {
        INSIDE.lastIndex = end.index + 2;
        end = INSIDE.exec(text);
      }
      if (end === null) return -1;
      OUTSIDE.lastIndex = end.index + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return m.index;
    } else {
      depth--;
    }
  }
  return -1;
}
