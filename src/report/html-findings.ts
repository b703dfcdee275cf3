import type { EvidenceValue, Finding } from '../model/finding.js';
import { formatCount, formatMoney } from './figures.js';
import { groupByCategory } from './group.js';
import { escapeHtml, linkOrText } from './html-escape.js';
import { severityBadge } from './html-parts.js';
import { sortedEvidence } from './json.js';
import { formatMinutes } from './text.js';

const NONE = '-';

function evidenceValue(value: EvidenceValue | undefined): string {
  if (value === null || value === undefined) return NONE;
  return escapeHtml(Array.isArray(value) ? value.join(', ') : String(value));
}

const kv = (key: string, html: string) => `<tr><th>${escapeHtml(key)}</th><td>${html}</td></tr>`;

function details(f: Finding, currency: string | null): string {
  const evidence = Object.entries(sortedEvidence(f.evidence)).map(([k, v]) => kv(`evidence: ${k}`, evidenceValue(v)));
  const rows = [
    kv('id', escapeHtml(f.id)),
    kv('ticket', escapeHtml(f.ticket)),
    kv('summary', f.summary === null ? NONE : escapeHtml(f.summary)),
    kv('rule', escapeHtml(f.rule)),
    kv('queue', f.queue === null ? NONE : escapeHtml(f.queue)),
    kv('expected queue', f.expectedQueue === null ? NONE : escapeHtml(f.expectedQueue)),
    kv('at', escapeHtml(f.at)),
    kv('business time', f.businessMinutes === null ? NONE : `${formatMinutes(f.businessMinutes)} (${f.businessMinutes} min)`),
    kv('estimated cost', f.cost === null ? NONE : formatMoney(f.cost, currency)),
    ...evidence,
    kv('docs', linkOrText(f.docsUrl, f.docsUrl)),
  ];
  const status = f.status === undefined ? '' : ` <em class="status">${escapeHtml(f.status)}</em>`;
  const about = f.summary === null ? '' : ` <span class="muted">(${escapeHtml(f.summary)})</span>`;
  const title = `${severityBadge(f.severity)}${status} <strong>${escapeHtml(f.ticket)}</strong> ${escapeHtml(f.message)}${about}`;
  return `<details class="finding"><summary>${title}</summary>\n<table class="data kv">${rows.join('')}</table></details>`;
}

const plural = (n: number) => `${formatCount(n)} ${n === 1 ? 'finding' : 'findings'}`;

function resolvedSection(resolved: readonly Finding[], currency: string | null): string[] {
  if (resolved.length === 0) return [];
  const sorted = groupByCategory(resolved).flatMap((g) => g.findings);
  return [`<h3>Resolved since the baseline (${plural(resolved.length)})</h3>`, ...sorted.map((f) => details(f, currency))];
}

/** Every finding by kind, each a collapsible block with all its fields and evidence; then the resolved ones. */
export function findingSections(findings: readonly Finding[], resolved: readonly Finding[], currency: string | null): string {
  const groups = groupByCategory(findings);
  const sections = groups.map(({ category, findings: group }) => [
    `<h3>${escapeHtml(category)} (${plural(group.length)})</h3>`,
    `<p class="muted">${linkOrText(group[0]!.docsUrl, `What ${category} means and what to do`)}</p>`,
    ...group.map((f) => details(f, currency)),
  ].join('\n'));
  if (sections.length === 0) sections.push('<p>No findings.</p>');
  return ['<h2>Findings</h2>', ...sections, ...resolvedSection(resolved, currency)].join('\n');
}
