import type { MissedMove, QueueMove, Report } from '../model/result.js';
import { escapeHtml } from './html-escape.js';
import { PALETTE, n1, svg, svgLabel, text } from './svg.js';

const WIDTH = 720;
const BOX_W = 150;
const BOX_H = 30;
const ROW = 104;
const TOP = 58;
const MAX_MOVES = 14;
const MAX_PER_TIER = 6;
const STAGGER = 150;

interface Box { x: number; y: number }

/** An arrow's count, placed once every arrow is drawn so that it sits clear of the boxes and of the other counts. */
interface Label { x: number; y: number; text: string; color: string }

const LABEL_H = 14;
const labelWidth = (label: string) => 8 + label.length * 6.6;

/** The moves drawn: the most taken, every flagged one among the next, the missed ones; only between queues that fit. */
function chosen(report: Report): { moves: QueueMove[]; missed: MissedMove[] } {
  const all = report.summary.moves;
  const moves = [...all.slice(0, MAX_MOVES), ...all.slice(MAX_MOVES).filter((m) => m.flagged > 0).slice(0, 4)];
  return { moves, missed: report.summary.missedMoves.slice(0, 6) };
}

/** The busiest queues of a column (most tickets moved in or out among the moves drawn), then in name order for a stable picture. */
function busiest(names: string[], weight: ReadonlyMap<string, number>): string[] {
  const ranked = [...names].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return ranked.slice(0, MAX_PER_TIER).sort();
}

