import { displayWidth, truncateToWidth, wrapAllToWidth, wrapToWidth } from './text.js';

/**
 * `prefix` then `text` wrapped to `width`, continuation lines indented under the text. Text must be
 * sanitized. A word longer than a line is cut, or with `wrap` broken onto the next line.
 */
export function hangingLines(prefix: string, text: string, width: number, wrap = false): string[] {
  const room = Math.max(20, width - prefix.length);
  return indentUnder(prefix, wrap ? wrapAllToWidth(text, room) : wrapToWidth(text, room));
}

/** `prefix` then the items joined by ", ", lines broken between items (a name like "Date Entered" stays whole). */
export function hangingList(prefix: string, items: string[], width: number, wrap = false): string[] {
  const room = Math.max(20, width - prefix.length);
  const lines: string[] = [];
  let line = '';
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? `${item},` : item;
    const candidate = line ? `${line} ${piece}` : piece;
    if (line && displayWidth(candidate) > room) {
      lines.push(line);
      line = piece;
    } else line = candidate;
  });
  if (line) lines.push(line);
  return indentUnder(prefix, lines.flatMap((l) => (wrap ? wrapAllToWidth(l, room) : [truncateToWidth(l, room)])));
}

function indentUnder(prefix: string, lines: string[]): string[] {
  const indent = ' '.repeat(prefix.length);
  return lines.map((line, i) => `${i === 0 ? prefix : indent}${line}`);
}
