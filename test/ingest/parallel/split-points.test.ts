import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSplitPoints } from '../../../src/ingest/parallel/split-points.js';

const dir = mkdtempSync(join(tmpdir(), 'ea-split-'));
let n = 0;
const cutsOf = async (text: string, parts: number, start = 0) => {
  const file = join(dir, `f${++n}.csv`);
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  return { cuts: await findSplitPoints(file, start, bytes, parts), at: (i: number) => Buffer.from(text).subarray(i - 1, i).toString() };
};

describe('split points: just after a line feed, outside quoted cells', () => {
  it.each([
    ['plain lines, 2 parts', 'id,at\n1,a\n2,b\n3,c\n4,d\n', 2, [14]],
    ['plain lines, 3 parts', 'id,at\n1,a\n2,b\n3,c\n4,d\n5,e\n', 3, [10, 18]],
    ['a quoted cell with line breaks at the midpoint is not cut', 'id,note\n1,"a\nb\nc\nd\ne"\n2,x\n3,y\n', 2, [22]],
    ['doubled quotes inside a quoted cell keep the count even', 'id,n\n1,"say ""hi""\nnow"\n2,x\n3,y\n', 2, [24]],
    ['CRLF: the cut falls after the LF, never between CR and LF', 'id,at\r\n1,a\r\n2,b\r\n3,c\r\n', 2, [12]],
    ['no line feed after the midpoint: no cut', 'id,at\n1,abcdefghijklmnop', 2, []],
    ['a cut at the very end is no cut', 'id,at\n1,"abcdefghijklmnop"\n', 2, []],
  ])('%s', async (_name, text, parts, expected) => {
    const { cuts, at } = await cutsOf(text, parts);
    expect(cuts).toEqual(expected);
    for (const c of cuts) expect(at(c)).toBe('\n');
  });

  it('starts counting at `start` (after a byte order mark)', async () => {
    const { cuts } = await cutsOf('\ufeffid,at\n1,a\n2,b\n3,c\n', 2, 3);
    expect(cuts).toEqual([13]);
  });

  it('cuts a large file into parts of about the same size, each after a line feed', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${i},"line ${i}\nsecond half",${'x'.repeat(i % 50)}`);
    const text = `id,note,pad\n${lines.join('\n')}\n`;
    const { cuts, at } = await cutsOf(text, 4);
    expect(cuts).toHaveLength(3);
    const bytes = Buffer.byteLength(text);
    cuts.forEach((c, j) => {
      expect(at(c)).toBe('\n');
      expect(Math.abs(c - ((j + 1) * bytes) / 4)).toBeLessThan(200);
      // Each part starts a record: the next line is "<id>,"
      expect(text.slice(c, c + 12)).toMatch(/^\d+,"line /);
    });
  });
});
