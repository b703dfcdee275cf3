import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { PROGRESS_MIN_BYTES, progressBar, progressLine } from '../../src/cli/progress.js';

function fakeIo(stderrIsTTY: boolean): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (t) => { err.push(t); }, stdoutIsTTY: false, stderrIsTTY, columns: 60, env: {}, cwd: '/' };
}

const BIG = PROGRESS_MIN_BYTES * 2;

describe('progressBar', () => {
  it('is off unless stderr is a terminal', () => {
    expect(progressBar(fakeIo(false))).toBeUndefined();
    expect(progressBar({ ...fakeIo(false), stderrIsTTY: undefined })).toBeUndefined();
  });

  it('stays quiet for small exports', () => {
    const io = fakeIo(true);
    const bar = progressBar(io, () => 0)!;
    bar.update('small.csv', 10, 100);
    bar.done();
    expect(io.err).toEqual([]);
  });

  it('redraws at most every 100 ms, always at 100 %, and clears the line when done', () => {
    const io = fakeIo(true);
    let now = 0;
    const bar = progressBar(io, () => now)!;
    bar.update('big.csv', BIG / 4, BIG);
    now = 50;
    bar.update('big.csv', BIG / 2, BIG);
    now = 120;
    bar.update('big.csv', (BIG * 3) / 4, BIG);
    now = 130;
    bar.update('big.csv', BIG, BIG);
    bar.done();
    expect(io.err.map((t) => /(\d+)%/.exec(t)?.[1] ?? 'clear')).toEqual(['25', '75', '100', 'clear']);
    expect(io.err.every((t) => t.startsWith('\r\u001b[K'))).toBe(true);
  });
});

describe('progressLine', () => {
  it.each<[string, number, number, number, string]>([
    ['tickets.csv', 0, 100, 80, 'reading tickets.csv [--------------------]   0%'],
    ['tickets.csv', 42, 100, 80, 'reading tickets.csv [########------------]  42%'],
    ['tickets.csv', 100, 100, 80, 'reading tickets.csv [####################] 100%'],
    ['a-very-long-export-file-name-from-the-psa.csv', 50, 100, 50, 'reading a-very-long-… [##########----------]  50%'],
    ['evil\u001b]0;title\u0007.csv', 1, 2, 80, 'reading evil.csv [##########----------]  50%'],
  ])('%s %d/%d in %d columns', (file, read, total, columns, expected) => {
    expect(progressLine(file, read, total, columns)).toBe(expected);
  });
});

describe('loadExports reports progress for the bar', () => {
  it('calls onProgress per file, ending at the file size', async () => {
    const { loadExports } = await import('../../src/ingest/load.js');
    const { statSync } = await import('node:fs');
    const files = ['fixtures/cli/clean-tickets.csv', 'fixtures/cli/clean-history.csv'];
    const seen: [string, number, number][] = [];
    await loadExports(files, { timezone: 'America/New_York', onProgress: (file, read, total) => { seen.push([file, read, total]); } });
    for (const file of files) {
      const size = statSync(file).size;
      expect(seen.filter(([f]) => f === file).at(-1)).toEqual([file, size, size]);
    }
  });
});
