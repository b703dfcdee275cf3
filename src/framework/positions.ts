import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment } from './problem.js';

/** A 1-based place in the framework file. */
export interface LineColumn {
  line: number;
  column: number;
  /** The file, when the document was merged from several (`extends`). */
  file?: string;
}

/** Where things are in the framework file, for messages. */
export interface PositionIndex {
  /**
   * 1-based line and column of the value (or key) at a path like ['rules', 3, 'after']; nearest
   * existing ancestor if the path is missing. An empty value (`after:`) is located at its key.
   */
  at(path: readonly PathSegment[]): LineColumn;
  /** Like `at`, but the key itself when the path ends at a mapping key (unknown keys, ids used as keys). */
  keyAt?(path: readonly PathSegment[]): LineColumn;
}

const FIRST: LineColumn = { line: 1, column: 1 };

/** Positions looked up in the parsed YAML tree (values behind an alias are found at their anchor). */
export function createPositionIndex(doc: Document, lineCounter: LineCounter): Required<PositionIndex> {
  const positionOf = (node: unknown): LineColumn | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    const { line, col } = lineCounter.linePos(range[0]);
    return { line, column: col };
  };

  /** Walks the path; `value` is the deepest place found, `key` the key of the last step if it was found. */
  const walk = (path: readonly PathSegment[]) => {
    let node: unknown = doc.contents;
    let value = positionOf(node) ?? FIRST;
    let key: LineColumn | undefined;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let keyNode: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) return { value, key: undefined };
        keyNode = pair.key;
        next = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(String(segment))) {
        next = node.items[Number(segment)];
        if (next === undefined) return { value, key: undefined };
      } else {
        return { value, key: undefined };
      }
      key = positionOf(keyNode);
      const here = isEmpty(next) ? key : positionOf(next);
      if (!here) return { value, key: undefined };
      value = here;
      node = next;
    }
    return { value, key };
  };

  return {
    at: (path) => walk(path).value,
    keyAt: (path) => {
      const { value, key } = walk(path);
      return key ?? value;
    },
  };
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** `after:` with nothing written: the parser still makes an (empty) scalar, placed after the colon. */
function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined)
    && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}
