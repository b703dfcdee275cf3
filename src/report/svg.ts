import { escapeHtml } from './html-escape.js';
import { sanitizeForTerminal, truncateToWidth } from './text.js';

/** Colours of the pictures: escalation, de-escalation, sideways, and the warning colour of flagged moves. */
export const PALETTE = { up: '#175cd3', down: '#087443', across: '#667085', warn: '#b54708', grid: '#d0d5dd', box: '#f2f4f7' } as const;

/** One colour per kind of finding, in the order of CATEGORIES. */
export const KIND_COLORS = ['#b54708', '#b42318', '#6941c6', '#175cd3', '#087443', '#c11574', '#0e9384', '#475467'] as const;

export const n1 = (value: number): string => value.toFixed(1);

/** A label from the data: terminal-safe, cut to `columns`, escaped; the whole text as a tooltip where it was cut. */
export function svgLabel(text: string, columns: number): string {
  const clean = sanitizeForTerminal(text);
  const cut = truncateToWidth(clean, columns);
  return cut === clean ? escapeHtml(clean) : `${escapeHtml(cut)}<title>${escapeHtml(clean)}</title>`;
}

/** An inline SVG that scales to its container (no script, no external reference). */
export function svg(width: number, height: number, title: string, body: string[], className = 'chart'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="${className}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`
    + `<title>${escapeHtml(title)}</title>${body.join('')}</svg>`;
}

export const text = (x: number, y: number, content: string, extra = ''): string =>
  `<text x="${n1(x)}" y="${n1(y)}" fill="currentColor"${extra ? ` ${extra}` : ''}>${content}</text>`;
