import { sanitizeForTerminal } from './text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;
const WEB_URL = /^https?:\/\/[^\s]+$/i;

/**
 * A value from the data as HTML text or a quoted attribute value: markup characters become entities;
 * controls, escape sequences and bidi overrides are dropped as on the terminal (they could hide or
 * disguise text), line breaks become spaces.
 */
export function escapeHtml(value: string): string {
  return sanitizeForTerminal(value).replace(SPECIAL, (c) => ENTITIES[c]!);
}

/** A link for an http(s) URL, or the escaped text when it is anything else (javascript:, data:, relative). */
export function linkOrText(url: string, label: string): string {
  if (!WEB_URL.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}
