import type { FrameworkFit } from '../model/result.js';
import { fitFigure as figure, limitWords } from './fit-text.js';
import { escapeMarkdown } from './markdown-escape.js';
import { markdownTable } from './markdown-table.js';

const SHOWN = 25;

/** The "Framework fit" section in Markdown: per rule figures and advice, what is not placed, the paths taken. */
export function markdownFit(fit: FrameworkFit): string {
  const rows = fit.rules.map((r) => {
    const l = r.limits[0];
    return [escapeMarkdown(r.id), String(r.judged), String(r.fired), escapeMarkdown(limitWords(l, '≥ ')),
      figure(l, l?.measured?.p50), figure(l, l?.measured?.p90), figure(l, l?.complyAt?.p80), r.verdict];
  });
  const out = ['## Framework fit', '',
    markdownTable(['rule', 'judged', 'fired', 'limit', 'p50', 'p90', '80% at', 'verdict'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'])];
  const advice = fit.rules.filter((r) => r.verdict !== 'fires-on-some').map((r) => `- **${escapeMarkdown(r.id)}**: ${escapeMarkdown(r.advice)}`);
  if (advice.length) out.push('', ...advice);
  const list = (label: string, items: string[]) => {
    if (items.length === 0) return;
    const more = items.length > SHOWN ? [`and ${items.length - SHOWN} more (all in the JSON report)`] : [];
    out.push('', `**${label}:** ${[...items.slice(0, SHOWN), ...more].join(', ')}`);
  };
  list('Unknown queues', fit.unplaced.queues.map((q) => `${escapeMarkdown(q.name)} (${q.tickets})`));
  list('Statuses not placed', fit.unplaced.statuses.map((s) => `${escapeMarkdown(s.name)} (${s.tickets}${s.looksLike ? `, looks like a ${s.looksLike}` : ''})`));
  list('Values not routed', fit.unplaced.values.map((v) => `${v.field} ${escapeMarkdown(v.value)} (${v.tickets})`));
  if (fit.paths.length > 0) {
    out.push('', '### Paths taken', '', markdownTable(['from', 'to', 'tickets', 'described by'],
      fit.paths.map((p) => [escapeMarkdown(p.from), escapeMarkdown(p.to), String(p.tickets), p.described ? escapeMarkdown(p.by.join(', ')) : '**not described**']),
      ['left', 'left', 'right', 'left']));
  }
  return out.join('\n');
}
