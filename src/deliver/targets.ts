import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { FileSystem } from './file-system.js';

/**
 * Where a report goes, once symbolic links are followed: a regular file to replace (its mode and
 * owner to keep), a new file, or a device or FIFO to write in place.
 */
export type Target =
  | { kind: 'file'; given: string; real: string; mode: number; uid: number; gid: number }
  | { kind: 'new'; given: string; real: string }
  | { kind: 'device'; given: string; real: string };

/** Longest chain of symbolic links followed, as the kernel's own limit. */
const MAX_LINKS = 40;

/** Paths whose files stand for something else (a terminal, stdout, a process's file descriptor). */
const SPECIAL_FOLDERS = ['/dev/', '/proc/'];

export async function resolveTarget(given: string, fs: FileSystem): Promise<Target> {
  let real = resolve(given);
  for (let hops = 0; ; hops++) {
    if (SPECIAL_FOLDERS.some((f) => real.startsWith(f))) return special(given, real, fs);
    const info = await fs.lstat(real).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw new InputError(`cannot write the report: ${e.code ?? e.message}`, { file: given });
    });
    if (info === undefined) return { kind: 'new', given, real };
    if (info.isSymbolicLink()) {
      if (hops >= MAX_LINKS) throw new InputError('cannot write the report: too many symbolic links', { file: given });
      real = resolve(dirname(real), await fs.readlink(real));
      continue;
    }
    if (info.isFile()) return { kind: 'file', given, real, mode: info.mode & 0o7777, uid: info.uid, gid: info.gid };
    if (info.isDirectory()) throw new InputError('cannot write the report: it is a folder', { file: given }, 'name a file, e.g. reports/latest.json');
    if (info.isCharacterDevice() || info.isFIFO()) return special(given, real, fs);
    return refused(given, info.isBlockDevice() ? 'a block device (a disk)' : 'a socket');
  }
}

async function special(given: string, real: string, fs: FileSystem): Promise<Target> {
  const info = await fs.stat(real).catch(() => undefined);
  if (info?.isBlockDevice()) return refused(given, 'a block device (a disk)');
  if (info?.isDirectory()) throw new InputError('cannot write the report: it is a folder', { file: given });
  if (info?.isSocket()) return refused(given, 'a socket');
  return { kind: 'device', given, real };
}

function refused(given: string, what: string): never {
  throw new InputError(`cannot write the report: it is ${what}`, { file: given }, 'write reports to a file, a character device such as /dev/null, or a FIFO');
}
