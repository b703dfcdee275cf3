import type { ChalkInstance } from 'chalk';
import type { QueueSummary } from '../model/result.js';
import { topRows } from './long-lists.js';
import { restLine } from './rest-line.js';
import { renderTable, type Column } from './table-layout.js';
import { formatMinutes, sanitizeForTerminal, wrapAllToWidth } from './text.js';

const NONE = '-';

const COLUMNS: Column[] = [
  { header: 'queue', min: 8 },
  { header: 'tier', numeric: true },
  { header: 'tickets', numeric: true },
  { header: 'findings', numeric: true },
  { header: 'p50', numeric: true },
  { header: 'p90', numeric: true },
  { header: 'limit', numeric: true },
  { header: 'over', numeric: true },
];

const minutes = (value: number | null) => (value === null ? NONE : formatMinutes(value));

function toRow(q: QueueSummary): string[] {
  return [
    sanitizeForTerminal(q.queue),
    q.tier === null ? NONE : String(q.tier),
    String(q.tickets),
    String(q.findings),
    minutes(q.medianBusinessMinutes),
    minutes(q.p90BusinessMinutes),
    minutes(q.limitMinutes),
    String(q.overLimit),
  ];
}

/** Per-queue totals, median (p50) and p90 business time, the limit and how many tickets went over it. */
export function formatQueues(queues: QueueSummary[], width: number, chalk: ChalkInstance, wrap = false, currency: string | null = null,
  fullRows?: string): string {
  const { shown, rest } = topRows(queues);
  const table = renderTable(COLUMNS, shown.map(toRow), width, (h) => chalk.bold(h), wrap);
  const more = rest ? wrapAllToWidth(sanitizeForTerminal(restLine(rest, 'queues', currency, fullRows)), width) : [];
  return [chalk.bold(rest ? `Queues (the ${shown.length} with the most findings, of ${queues.length})` : 'Queues'), table, ...more].join('\n');
}
