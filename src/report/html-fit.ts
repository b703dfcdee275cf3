import type { FrameworkFit, WhatIf } from '../model/result.js';
import { changeWords, fitFigure as figure, limitWords, ticketChangeWords, whatIfCounts } from './fit-text.js';
import { escapeHtml } from './html-escape.js';
import { cell, htmlTable } from './html-parts.js';
import { SEVERITY_COLOR } from './html-style.js';

/** Items of each unplaced list shown; the JSON has them all. */
const SHOWN = 25;

/** The "Framework fit" section: per rule figures and advice, what the framework does not place, the paths taken. */
export function fitSection(fit: FrameworkFit): string {
  const rows = fit.rules.map((r) => {
    const l = r.limits[0];
    // Ids and verdicts may wrap (at their hyphens): a 600 px mail view has no room for eight unbroken columns.
    return [cell(escapeHtml(r.id)), cell(String(r.judged), true), cell(String(r.fired), true), cell(escapeHtml(limitWords(l, '≥ ')), true),
      cell(figure(l, l?.measured?.p50), true), cell(figure(l, l?.measured?.p90), true), cell(figure(l, l?.complyAt?.p80), true),
      cell(`<span data-verdict="${escapeHtml(r.verdict)}">${escapeHtml(r.verdict)}</span>`)];
  });
  const headers = ['rule', 'judged', 'fired', 'limit', 'p50', 'p90', '80% at', 'verdict'].map((h, i) => cell(h, i > 0 && i < 7));
  const advice = fit.rules.filter((r) => r.verdict !== 'fires-on-some')
    .map((r) => `<li><strong>${escapeHtml(r.id)}</strong>: ${escapeHtml(r.advice)}</li>`);
  const list = (label: string, items: string[]) => (items.length === 0 ? '' : `<p><strong>${label}:</strong> ${[...items.slice(0, SHOWN),
    ...(items.length > SHOWN ? [`and ${items.length - SHOWN} more (all in the JSON report)`] : [])].join(', ')}</p>`);
  const { queues, statuses, values } = fit.unplaced;
  const paths = fit.paths.map((p) => [cell(escapeHtml(p.from), 'key'), cell(escapeHtml(p.to), 'key'), cell(String(p.tickets), true),
    cell(p.described ? escapeHtml(p.by.join(', ')) : `<span style="color:${SEVERITY_COLOR.warn}">not described</span>`)]);
  return [
    '<h2>Framework fit</h2>',
    htmlTable(headers, rows),
    advice.length ? `<ul class="notes">${advice.join('')}</ul>` : '',
    list('Unknown queues', queues.map((q) => `${escapeHtml(q.name)} (${q.tickets})`)),
    list('Statuses not placed', statuses.map((s) => `${escapeHtml(s.name)} (${s.tickets}${s.looksLike ? `, looks like a ${s.looksLike}` : ''})`)),
    list('Values not routed', values.map((v) => `${escapeHtml(v.field)} ${escapeHtml(v.value)} (${v.tickets})`)),
    paths.length ? `<h3>Paths taken</h3>\n${htmlTable([cell('from'), cell('to'), cell('tickets', true), cell('described by')], paths, 'narrow')}` : '',
  ].filter(Boolean).join('\n');
}

/** The "What if" section: the changes, findings per rule before and after, the tickets that change. */
export function whatIfSection(w: WhatIf): string {
  const changes = w.changes.map((c) => `<li>${escapeHtml(changeWords(c, '→'))}</li>`);
  const rows = w.rules.map((r) => [cell(escapeHtml(r.id), 'key'), ...whatIfCounts(r).map((n) => cell(n, true))]);
  const tickets = w.tickets.slice(0, 100).map((t) => `${escapeHtml(t.ticket)} (${t.rules.map((r) => escapeHtml(ticketChangeWords(r, '→'))).join('; ')})`);
  return [
    '<h2>What if</h2>',
    `<ul class="notes">${changes.join('')}</ul>`,
    htmlTable([cell('rule'), cell('before', true), cell('after', true), cell('tickets before', true), cell('tickets after', true)], rows, 'narrow'),
    `<p><strong>Tickets that change (${w.tickets.length}):</strong> ${tickets.length ? tickets.join('; ') : 'none'}${w.tickets.length > 100 ? `; and ${w.tickets.length - 100} more (all in the JSON report)` : ''}</p>`,
  ].join('\n');
}
