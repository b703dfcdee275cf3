export type Align = 'left' | 'right';

/** A GFM table; every cell must already be escaped (escapeMarkdown) or be the tool's own text. */
export function markdownTable(headers: readonly string[], rows: readonly string[][], align?: readonly Align[]): string {
  const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
