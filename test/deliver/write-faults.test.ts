import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem, type FileHandle, type FileSystem } from '../../src/deliver/file-system.js';
import { writeFilesAtomic } from '../../src/deliver/write-file.js';

type Fault = 'ENOSPC' | 'EIO' | 'short';

/** The real file system with one failure at the `at`-th call of open, write, sync, chmod, close, rename or link (none when the run makes fewer calls). */
function faulty(at: number, fault: Fault): { fs: FileSystem; calls: () => number } {
  let n = 0;
  const hit = () => n++ === at;
  const error = () => Object.assign(new Error(`injected ${fault}`), { code: fault === 'short' ? 'ENOSPC' : fault });
  const wrap = (handle: FileHandle): FileHandle => ({
    write: async (b, o, l) => {
      if (hit()) {
        if (fault !== 'short') throw error();
        return handle.write(b, o, Math.floor(l / 2));
      }
      return handle.write(b, o, l);
    },
    sync: async () => { if (hit()) throw error(); return handle.sync(); },
    chmod: async (m) => { if (hit()) throw error(); return handle.chmod(m); },
    chown: (u, g) => handle.chown(u, g),
    stat: () => handle.stat(),
    close: async () => {
      await handle.close();
      if (hit()) throw error();
    },
  });
  const fs: FileSystem = {
    ...nodeFileSystem,
    open: async (p, flags, mode) => {
      if (hit()) throw error();
      return wrap(await nodeFileSystem.open(p, flags, mode));
    },
    rename: async (from, to) => { if (hit()) throw error(); return nodeFileSystem.rename(from, to); },
    link: async (a, b) => { if (hit()) throw error(); return nodeFileSystem.link(a, b); },
  };
  return { fs, calls: () => n };
}

const file = fc.record({
  old: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
  pieces: fc.array(fc.string({ maxLength: 3000 }), { maxLength: 5 }),
  whole: fc.boolean(),
});

describe('the output transaction under injected faults (fast-check)', () => {
  it('one failure at any write, fsync, chmod, close, open, link or rename: all files new, or all old, and no temporary file', async () => {
    await fc.assert(fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), fc.nat({ max: 40 }),
      fc.constantFrom<Fault>('ENOSPC', 'EIO', 'short'), async (files, at, fault) => {
        const dir = mkdtempSync(join(tmpdir(), 'ea-faults-'));
        try {
          const paths = files.map((_, i) => join(dir, `report-${i}.out`));
          files.forEach((f, i) => { if (f.old !== undefined) writeFileSync(paths[i]!, f.old); });
          const before = readdirSync(dir).sort();
          const { fs } = faulty(at, fault);
          const ok = await writeFilesAtomic(files.map((f, i) => ({ path: paths[i]!, content: f.whole ? f.pieces.join('') : f.pieces })), fs)
            .then(() => true, () => false);
          const now = paths.map((p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } });
          if (ok) {
            expect(now).toEqual(files.map((f) => f.pieces.join('')));
            expect(readdirSync(dir).sort()).toEqual(paths.map((p) => p.slice(dir.length + 1)).sort());
          } else {
            expect(now).toEqual(files.map((f) => f.old));
            expect(readdirSync(dir).sort()).toEqual(before);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }), { numRuns: 300 });
  });

  it('the faults do reach every kind of call (the property is not vacuous)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-faults-'));
    writeFileSync(join(dir, 'a'), 'old');
    const { fs, calls } = faulty(-1, 'EIO');
    await writeFilesAtomic([{ path: join(dir, 'a'), content: ['x', 'y'] }, { path: join(dir, 'b'), content: 'z' }], fs);
    // open, write, chmod, sync, close for a; open, write, sync, close for b; link a; rename a, b; open, sync, close of the folder
    expect(calls()).toBeGreaterThanOrEqual(14);
    rmSync(dir, { recursive: true, force: true });
  });
});
