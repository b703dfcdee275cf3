import type { Finding } from '../model/finding.js';
import { evidenceRows } from './evidence-labels.js';
import { formatCount, formatMoney } from './figures.js';
import { groupByCategory } from './group.js';
import { localizeInstants, localTime } from './heading.js';
import { escapeHtml, linkOrText } from './html-escape.js';
import { severityBadge } from './html-parts.js';
import { DEFAULT_FINDINGS_PER_KIND, moreLine, worstFindings } from './long-lists.js';
import { formatMinutes } from './text.js';

const NONE = '-';

/** How findings are shown: the currency (escaped), the framework's zone, how many per kind and where the rest are. */
export interface FindingView { currency: string | null; timezone: string; perKind?: number; fullList?: string }

const kv = (label: string, html: string) => `<tr><th>${escapeHtml(label)}</th><td>${html}</td></tr>`;
const orNone = (value: string | null) => (value === null ? NONE : escapeHtml(value));

function details(f: Finding, view: FindingView): string {
  const rows = [
    kv('Ticket', escapeHtml(f.ticket)),
    kv('Summary', orNone(f.summary)),
    kv('When', `${escapeHtml(localTime(f.at, view.timezone))} <span class="muted">(${escapeHtml(view.timezone)})</span>`),
    kv('Queue', orNone(f.queue)),
    kv('Expected queue', orNone(f.expectedQueue)),
    kv('Business time', f.businessMinutes === null ? NONE : escapeHtml(formatMinutes(f.businessMinutes))),
    kv('Estimated cost', f.cost === null ? NONE : formatMoney(f.cost, view.currency)),
    ...evidenceRows(f.evidence, view.timezone).map(([label, value]) => kv(label, escapeHtml(value))),
    kv('Rule', escapeHtml(f.rule)),
    kv('Finding id', escapeHtml(f.id)),
    kv('What to do', linkOrText(f.docsUrl, f.docsUrl)),
  ];
  const status = f.status === undefined ? '' : ` <em class="status">${escapeHtml(f.status)}</em>`;
  const about = f.summary === null ? '' : ` <span class="muted">(${escapeHtml(f.summary)})</span>`;
  const title = `${severityBadge(f.severity)}${status} <strong>${escapeHtml(f.ticket)}</strong> ${escapeHtml(localizeInstants(f.message, view.timezone))}${about}`;
  return `<details class="finding"><summary>${title}</summary>\n<table class="data kv">${rows.join('')}</table></details>`;
}

const plural = (n: number) => `${formatCount(n)} ${n === 1 ? 'finding' : 'findings'}`;

function resolvedSection(resolved: readonly Finding[], view: FindingView): string[] {
  if (resolved.length === 0) return [];
  const { shown, more } = worstFindings(resolved, view.perKind ?? DEFAULT_FINDINGS_PER_KIND);
  return [`<h3>Resolved since the baseline (${plural(resolved.length)})</h3>`, ...shown.map((f) => details(f, view)),
    ...(more > 0 ? [`<p class="more">${escapeHtml(moreLine(more, 'resolved', 'in the baseline report'))}</p>`] : [])];
}

/**
 * The findings by kind, worst first (severity, cost, time past the limit), each a collapsible block
 * with its fields and evidence in words; at most `perKind` of a kind, then a line saying how many
 * more there are and where; then the resolved ones.
 */
export function findingSections(findings: readonly Finding[], resolved: readonly Finding[], view: FindingView): string {
  const sections = groupByCategory(findings).map(({ category, findings: group }) => {
    const { shown, more } = worstFindings(group, view.perKind ?? DEFAULT_FINDINGS_PER_KIND);
    return [
      `<h3>${escapeHtml(category)} (${plural(group.length)})</h3>`,
      `<p class="muted">${linkOrText(group[0]!.docsUrl, `What ${category} means and what to do`)}</p>`,
      ...shown.map((f) => details(f, view)),
      ...(more > 0 ? [`<p class="more">${escapeHtml(moreLine(more, category, view.fullList))}</p>`] : []),
    ].join('\n');
  });
  if (sections.length === 0) sections.push('<p>No findings.</p>');
  return ['<h2>Findings</h2>', ...sections, ...resolvedSection(resolved, view)].join('\n');
}
