import { describe, expect, it } from 'vitest';
import { flowMap } from '../../src/report/html-flow-map.js';
import { exampleReport } from './example-report.js';

interface Rect { x: number; y: number; w: number; h: number }
const rects = (svg: string, filter: RegExp): Rect[] => [...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"([^>]*)>/g)]
  .filter((m) => filter.test(m[5]!)).map((m) => ({ x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! }));
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the flow map of the bundled example', () => {
  it('puts no count under a box or on another count, and draws the counts last', async () => {
    const svg = flowMap((await exampleReport()).report);
    const boxes = rects(svg, /stroke=/);
    const labels = rects(svg, /fill-opacity/);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeGreaterThanOrEqual(8);
    for (const l of labels) for (const b of boxes) expect(overlap(l, b), JSON.stringify({ l, b })).toBe(false);
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => expect(overlap(a, b), JSON.stringify({ a, b })).toBe(false)));
    expect(svg.lastIndexOf('fill-opacity')).toBeGreaterThan(svg.lastIndexOf(`stroke="`));
  });
});

describe('the flow map of many queues of one tier', () => {
  it('draws the busiest queues, not the first by name', async () => {
    const { report } = await exampleReport();
    // Eight queues of tier 1, named so that the busiest two sort last: A..F move little, Y and Z most.
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'Y', 'Z'];
    const queues = names.map((queue) => ({ ...report.summary.queues[0]!, queue, tier: 1 }));
    const moves = [
      { from: 'Y', to: 'Z', direction: 'across' as const, tickets: 90, flagged: 0 },
      { from: 'Z', to: 'Y', direction: 'across' as const, tickets: 80, flagged: 0 },
      ...['A', 'B', 'C', 'D', 'E', 'F'].map((from, i) => ({ from, to: names[i + 1]!, direction: 'across' as const, tickets: 1, flagged: 0 })),
    ];
    const svg = flowMap({ ...report, summary: { ...report.summary, queues, moves, missedMoves: [] } });
    expect(svg).toContain('>Y · T1<');
    expect(svg).toContain('>Z · T1<');
    expect(svg).not.toContain('>F · T1<');
  });
});
