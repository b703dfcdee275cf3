import { CATEGORIES, type Category } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { formatCount, formatPercent } from './figures.js';
import { localTime } from './heading.js';
import { KIND_COLORS, PALETTE, n1, svg, text } from './svg.js';

const WIDTH = 720;
const LEFT = 44;
const RIGHT = 16;
const PLOT_H = 150;
const TOP = 40;
const DAY = 86_400_000;
const MAX_BARS = 60;

/** The Monday (in the framework's zone) of the week an instant falls in, as `YYYY-MM-DD`. */
function weekOf(iso: string, zone: string): string {
  const day = Date.parse(`${localTime(iso, zone).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day)) return iso.slice(0, 10);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY).toISOString().slice(0, 10);
}

/** Every week from the first to the last, so quiet weeks show as gaps; wider steps when the period is long. */
function weeks(first: string, last: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  const count = Math.floor((end - start) / (7 * DAY)) + 1;
  const step = Math.max(1, Math.ceil(count / MAX_BARS));
  const out: string[] = [];
  for (let t = start; t <= end; t += 7 * DAY * step) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Findings per week, stacked by kind, in the framework's zone. Empty without findings. */
export function weeklyChart(report: Report): string {
  const zone = report.framework.timezone;
  const counts = new Map<string, Record<string, number>>();
  for (const f of report.findings) {
    const w = weekOf(f.at, zone);
    const row = counts.get(w) ?? counts.set(w, {}).get(w)!;
    row[f.category] = (row[f.category] ?? 0) + 1;
  }
  if (counts.size === 0) return '';
  const keys = [...counts.keys()].sort();
  const columns = weeks(keys[0]!, keys[keys.length - 1]!);
  // A bar of a wider step adds up the weeks it covers.
  const bucket = (w: string) => columns.filter((c) => c <= w).pop()!;
  const bars = new Map<string, Record<string, number>>(columns.map((c) => [c, {}]));
  for (const [w, row] of counts) {
    const bar = bars.get(bucket(w))!;
    for (const [k, v] of Object.entries(row)) bar[k] = (bar[k] ?? 0) + v;
  }
  const total = (row: Record<string, number>) => Object.values(row).reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...[...bars.values()].map(total));
  const slot = (WIDTH - LEFT - RIGHT) / columns.length;
  const kinds = CATEGORIES.filter((c) => report.summary.byCategory[c] > 0);
  const legendRows = Math.ceil(kinds.length / 4);
  const bottom = TOP + PLOT_H;
  const body: string[] = [];
  kinds.forEach((k, i) => {
    const x = 10 + (i % 4) * 178;
    const y = 8 + Math.floor(i / 4) * 16;
    body.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${colorOf(k)}"/>`, text(x + 14, y + 9, `${k} ${formatCount(report.summary.byCategory[k])}`));
  });
  const top = TOP + (legendRows - 1) * 16;
  const scale = (v: number) => ((PLOT_H - (top - TOP)) * v) / max;
  body.push(`<line x1="${LEFT}" y1="${bottom}" x2="${WIDTH - RIGHT}" y2="${bottom}" stroke="${PALETTE.grid}"/>`,
    text(LEFT - 6, bottom - scale(max) + 4, formatCount(max), 'text-anchor="end"'), text(LEFT - 6, bottom + 4, '0', 'text-anchor="end"'));
  columns.forEach((c, i) => {
    let y = bottom;
    const row = bars.get(c)!;
    for (const k of kinds) {
      const h = scale(row[k] ?? 0);
      if (h <= 0) continue;
      y -= h;
      body.push(`<rect x="${n1(LEFT + i * slot + 1)}" y="${n1(y)}" width="${n1(Math.max(1, slot - 2))}" height="${n1(h)}" fill="${colorOf(k)}"><title>week of ${c}: ${k} ${row[k]}</title></rect>`);
    }
  });
  const labelEvery = Math.max(1, Math.ceil(columns.length / 8));
  columns.forEach((c, i) => {
    if (i % labelEvery === 0) body.push(text(LEFT + i * slot + slot / 2, bottom + 16, c, 'text-anchor="middle" font-size="10"'));
  });
  return svg(WIDTH, bottom + 24, 'Findings per week by kind', body);
}

const colorOf = (k: Category) => KIND_COLORS[CATEGORIES.indexOf(k)] ?? PALETTE.across;

/** The fitness score over every audit of the series (the baseline's points carried forward). Empty without a trend. */
export function trendChart(report: Report): string {
  const points = report.summary.trend?.points ?? [];
  if (points.length < 2) return '';
  const zone = report.framework.timezone;
  const times = points.map((p) => Date.parse(p.asOf));
  const t0 = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - t0);
  const low = Math.max(0, Math.floor(Math.min(...points.map((p) => p.fitnessScore)) * 10) / 10 - 0.1);
  const x = (t: number) => LEFT + 30 + ((WIDTH - LEFT - RIGHT - 60) * (t - t0)) / span;
  const y = (s: number) => TOP + PLOT_H - (PLOT_H * (s - low)) / (1 - low || 1);
  const body = [0, 0.5, 1].map((f) => {
    const s = low + (1 - low) * f;
    return `<line x1="${LEFT}" y1="${n1(y(s))}" x2="${WIDTH - RIGHT}" y2="${n1(y(s))}" stroke="${PALETTE.grid}"/>${text(LEFT - 6, y(s) + 4, formatPercent(s), 'text-anchor="end" font-size="11"')}`;
  });
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n1(x(times[i]!))} ${n1(y(p.fitnessScore))}`).join(' ');
  body.push(`<path d="${line}" fill="none" stroke="${PALETTE.up}" stroke-width="2"/>`);
  points.forEach((p, i) => {
    const at = localTime(p.asOf, zone).slice(0, 10);
    body.push(`<circle cx="${n1(x(times[i]!))}" cy="${n1(y(p.fitnessScore))}" r="3.5" fill="${PALETTE.up}"><title>${at}: ${formatPercent(p.fitnessScore)}, ${formatCount(p.findings)} findings</title></circle>`);
  });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  body.push(text(x(times[0]!), y(first.fitnessScore) - 8, formatPercent(first.fitnessScore), 'text-anchor="middle" font-size="11"'),
    text(x(times[times.length - 1]!), y(last.fitnessScore) - 8, formatPercent(last.fitnessScore), 'text-anchor="middle" font-size="11" font-weight="bold"'),
    text(x(times[0]!), TOP + PLOT_H + 16, localTime(first.asOf, zone).slice(0, 10), 'text-anchor="middle" font-size="11"'),
    text(x(times[times.length - 1]!), TOP + PLOT_H + 16, localTime(last.asOf, zone).slice(0, 10), 'text-anchor="middle" font-size="11"'),
    text(10, 18, `Fitness score over ${points.length} audits`));
  return svg(WIDTH, TOP + PLOT_H + 24, 'Fitness score over the audits of the series', body);
}
