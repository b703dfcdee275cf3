import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureExports, formatBrussels, generateEvents, HEADER, parseSize, previewLines } from './generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'escalation-audit-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench export generator', () => {
  it.each([
    ['csv', 'contiguous'],
    ['csv', 'interleaved'],
    ['ndjson', 'contiguous'],
  ] as const)('the same seed gives the same first %s rows (%s)', (format, order) => {
    const first = previewLines(2000, order, format, 20, 7);
    expect(previewLines(2000, order, format, 20, 7)).toEqual(first);
    expect(previewLines(2000, order, format, 20, 8)).not.toEqual(first);
  });

  it('writes exactly the events asked for, with the VINST columns', () => {
    const { rows, times } = generateEvents(3000, 1);
    expect(rows).toHaveLength(3000);
    expect(times).toHaveLength(3000);
    expect(rows.every((cells) => cells.length === HEADER.length)).toBe(true);
    expect(previewLines(10, 'contiguous', 'csv', 1, 1)).toEqual([HEADER.join(',')]);
  });

  it('keeps each ticket together in contiguous order and every row in time order when interleaved', () => {
    const ids = (lines: string[]) => lines.slice(1).map((l) => l.split(',')[0]!);
    const contiguous = ids(previewLines(3000, 'contiguous', 'csv', 3001, 3));
    const runs = contiguous.filter((id, i) => id !== contiguous[i - 1]).length;
    expect(runs).toBe(new Set(contiguous).size);
    const interleaved = previewLines(3000, 'interleaved', 'ndjson', 3000, 3).map((l) => Date.parse(JSON.parse(l)['Change Date+Time']));
    expect(interleaved.every((t, i) => i === 0 || t >= interleaved[i - 1]!)).toBe(true);
    expect(new Set(ids(previewLines(3000, 'interleaved', 'csv', 3001, 3)))).toEqual(new Set(contiguous));
  });

  it('writes Brussels time with the offset of the day', () => {
    expect(formatBrussels(Date.UTC(2025, 0, 15, 9, 30) / 1000)).toBe('2025-01-15T10:30:00+01:00');
    expect(formatBrussels(Date.UTC(2025, 6, 15, 9, 30) / 1000)).toBe('2025-07-15T11:30:00+02:00');
  });

  it.each([['100k', 100_000], ['1m', 1_000_000], ['2500', 2500], ['1.5k', 1500]])('reads size %s', (text, events) => {
    expect(parseSize(text)).toBe(events);
  });

  it('writes the files once and reuses them while the generator version holds', async () => {
    const files = await ensureExports(500, { dir, seed: 5 });
    expect(Object.keys(files).sort()).toEqual(['contiguous.csv', 'contiguous.ndjson', 'interleaved.csv', 'interleaved.ndjson']);
    const csv = readFileSync(files['contiguous.csv']!, 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(501);
    expect(csv.slice(0, 5)).toEqual(previewLines(500, 'contiguous', 'csv', 5, 5));
    const written = statSync(files['contiguous.csv']!).mtimeMs;
    const logged: string[] = [];
    await ensureExports(500, { dir, seed: 5, log: (m) => logged.push(m) });
    expect(logged).toEqual([]);
    expect(statSync(files['contiguous.csv']!).mtimeMs).toBe(written);
  });
});
