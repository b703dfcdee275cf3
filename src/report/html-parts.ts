import type { Severity } from '../model/finding.js';
import { escapeHtml } from './html-escape.js';
import { SEVERITY_COLOR } from './html-style.js';

/** How a cell lays out: `num` right-aligned, `key` (ids) never wrapped, `name` wraps anywhere if it must, `text` wraps, `gauge` holds a bar. */
export type CellKind = 'text' | 'num' | 'key' | 'name' | 'gauge';

/** A header or data cell. Content must already be escaped. */
export interface Cell { html: string; kind: CellKind }

export const cell = (html: string, kind: CellKind | boolean = 'text'): Cell =>
  ({ html, kind: kind === true ? 'num' : kind === false ? 'text' : kind });

const td = (tag: 'th' | 'td', c: Cell) => `<${tag}${c.kind === 'text' ? '' : ` class="${c.kind}"`}>${c.html}</${tag}>`;

/** `narrow` fits the content instead of the page. */
export type TableLayout = 'full' | 'narrow';

/** A data table; every cell's HTML must already be escaped. */
export function htmlTable(headers: readonly Cell[], rows: readonly Cell[][], layout: TableLayout = 'full'): string {
  const head = `<tr>${headers.map((h) => td('th', h)).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => td('td', c)).join('')}</tr>`).join('\n');
  return `<table class="data${layout === 'full' ? '' : ` ${layout}`}">\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A bar drawn with a table cell's width: unlike SVG, mail clients show it. */
export function htmlBar(share: number, color: string): string {
  if (!(share > 0)) return '';
  const percent = Math.min(100, share * 100).toFixed(1);
  return `<div class="bar" style="width:${percent}%;background:${color}">&nbsp;</div>`;
}

/** A severity badge, coloured inline so it survives mail clients that drop <style>. */
export function severityBadge(severity: Severity): string {
  const color = SEVERITY_COLOR[severity] ?? '#475467';
  return `<span class="sev sev-${escapeHtml(severity)}" style="background:${color};color:#ffffff">${escapeHtml(severity)}</span>`;
}
