import type { QueueSummary } from '../model/result.js';
import { escapeHtml } from './html-escape.js';
import { formatMinutes, sanitizeForTerminal, truncateToWidth } from './text.js';

const WIDTH = 720;
const LABEL = 140;
const PLOT = 300;
const ROW = 30;
const TOP = 30;
const AXIS = 28;
const LABEL_COLUMNS = 20;
const TICKS = [1, 15, 60, 240, 480, 1440, 7200, 43200, 129600, 525600];
const COLOR = { median: '#175cd3', p90: '#b2ccff', over: '#b42318', overP90: '#fda29b', grid: '#d0d5dd' };

const n = (value: number) => value.toFixed(1);
const label = (text: string) => escapeHtml(truncateToWidth(sanitizeForTerminal(text), LABEL_COLUMNS));

function svg(height: number, title: string, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${title}" font-family="Helvetica, Arial, sans-serif" font-size="12">`
    + `<title>${title}</title>${body.join('')}</svg>`;
}

/** Log scale: queues whose times differ by a thousand times still share one axis. */
function logScale(max: number): (minutes: number) => number {
  const top = Math.log10(1 + Math.max(max, 60));
  return (minutes) => LABEL + (PLOT * Math.log10(1 + Math.max(0, minutes))) / top;
}

function legend(): string {
  const item = (x: number, color: string, text: string) =>
    `<rect x="${x}" y="6" width="12" height="10" fill="${color}"/><text x="${x + 16}" y="15" fill="currentColor">${text}</text>`;
  return item(LABEL, COLOR.median, 'median') + item(LABEL + 80, COLOR.p90, '90th percentile')
    + `<line x1="${LABEL + 200}" y1="4" x2="${LABEL + 200}" y2="18" stroke="currentColor" stroke-width="2" stroke-dasharray="3,2"/>`
    + `<text x="${LABEL + 206}" y="15" fill="currentColor">limit</text>`;
}

function queueRow(q: QueueSummary, y: number, x: (m: number) => number): string {
  const parts = [`<text x="${LABEL - 8}" y="${y + 14}" text-anchor="end" fill="currentColor">${label(q.queue)}<title>${escapeHtml(q.queue)}</title></text>`];
  const { medianBusinessMinutes: median, p90BusinessMinutes: p90, limitMinutes: limit } = q;
  const over = (m: number | null) => limit !== null && m !== null && m > limit;
  if (p90 !== null) parts.push(`<rect x="${LABEL}" y="${y + 2}" width="${n(x(p90) - LABEL)}" height="16" fill="${over(p90) ? COLOR.overP90 : COLOR.p90}"/>`);
  if (median !== null) parts.push(`<rect x="${LABEL}" y="${y + 6}" width="${n(x(median) - LABEL)}" height="8" fill="${over(median) ? COLOR.over : COLOR.median}"/>`);
  if (limit !== null) parts.push(`<line x1="${n(x(limit))}" y1="${y - 1}" x2="${n(x(limit))}" y2="${y + 21}" stroke="currentColor" stroke-width="2" stroke-dasharray="3,2"/>`);
  const values = median === null
    ? 'no time recorded'
    : `p50 ${formatMinutes(median)} · p90 ${formatMinutes(p90 ?? median)} · limit ${limit === null ? 'none' : formatMinutes(limit)}`;
  parts.push(`<text x="${LABEL + PLOT + 10}" y="${y + 14}" fill="currentColor">${values}</text>`);
  return parts.join('');
}

function axis(y: number, max: number, x: (m: number) => number): string {
  const ticks = TICKS.filter((t) => t <= Math.max(max, 60));
  return ticks.map((t) => `<line x1="${n(x(t))}" y1="${TOP - 4}" x2="${n(x(t))}" y2="${y}" stroke="${COLOR.grid}" stroke-width="1"/>`
    + `<text x="${n(x(t))}" y="${y + 14}" text-anchor="middle" fill="currentColor">${formatMinutes(t)}</text>`).join('');
}

/** Median and 90th-percentile business time per queue, each against its limit (a dashed line). */
export function queueTimeChart(queues: readonly QueueSummary[]): string {
  const max = Math.max(0, ...queues.flatMap((q) => [q.medianBusinessMinutes ?? 0, q.p90BusinessMinutes ?? 0, q.limitMinutes ?? 0]));
  const x = logScale(max);
  const bottom = TOP + queues.length * ROW;
  const rows = queues.map((q, i) => queueRow(q, TOP + i * ROW, x));
  return svg(bottom + AXIS, 'Business time in each queue against its limit', [legend(), axis(bottom, max, x), ...rows]);
}
