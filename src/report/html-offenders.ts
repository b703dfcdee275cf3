import { CATEGORIES, type Category } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { formatCount, formatMoney } from './figures.js';
import { escapeHtml } from './html-escape.js';
import { cell, htmlTable, severityBadge } from './html-parts.js';
import { topQueues, topTickets } from './offenders.js';

const TOP_QUEUES = 5;
const TOP_TICKETS = 10;
const NONE = '-';

function kindsOf(counts: Record<Category, number>): string {
  return CATEGORIES.filter((c) => counts[c] > 0).map((c) => `${c} ${formatCount(counts[c])}`).join(', ') || NONE;
}

/** The queues and tickets with the most (and worst) findings. */
export function offenders(report: Report, currency: string | null): string {
  const queues = topQueues(report.summary.queues, TOP_QUEUES);
  const tickets = topTickets(report.findings, TOP_TICKETS);
  if (queues.length === 0 && tickets.length === 0) return '';
  const parts = ['<h2>Top offenders</h2>'];
  if (queues.length > 0) {
    parts.push('<h3>Queues</h3>', htmlTable(
      ['queue', 'findings', 'over limit', 'kinds'].map((h, i) => cell(h, i === 1 || i === 2)),
      queues.map((q) => [
        cell(escapeHtml(q.queue), 'key'), cell(formatCount(q.findings), true), cell(formatCount(q.overLimit), true), cell(kindsOf(q.byCategory)),
      ]),
    ));
  }
  if (tickets.length > 0) {
    parts.push('<h3>Tickets</h3>', htmlTable(
      ['ticket', 'summary', 'worst', 'findings', 'kinds', 'cost'].map((h, i) => cell(h, i === 3 || i === 5)),
      tickets.map((t) => [
        cell(escapeHtml(t.ticket), 'key'), cell(t.summary === null ? NONE : escapeHtml(t.summary)), cell(severityBadge(t.worst), 'key'),
        cell(formatCount(t.findings), true), cell(t.categories.join(', ')),
        cell(t.cost === null ? NONE : formatMoney(t.cost, currency), true),
      ]),
    ));
  }
  return parts.join('\n');
}
