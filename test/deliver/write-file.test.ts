import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem, type FileHandle, type FileSystem } from '../../src/deliver/file-system.js';
import { cleanUpOutputsSync, stageFiles, writeFilesAtomic } from '../../src/deliver/write-file.js';
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

describe('writeFilesAtomic: what a replaced file keeps, where it goes', () => {
  it('a replaced report keeps its mode (0600 stays 0600, 0640 stays 0640 whatever the umask)', async () => {
    const dir = await folder();
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    await writeFile(a, 'old');
    await writeFile(b, 'old');
    await chmod(a, 0o600);
    await chmod(b, 0o640);
    await writeFilesAtomic([{ path: a, content: 'new' }, { path: b, content: 'new' }]);
    expect((await stat(a)).mode & 0o7777).toBe(0o600);
    expect((await stat(b)).mode & 0o7777).toBe(0o640);
    expect(await readFile(a, 'utf8')).toBe('new');
  });

  it.skipIf(process.getuid?.() !== 0)('a replaced report keeps its owner (as root)', async () => {
    const dir = await folder();
    const path = join(dir, 'report.json');
    await writeFile(path, 'old');
    await chown(path, 12345, 23456);
    await writeFilesAtomic([{ path, content: 'new' }]);
    const info = await stat(path);
    expect([info.uid, info.gid]).toEqual([12345, 23456]);
  });

  it('a symbolic link is followed: the link stays, its target gets the new report', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'real'));
    const real = join(dir, 'real', 'report.json');
    await writeFile(real, 'old');
    const link = join(dir, 'latest.json');
    await symlink('real/report.json', link);
    await writeFilesAtomic([{ path: link, content: 'new' }]);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readdir(join(dir, 'real'))).toEqual(['report.json']);
  });

  it('a dangling symbolic link: its target is created', async () => {
    const dir = await folder();
    const link = join(dir, 'latest.json');
    await symlink('report.json', link);
    await writeFilesAtomic([{ path: link, content: 'new' }]);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('new');
  });

  it('/dev/null is written directly and stays a character device', async () => {
    await writeFilesAtomic([{ path: '/dev/null', content: 'report' }]);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is written directly: the reader gets the report, the FIFO stays a FIFO', async () => {
    const dir = await folder();
    const fifo = join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = readFile(fifo, 'utf8');
    await writeFilesAtomic([{ path: fifo, content: pieces(3, 4) }]);
    expect(await reader).toBe([...pieces(3, 4)].join(''));
    expect((await stat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['report.pipe']);
  });

  it('/dev/full (a full disk): an error, and the regular file of the same run is left as it was', async () => {
    const dir = await folder();
    const other = join(dir, 'report.json');
    await writeFile(other, 'previous');
    const error = await writeFilesAtomic([{ path: other, content: 'new' }, { path: '/dev/full', content: 'x'.repeat(100_000) }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toContain('/dev/full  cannot write the report: the disk is full');
    expect(await readFile(other, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['report.json']);
    expect((await stat('/dev/full')).isCharacterDevice()).toBe(true);
  });

  it('a short write is an error, never a report cut short', async () => {
    const dir = await folder();
    const path = join(dir, 'report.json');
    await writeFile(path, 'previous');
    const short: FileSystem = {
      ...nodeFileSystem,
      open: async (p, flags, mode) => {
        const handle = await nodeFileSystem.open(p, flags, mode);
        return { ...bind(handle), write: async (b, o, l) => handle.write(b, o, Math.max(0, l - 1)) };
      },
    };
    const error = await writeFilesAtomic([{ path, content: 'the new report' }], short).catch((e: unknown) => e);
    expect((error as InputError).format()).toContain('only 13 of 14 bytes were written');
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('a block device or a folder is refused before anything is written', async () => {
    const dir = await folder();
    await expect(writeFilesAtomic([{ path: dir, content: 'x' }])).rejects.toThrow('it is a folder');
    const block = (await readdir('/dev').catch(() => [])).map((n) => `/dev/${n}`).find((p) => { try { return statSync(p).isBlockDevice(); } catch { return false; } });
    if (block) await expect(writeFilesAtomic([{ path: block, content: 'x' }])).rejects.toThrow('block device');
  });

  it('the same file twice (through a link) is refused', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'a.json'), 'old');
    await symlink('a.json', join(dir, 'b.json'));
    await expect(writeFilesAtomic([{ path: join(dir, 'a.json'), content: '1' }, { path: join(dir, 'b.json'), content: '2' }]))
      .rejects.toThrow('two --output files are the same file');
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old');
  });
});

describe('stageFiles: nothing is renamed before commit', () => {
  it('staged files stay beside the old ones until commit; abort removes them', async () => {
    const dir = await folder();
    const path = join(dir, 'report.json');
    await writeFile(path, 'previous');
    const staged = await stageFiles([{ path, content: 'new' }]);
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect((await readdir(dir)).length).toBe(2);
    await staged.abort();
    expect(await readdir(dir)).toEqual(['report.json']);
    expect(await readFile(path, 'utf8')).toBe('previous');
  });

  it('cleanUpOutputsSync (what a signal handler runs) removes staged temporary files', async () => {
    const dir = await folder();
    const path = join(dir, 'report.json');
    await writeFile(path, 'previous');
    await stageFiles([{ path, content: 'new' }, { path: join(dir, 'new.csv'), content: 'new' }]);
    cleanUpOutputsSync();
    expect(await readdir(dir)).toEqual(['report.json']);
    expect(await readFile(path, 'utf8')).toBe('previous');
  });

  it('a rename that fails after another succeeded: the first file gets its old content back', async () => {
    const dir = await folder();
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    await writeFile(a, 'old a');
    let renames = 0;
    const failing: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (from.endsWith('.tmp') && ++renames === 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return nodeFileSystem.rename(from, to);
      },
    };
    await expect(writeFilesAtomic([{ path: a, content: 'new a' }, { path: b, content: 'new b' }], failing)).rejects.toThrow('EIO');
    expect(await readFile(a, 'utf8')).toBe('old a');
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});

function bind(handle: FileHandle): FileHandle {
  return {
    write: (b, o, l) => handle.write(b, o, l), sync: () => handle.sync(), chmod: (m) => handle.chmod(m),
    chown: (u, g) => handle.chown(u, g), stat: () => handle.stat(), close: () => handle.close(),
  };
}

describe('a file system without hard links', () => {
  it('the old file is kept as a copy instead, and a failed second rename still puts it back', async () => {
    const dir = await folder();
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    await writeFile(a, 'old a');
    await writeFile(b, 'old b');
    let renames = 0;
    const noLinks: FileSystem = {
      ...nodeFileSystem,
      link: async () => { throw Object.assign(new Error('EPERM'), { code: 'EPERM' }); },
      rename: async (from, to) => {
        if (from.endsWith('.tmp') && ++renames === 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return nodeFileSystem.rename(from, to);
      },
    };
    await expect(writeFilesAtomic([{ path: a, content: 'new a' }, { path: b, content: 'new b' }], noLinks)).rejects.toThrow('EIO');
    expect([await readFile(a, 'utf8'), await readFile(b, 'utf8')]).toEqual(['old a', 'old b']);
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json']);
    await writeFilesAtomic([{ path: a, content: 'new a' }], { ...noLinks, rename: nodeFileSystem.rename });
    expect(await readFile(a, 'utf8')).toBe('new a');
    expect(await readdir(dir)).toEqual(['a.json', 'b.json']);
  });
});

describe('cleanUpOutputsSync in the middle of the renames (a signal during commit)', () => {
  it('a file already renamed gets its old content back, a new one is removed, no temporary file or backup stays', async () => {
    const dir = await folder();
    const [a, b, c] = [join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'c.csv')];
    await writeFile(a, 'old a');
    await writeFile(b, 'old b');
    let renames = 0;
    let reachedThird!: () => void;
    const third = new Promise<void>((resolve) => { reachedThird = resolve; });
    const stuck: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (from.endsWith('.tmp') && ++renames === 3) {
          reachedThird();
          return new Promise<void>(() => {}); // never returns: the signal comes first
        }
        return nodeFileSystem.rename(from, to);
      },
    };
    void writeFilesAtomic([{ path: c, content: 'new c' }, { path: a, content: 'new a' }, { path: b, content: 'new b' }], stuck);
    await third;
    expect(await readFile(a, 'utf8')).toBe('new a');
    cleanUpOutputsSync();
    expect(await readFile(a, 'utf8')).toBe('old a');
    expect(await readFile(b, 'utf8')).toBe('old b');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json']);
  });
});
