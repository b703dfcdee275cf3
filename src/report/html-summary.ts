import { CATEGORIES, SEVERITIES } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { formatCount, formatMoney, formatPercent } from './figures.js';
import { queueTimeChart } from './html-chart.js';
import { escapeHtml } from './html-escape.js';
import { cell, htmlBar, htmlTable, type Cell } from './html-parts.js';
import { topRows } from './long-lists.js';
import { restLine } from './rest-line.js';
import { ASSIGNEE_HEADERS, QUEUE_HEADERS, assigneeCells, queueCells, summaryRows } from './summary-rows.js';

const BAR_COLOR = '#175cd3';

const metric = (id: string, value: string, label: string, kind = '') =>
  `<td><span class="value${kind ? ` ${kind}` : ''}" data-metric="${id}">${value}</span><span class="label">${label}</span></td>`;

/** The headline numbers; `data-metric` names them for tests and for scraping, never for scripts. */
export function headline(report: Report, currency: string | null): string {
  const s = report.summary;
  const cost = s.estimatedCost === null ? 'not priced' : formatMoney(s.estimatedCost, currency);
  return `<table class="headline" role="presentation"><tr>${[
    metric('tickets', formatCount(s.tickets), 'tickets'),
    metric('findings', formatCount(s.findings), 'findings'),
    ...SEVERITIES.map((v) => metric(v, formatCount(s.bySeverity[v]), v)),
    metric('fitness', formatPercent(s.fitnessScore), 'fitness score'),
    metric('cost', cost, 'estimated cost', 'money'),
  ].join('')}</tr></table>`;
}

/** Every overall figure (rates, trend) as a two-column table. */
export function figures(report: Report): string {
  const rows = summaryRows(report.summary, escapeHtml, report.framework.timezone).map(([label, value]) => [cell(label), cell(value, true)]);
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
const nameThenNumberCells = (cells: string[]): Cell[] => cells.map((c, i) => cell(c, i > 0 ? 'num' : 'name'));

/** A wide table as two that each fit a page and a mail at 600 px: the name column, then each half of the figures. */
function splitTables(headers: readonly string[], rows: string[][], halves: [number[], number[]]): string {
  return halves.map((columns) => htmlTable(nameThenNumbers(columns.map((i) => headers[i]!)),
    rows.map((r) => nameThenNumberCells(columns.map((i) => r[i]!))))).join('\n');
}

// queue, tier, tickets, findings, median, p90, limit, over limit | escalated, de-escalated, first-line, reassign/ticket, fitness, cost
const QUEUE_HALVES: [number[], number[]] = [[0, 1, 2, 3, 4, 5, 6, 7], [0, 8, 9, 10, 11, 12, 13]];
// assignee, tickets, findings, error, warn, info, fitness, cost | median, p90, escalated, de-escalated, first-line, reassign/ticket
const ASSIGNEE_HALVES: [number[], number[]] = [[0, 1, 2, 3, 4, 5, 12, 13], [0, 6, 7, 8, 9, 10, 11]];

const restParagraph = (text: string) => `<p class="more">${escapeHtml(text)}</p>`;

/** The time-in-queue chart, then the figures of the top 15 queues (by findings, then cost) and a line for the rest. */
export function queues(report: Report, currency: string | null, fullRows?: string): string {
  const list = report.summary.queues;
  if (list.length === 0) return '';
  const { shown, rest } = topRows(list);
  return [
    '<h2>Queues</h2>',
    rest ? `<p class="muted">The ${shown.length} queues with the most findings (then cost), of ${list.length}.</p>` : '',
    '<p class="muted">Business time each ticket spent in the queue (median and 90th percentile) against the queue\'s time limit.</p>',
    queueTimeChart(shown),
    splitTables(QUEUE_HEADERS, shown.map((q) => queueCells(q, escapeHtml, currency)), QUEUE_HALVES),
    rest ? restParagraph(restLine(rest, 'queues', report.summary.currency, fullRows)) : '',
  ].filter(Boolean).join('\n');
}

/** The top 15 assignees (by findings, then cost) and a line for the rest. */
export function assignees(report: Report, currency: string | null, fullRows?: string): string {
  const list = report.summary.assignees ?? [];
  if (list.length === 0) return '';
  const { shown, rest } = topRows(list);
  return [
    '<h2>Assignees</h2>',
    rest ? `<p class="muted">The ${shown.length} people with the most findings (then cost), of ${list.length}.</p>` : '',
    '<p class="muted">Business time each person held a ticket (median and 90th percentile) and how the tickets moved while they held them.</p>',
    splitTables(ASSIGNEE_HEADERS, shown.map((a) => assigneeCells(a, escapeHtml, currency)), ASSIGNEE_HALVES),
    rest ? restParagraph(restLine(rest, 'assignees', report.summary.currency, fullRows)) : '',
  ].filter(Boolean).join('\n');
}
