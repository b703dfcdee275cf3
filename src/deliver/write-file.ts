import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes next to the target, then renames: a failed run never leaves a half-written report and never
 * truncates the previous one.
 */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

/** A file's bytes: whole, or in pieces (a large report never held as one string). */
export type FileContent = string | Uint8Array | Iterable<string>;

/**
 * Several reports at once: every file is written to a temporary file first, and only when all of
 * them are written are they renamed into place, so a failure to write (a missing folder, a full
 * disk) leaves every target as it was. Renames in the target's own folder are what is left to fail.
 */
export async function writeFilesAtomic(files: { path: string; content: FileContent }[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const { path, content } of files) {
      const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ tmp, path });
      if (typeof content === 'string' || content instanceof Uint8Array) {
        await writeFile(tmp, content).catch((e: unknown) => { throw writeError(path, e); });
      } else {
        await writePieces(tmp, path, content);
      }
    }
    for (const { tmp, path } of staged) await rename(tmp, path).catch((e: unknown) => { throw writeError(path, e); });
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
    throw e;
  }
}

/** Pieces gathered into writes of about a megabyte. A piece that throws is not a write error: it goes up as it is. */
async function writePieces(tmp: string, path: string, pieces: Iterable<string>): Promise<void> {
  const file = await open(tmp, 'w').catch((e: unknown) => { throw writeError(path, e); });
  try {
    let pending = '';
    const flush = async () => {
      await file.write(pending).catch((e: unknown) => { throw writeError(path, e); });
      pending = '';
    };
    for (const piece of pieces) {
      pending += piece;
      if (pending.length >= FLUSH_CHARS) await flush();
    }
    if (pending.length > 0) await flush();
  } finally {
    await file.close();
  }
}

const FLUSH_CHARS = 1 << 20;

function writeError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder' : code === 'ENOSPC' ? 'the disk is full' : (code ?? (e as Error).message);
  return new InputError(`cannot write the report: ${why}`, { file: path }, 'no report was written; check the --output path');
}
