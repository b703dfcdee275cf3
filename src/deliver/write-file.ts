import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes next to the target, then renames: a failed run never leaves a half-written report and never
 * truncates the previous one.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

/**
 * Several reports at once: every file is written to a temporary file first, and only when all of
 * them are written are they renamed into place, so a failure to write (a missing folder, a full
 * disk) leaves every target as it was. Renames in the target's own folder are what is left to fail.
 */
export async function writeFilesAtomic(files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const { path, content } of files) {
      const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ tmp, path });
      await writeFile(tmp, content).catch((e: unknown) => { throw writeError(path, e); });
    }
    for (const { tmp, path } of staged) await rename(tmp, path).catch((e: unknown) => { throw writeError(path, e); });
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
    throw e;
  }
}

function writeError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder' : code === 'ENOSPC' ? 'the disk is full' : (code ?? (e as Error).message);
  return new InputError(`cannot write the report: ${why}`, { file: path }, 'no report was written; check the --output path');
}
