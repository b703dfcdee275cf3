import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/deliver/write-file.js';
import { InputError } from '../../src/errors.js';

const folder = () => mkdtemp(join(tmpdir(), 'ea-write-'));

function* pieces(n: number, size: number, failAt = -1): Generator<string> {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error('formatter failed');
    yield `${String(i).padStart(6, '0')}${'x'.repeat(size)}\n`;
  }
}

describe('writeFilesAtomic with pieces', () => {
  it.each([
    ['no pieces', 0, 10],
    ['small pieces', 1000, 10],
    ['pieces over the flush size', 5, 600_000],
  ])('%s: the file holds every piece in order', async (_name, n, size) => {
    const dir = await folder();
    const path = join(dir, 'report.json');
    await writeFilesAtomic([{ path, content: pieces(n, size) }]);
    expect(await readFile(path, 'utf8')).toBe([...pieces(n, size)].join(''));
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('a piece that throws leaves every target as it was and no temporary file', async () => {
    const dir = await folder();
    const [a, b] = [join(dir, 'a.csv'), join(dir, 'b.json')];
    await writeFile(b, 'previous');
    await expect(writeFilesAtomic([{ path: a, content: 'whole' }, { path: b, content: pieces(3000, 1000, 2500) }]))
      .rejects.toThrow('formatter failed');
    expect(await readdir(dir)).toEqual(['b.json']);
    expect(await readFile(b, 'utf8')).toBe('previous');
  });

  it('a missing folder is an input error naming the file', async () => {
    const path = join(await folder(), 'missing', 'report.json');
    const error = await writeFilesAtomic([{ path, content: pieces(2, 1) }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toContain('the folder does not exist');
  });
});
