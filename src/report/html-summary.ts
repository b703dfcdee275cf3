import { CATEGORIES, SEVERITIES } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { formatCount, formatMoney, formatPercent } from './figures.js';
import { queueTimeChart } from './html-chart.js';
import { escapeHtml } from './html-escape.js';
import { cell, htmlBar, htmlTable, type Cell } from './html-parts.js';
import { ASSIGNEE_HEADERS, QUEUE_HEADERS, assigneeCells, queueCells, summaryRows } from './summary-rows.js';

const BAR_COLOR = '#175cd3';

const metric = (id: string, value: string, label: string) =>
  `<td><span class="value" data-metric="${id}">${value}</span><span class="label">${label}</span></td>`;

/** The headline numbers; `data-metric` names them for tests and for scraping, never for scripts. */
export function headline(report: Report, currency: string | null): string {
  const s = report.summary;
  const cost = s.estimatedCost === null ? 'not priced' : formatMoney(s.estimatedCost, currency);
  return `<table class="headline" role="presentation"><tr>${[
    metric('tickets', formatCount(s.tickets), 'tickets'),
    metric('findings', formatCount(s.findings), 'findings'),
    ...SEVERITIES.map((v) => metric(v, formatCount(s.bySeverity[v]), v)),
    metric('fitness', formatPercent(s.fitnessScore), 'fitness score'),
    metric('cost', cost, 'estimated cost'),
  ].join('')}</tr></table>`;
}

/** Every overall figure (rates, trend) as a two-column table. */
export function figures(report: Report): string {
  const rows = summaryRows(report.summary, escapeHtml).map(([label, value]) => [cell(label), cell(value, true)]);
  return htmlTable([cell('metric'), cell('value', true)], rows, 'narrow');
}

/** Findings per kind, with bars made of HTML so that mail clients without SVG show them too. */
export function kinds(report: Report): string {
  const counts = report.summary.byCategory;
  const max = Math.max(1, ...CATEGORIES.map((c) => counts[c]));
  const rows = CATEGORIES.map((c) => [
    cell(escapeHtml(c), 'key'),
    cell(`<span data-metric="kind-${c}">${formatCount(counts[c])}</span>`, true),
    cell(htmlBar(counts[c] / max, BAR_COLOR), 'gauge'),
  ]);
  return ['<h2>Findings by kind</h2>', htmlTable([cell('kind'), cell('findings', true), cell('')], rows, 'narrow')].join('\n');
}

export function notes(report: Report): string {
  if (report.notes.length === 0) return '';
  return `<h2>Notes</h2>\n<ul class="notes">${report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`;
}

const nameThenNumbers = (headers: readonly string[]): Cell[] => headers.map((h, i) => cell(escapeHtml(h), i > 0));
const nameThenNumberCells = (cells: string[]): Cell[] => cells.map((c, i) => cell(c, i > 0 ? 'num' : 'key'));

/** The time-in-queue chart, then every queue figure as a table (also for mail clients without SVG). */
export function queues(report: Report, currency: string | null): string {
  const list = report.summary.queues;
  if (list.length === 0) return '';
  return [
    '<h2>Queues</h2>',
    '<p class="muted">Business time each ticket spent in the queue (median and 90th percentile) against the queue\'s time limit.</p>',
    queueTimeChart(list),
    htmlTable(nameThenNumbers(QUEUE_HEADERS), list.map((q) => nameThenNumberCells(queueCells(q, escapeHtml, currency))), 'wide'),
  ].join('\n');
}

export function assignees(report: Report, currency: string | null): string {
  const list = report.summary.assignees ?? [];
  if (list.length === 0) return '';
  return [
    '<h2>Assignees</h2>',
    '<p class="muted">Business time each person held a ticket (median and 90th percentile) and how the tickets moved while they held them.</p>',
    htmlTable(nameThenNumbers(ASSIGNEE_HEADERS), list.map((a) => nameThenNumberCells(assigneeCells(a, escapeHtml, currency))), 'wide'),
  ].join('\n');
}
