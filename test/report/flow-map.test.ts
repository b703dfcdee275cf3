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
