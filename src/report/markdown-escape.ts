import { sanitizeForTerminal } from './text.js';

// `&` only where it would start an entity: "R&D" stays readable, "&lt;" stays four characters.
const ENTITY_START = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
// Code spans, emphasis, strikethrough, links and images, table cells, headings, GitHub math.
const INLINE_SPECIAL = /[\\`*_~[\]|#$]/g;
// What would open a list, a setext heading or an ordered list where the value starts a block.
const BLOCK_START = /^(?:[-+=]|\d{1,9}(?=[.)]))/;

/**
 * A value from the data as inline Markdown text that renders as itself: no HTML, code, emphasis,
 * link, math or table cell break can come from it. Line breaks become spaces (a table row is one
 * line) and controls are dropped, as on the terminal.
 */
export function escapeMarkdown(value: string): string {
  const text = sanitizeForTerminal(value)
    .trim()
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(ENTITY_START, '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
  return text.replace(BLOCK_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}
