import type { Origin } from './merge.js';
import type { LineColumn, PositionIndex } from './positions.js';
import type { PathSegment } from './problem.js';

/** One framework file as read: its plain data and the positions of everything in it. */
export interface PositionedLayer {
  file: string;
  data: unknown;
  positions: Required<PositionIndex>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Positions in a document merged from several files (`extends`): a path is looked up in the file
 * that wrote it, so that a mistake in a base framework is reported in the base file. Every answer
 * carries its `file`.
 */
export function createLayeredPositions(layers: readonly PositionedLayer[], origin: Origin): Required<PositionIndex> {
  const locate = (path: readonly PathSegment[], atKey: boolean): LineColumn => {
    let node = origin;
    let depth = 0;
    for (; depth < path.length; depth++) {
      const next = node.children?.get(String(path[depth]));
      if (!next) break;
      node = next;
    }
    const rest = path.slice(depth);
    const candidates = node.sources.map((s) => ({ layer: layers[s.layer]!, path: [...s.path, ...rest] }));
    // The most derived file that has the whole path; else the one the value came from (nearest ancestor).
    const best = candidates.find((c) => hasPath(c.layer.data, c.path)) ?? candidates[0]!;
    const { line, column } = atKey ? best.layer.positions.keyAt(best.path) : best.layer.positions.at(best.path);
    return { line, column, file: best.layer.file };
  };
  return { at: (path) => locate(path, false), keyAt: (path) => locate(path, true) };
}

function hasPath(data: unknown, path: readonly PathSegment[]): boolean {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && /^\d+$/.test(String(segment)) && Number(segment) < node.length) node = node[Number(segment)];
    else if (isRecord(node) && Object.hasOwn(node, String(segment))) node = node[String(segment)];
    else return false;
  }
  return true;
}
