import type { ChalkInstance } from 'chalk';
import type { QueueSummary } from '../model/result.js';
import { renderTable, type Column } from './table-layout.js';
import { formatMinutes, sanitizeForTerminal } from './text.js';

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
export function formatQueues(queues: QueueSummary[], width: number, chalk: ChalkInstance, wrap = false): string {
  const table = renderTable(COLUMNS, queues.map(toRow), width, (h) => chalk.bold(h), wrap);
  return [chalk.bold('Queues'), table].join('\n');
}