function layout(report: Report, names: Set<string>, weight: ReadonlyMap<string, number>): Map<string, Box> {
  const tierOf = new Map(report.summary.queues.map((q) => [q.queue, q.tier]));
  const columns = new Map<number | null, string[]>();
  for (const name of names) {
    const tier = tierOf.get(name) ?? null;
    (columns.get(tier) ?? columns.set(tier, []).get(tier)!).push(name);
  }
  const order = [...columns.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  // One tier only (or none known): a grid, so that the moves between them have room.
  if (order.length === 1) {
    const names = busiest(columns.get(order[0]!)!, weight);
    const per = Math.min(3, names.length);
    const step = per > 1 ? (WIDTH - 20 - BOX_W) / (per - 1) : 0;
    return new Map(names.map((name, i) => [name, { x: 10 + (i % per) * step, y: TOP + Math.floor(i / per) * ROW * 1.6 }]));
  }
  const gap = order.length > 1 ? (WIDTH - 20 - BOX_W - STAGGER) / (order.length - 1) : 0;
  const boxes = new Map<string, Box>();
  order.forEach((tier, col) => {
    // Queues of one tier stagger, so that moves between them have room for their labels.
    const stagger = Math.min(STAGGER, gap / 2);
    busiest(columns.get(tier)!, weight).forEach((name, row) => boxes.set(name, { x: 10 + col * gap + (row % 2) * stagger, y: TOP + row * ROW }));
  });
  return boxes;
}

/** A curve from one box to another, bent to its left so that A to B and B to A stay apart; its label where it bends most. */
function arrow(a: Box, b: Box, color: string, label: string, dashed: string, wider = 1): { path: string; label: Label } {
  const x1 = a.x + BOX_W / 2;
  const y1 = a.y + BOX_H / 2;
  const x2 = b.x + BOX_W / 2;
  const y2 = b.y + BOX_H / 2;
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const bend = Math.max(40, Math.min(60, 18 + len / 6)) * wider;
  const cx = (x1 + x2) / 2 + ((y2 - y1) / len) * bend;
  const cy = (y1 + y2) / 2 - ((x2 - x1) / len) * bend;
  // End at the box's edge, not its centre, so the arrowhead shows.
  const t = 1 - Math.min(0.45, (BOX_H / 2 + 6) / len);
  const ex = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2;
  const ey = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2;
  const lx = (x1 + 2 * cx + x2) / 4;
  const ly = (y1 + 2 * cy + y2) / 4;
  const path = `<path d="M${n1(x1)} ${n1(y1)} Q${n1(cx)} ${n1(cy)} ${n1(ex)} ${n1(ey)}" fill="none" stroke="${color}" stroke-width="2"${dashed}/>`
    + head(ex, ey, Math.atan2(ey - cy, ex - cx), color);
  return { path, label: { x: lx, y: ly, text: label, color } };
}

interface Rect { x: number; y: number; w: number; h: number }
// Where a label may go instead, nearest first: up to four lines up or down, up to 90 px sideways.
const SHIFTS: [number, number][] = [-4, -3, -2, -1, 0, 1, 2, 3, 4].flatMap((row) => [-3, -2, -1, 0, 1, 2, 3]
  .map((col): [number, number] => [col * 30, row * (LABEL_H + 2)]))
  .sort((a, b) => Math.hypot(a[0], a[1] * 1.5) - Math.hypot(b[0], b[1] * 1.5));
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Each label at its arrow's bend, or moved to the nearest place (SHIFTS) that covers no box and no
 * label placed before it; drawn last, so that no arrow or box hides one.
 */
function placeLabels(labels: Label[], boxes: Iterable<Box>): string[] {
  const taken: Rect[] = [...boxes].map((b) => ({ x: b.x - 2, y: b.y - 2, w: BOX_W + 4, h: BOX_H + 4 }));
  return labels.map((l) => {
    const w = labelWidth(l.text);
    const at = ([dx, dy]: [number, number]): Rect => ({ x: l.x - w / 2 + dx, y: l.y - 10 + dy, w, h: LABEL_H });
    const [dx, dy] = SHIFTS.find((s) => !taken.some((t) => overlaps(at(s), t))) ?? [0, 0];
    const r = at([dx, dy]);
    taken.push(r);
    return `<rect x="${n1(r.x)}" y="${n1(r.y)}" width="${n1(w)}" height="${LABEL_H}" rx="3" fill="#ffffff" fill-opacity="0.85"/>`
      + text(l.x + dx, l.y + 1 + dy, escapeHtml(l.text), `text-anchor="middle" fill="${l.color}" font-size="11"`).replace('fill="currentColor" ', '');
  });
}

/** An arrowhead drawn as a triangle (not an SVG marker: its url() reference is what mail sanitizers strip). */
function head(x: number, y: number, angle: number, color: string): string {
  const point = (d: number, a: number) => `${n1(x - d * Math.cos(angle + a))} ${n1(y - d * Math.sin(angle + a))}`;
  return `<path d="M${n1(x)} ${n1(y)}L${point(10, 0.4)}L${point(10, -0.4)}z" fill="${color}"/>`;
}

function legend(): string {
  const item = (x: number, color: string, label: string, dash = '') =>
    `<line x1="${x}" y1="12" x2="${x + 26}" y2="12" stroke="${color}" stroke-width="2"${dash}/>${text(x + 32, 16, label)}`;
  return item(10, PALETTE.up, '↑ escalation') + item(125, PALETTE.down, '↓ de-escalation', ' stroke-dasharray="6,3"')
    + item(262, PALETTE.across, 'same tier') + item(360, PALETTE.warn, 'with findings')
    + item(500, PALETTE.warn, 'should have moved', ' stroke-dasharray="2,3"');
}

/**
 * How tickets moved between queues: queues as boxes in a column per tier (lowest left), an arrow per
 * move taken with its ticket count; escalations, de-escalations and sideways moves in their colours,
 * moves with findings on them and moves findings asked for in the warning colour. Empty without moves.
 */
export function flowMap(report: Report): string {
  const { moves, missed } = chosen(report);
  if (moves.length === 0 && missed.length === 0) return '';
  const names = new Set([...moves, ...missed].flatMap((m) => [m.from, m.to]));
  const weight = new Map<string, number>();
  for (const m of [...moves, ...missed]) for (const q of [m.from, m.to]) weight.set(q, (weight.get(q) ?? 0) + m.tickets);
  const boxes = layout(report, names, weight);
  const height = Math.max(...[...boxes.values()].map((b) => b.y)) + BOX_H + ROW / 2;
  const tierOf = new Map(report.summary.queues.map((q) => [q.queue, q.tier]));
  const body = [legend()];
  const labels: Label[] = [];
  const draw = ({ path, label }: ReturnType<typeof arrow>) => { body.push(path); labels.push(label); };
  for (const m of moves) {
    const a = boxes.get(m.from);
    const b = boxes.get(m.to);
    if (!a || !b) continue;
    const color = m.flagged > 0 ? PALETTE.warn : PALETTE[m.direction];
    const sign = m.direction === 'up' ? '↑ ' : m.direction === 'down' ? '↓ ' : '';
    const label = `${sign}${m.tickets}${m.flagged > 0 ? ` (${m.flagged} flagged)` : ''}`;
    draw(arrow(a, b, color, label, m.direction === 'down' ? ' stroke-dasharray="6,3"' : ''));
  }
  for (const m of missed) {
    const a = boxes.get(m.from);
    const b = boxes.get(m.to);
    if (a && b) draw(arrow(a, b, PALETTE.warn, `should: ${m.tickets}`, ' stroke-dasharray="2,3"', 1.9));
  }
  for (const [name, box] of boxes) {
    const tier = tierOf.get(name);
    body.push(`<rect x="${n1(box.x)}" y="${n1(box.y)}" width="${BOX_W}" height="${BOX_H}" rx="4" fill="${PALETTE.box}" stroke="${PALETTE.across}"/>`,
      text(box.x + BOX_W / 2, box.y + 19, `${svgLabel(name, 17)}${tier == null ? '' : ` · T${tier}`}`, 'text-anchor="middle" fill="#1d2939"').replace('fill="currentColor" ', ''));
  }
  body.push(...placeLabels(labels, boxes.values()));
  return svg(WIDTH, height, 'How tickets moved between queues', body, 'chart flow');
}
