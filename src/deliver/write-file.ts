import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { nodeFileSystem, type FileHandle, type FileSystem } from './file-system.js';
import { resolveTarget, type Target } from './targets.js';

export type { FileSystem } from './file-system.js';

/** A file's bytes: whole, or in pieces (a large report never held as one string). */
export type FileContent = string | Uint8Array | Iterable<string>;

export interface OutputFile { path: string; content: FileContent }

/** Outputs written to temporary files beside their targets, waiting to be renamed into place. */
export interface StagedOutputs {
  /** Renames every file into place; when one fails, the ones already renamed get their old content back. */
  commit(): Promise<void>;
  /** Removes the temporary files; every target stays as it was. */
  abort(): Promise<void>;
}

/** One file to replace: the temporary file written beside it and, while renaming, a hard link to the old one. */
interface Entry {
  target: Target & { kind: 'file' | 'new' };
  path: string;
  tmp: string;
  backup: string | undefined;
  /** `renaming`: the rename was started, so a signal handler must find out whether it happened. */
  state: 'staged' | 'renaming' | 'renamed';
}

/** Transactions still open, for {@link cleanUpOutputsSync} (signal handlers). */
const openTransactions = new Set<Entry[]>();

/** Writes next to the target, then renames: see {@link stageFiles}. */
export async function writeFileAtomic(path: string, content: FileContent, fs: FileSystem = nodeFileSystem): Promise<void> {
  await writeFilesAtomic([{ path, content }], fs);
}

/** Several files all or none: {@link stageFiles}, then commit. */
export async function writeFilesAtomic(files: OutputFile[], fs: FileSystem = nodeFileSystem): Promise<void> {
  await (await stageFiles(files, fs)).commit();
}

/**
 * Writes every file to a temporary file beside its target (a symbolic link is followed: its target is
 * replaced), checked byte for byte and flushed to disk, with the old file's mode and owner. Devices and
 * FIFOs (`/dev/null`, a named pipe) are written directly instead, after every temporary file is complete.
 * Nothing is renamed yet: a failure here leaves every regular target as it was and no temporary file.
 */
export async function stageFiles(files: OutputFile[], fs: FileSystem = nodeFileSystem): Promise<StagedOutputs> {
  const targets: Target[] = [];
  for (const f of files) targets.push(await resolveTarget(f.path, fs));
  const twice = targets.find((t, i) => t.kind !== 'device' && targets.findIndex((u) => u.real === t.real) !== i);
  if (twice) throw new InputError('two --output files are the same file', { file: twice.given }, 'give each report a file of its own');
  const entries: Entry[] = [];
  openTransactions.add(entries);
  try {
    for (const [i, target] of targets.entries()) {
      if (target.kind === 'device') continue;
      const tmp = join(dirname(target.real), `.${basename(target.real)}.${randomBytes(6).toString('hex')}.tmp`);
      const entry: Entry = { target: target as Entry['target'], path: target.real, tmp, backup: undefined, state: 'staged' };
      entries.push(entry);
      await writeTemp(entry, files[i]!.content, fs);
    }
    for (const [i, target] of targets.entries()) {
      if (target.kind === 'device') await writeDirect(target, files[i]!.content, fs);
    }
  } catch (e) {
    await removeAll(entries, fs);
    openTransactions.delete(entries);
    throw e;
  }
  return {
    commit: () => commit(entries, fs),
    abort: async () => {
      await removeAll(entries, fs);
      openTransactions.delete(entries);
    },
  };
}

async function writeTemp(entry: Entry, content: FileContent, fs: FileSystem): Promise<void> {
  const { target } = entry;
  const handle = await fs.open(entry.tmp, 'wx', 0o666).catch((e: unknown) => { throw writeError(target.given, e); });
  await fill(handle, target.given, content, async () => {
    if (target.kind === 'file') {
      await handle.chmod(target.mode).catch((e: unknown) => { throw writeError(target.given, e); });
      const own = await handle.stat();
      if (own.uid !== target.uid || own.gid !== target.gid) {
        await handle.chown(target.uid, target.gid).catch(() => {
          throw new InputError(`cannot keep the owner of the report (uid ${target.uid}, gid ${target.gid})`, { file: target.given },
            'run as the file\'s owner (or root), or remove the old file first');
        });
      }
    }
    await handle.sync().catch((e: unknown) => { throw writeError(target.given, e); });
  });
}

/** A device or FIFO: opened for writing and written in place (there is nothing to rename onto it). */
async function writeDirect(target: Target, content: FileContent, fs: FileSystem): Promise<void> {
  const handle = await fs.open(target.real, 'w', 0o666).catch((e: unknown) => { throw writeError(target.given, e); });
  await fill(handle, target.given, content, async () => {});
}

/** Writes the content, runs `finish`, closes; every write must take every byte, and close must succeed. */
async function fill(handle: FileHandle, shown: string, content: FileContent, finish: () => Promise<void>): Promise<void> {
  let failure: unknown;
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await writeAll(handle, shown, typeof content === 'string' ? Buffer.from(content) : content);
    } else {
      let pending = '';
      for (const piece of content) {
        pending += piece;
        if (pending.length >= FLUSH_CHARS) {
          await writeAll(handle, shown, Buffer.from(pending));
          pending = '';
        }
      }
      if (pending.length > 0) await writeAll(handle, shown, Buffer.from(pending));
    }
    await finish();
  } catch (e) {
    failure = e;
  }
  try {
    await handle.close();
  } catch (e) {
    failure ??= writeError(shown, e);
  }
  if (failure !== undefined) throw failure;
}

const FLUSH_CHARS = 1 << 20;

async function writeAll(handle: FileHandle, shown: string, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) return;
  const { bytesWritten } = await handle.write(bytes, 0, bytes.length).catch((e: unknown) => { throw writeError(shown, e); });
  // A short write is how a full disk shows itself before ENOSPC: never a report cut short.
  if (bytesWritten !== bytes.length) {
    throw new InputError(`cannot write the report: only ${bytesWritten} of ${bytes.length} bytes were written (is the disk full?)`,
      { file: shown }, NO_REPORT_HINT);
  }
}

/**
 * Renames in the order given. The old file is first kept as a hard link, so when a later rename
 * fails, the earlier ones are undone by renaming the links back (atomic too).
 */
async function commit(entries: Entry[], fs: FileSystem): Promise<void> {
  try {
    for (const entry of entries) {
      if (entry.target.kind === 'file') {
        const backup = `${entry.tmp.slice(0, -'.tmp'.length)}.bak`;
        // A copy where the file system has no hard links (FAT, some network shares).
        await fs.link(entry.path, backup).catch(() => fs.copyFile(entry.path, backup))
          .catch((e: unknown) => { throw writeError(entry.target.given, e); });
        entry.backup = backup;
      }
    }
    for (const entry of entries) {
      entry.state = 'renaming';
      await fs.rename(entry.tmp, entry.path).catch((e: unknown) => { throw writeError(entry.target.given, e); });
      entry.state = 'renamed';
    }
  } catch (e) {
    const kept = await restore(entries, fs);
    openTransactions.delete(entries);
    if (kept.length > 0) {
      throw new InputError(`${(e as Error).message}; and the old report could not be put back: it is kept as ${kept.join(', ')}`,
        { file: (e as InputError).position?.file ?? entries[0]!.target.given });
    }
    throw e;
  }
  openTransactions.delete(entries);
  for (const entry of entries) if (entry.backup) await fs.unlink(entry.backup).catch(() => {});
  for (const dir of new Set(entries.map((x) => dirname(x.path)))) await syncFolder(dir, fs);
}

/** Puts back what was renamed and removes temporary files and links; returns the backups it could not put back. */
async function restore(entries: Entry[], fs: FileSystem): Promise<string[]> {
  const kept: string[] = [];
  for (const entry of entries) {
    if (entry.state === 'renaming') entry.state = (await exists(entry.tmp, fs)) ? 'staged' : 'renamed';
    if (entry.state === 'renamed') {
      const back = entry.backup ? fs.rename(entry.backup, entry.path) : fs.unlink(entry.path);
      if (await back.then(() => true, () => false)) entry.backup = undefined;
      else if (entry.backup) kept.push(entry.backup);
    }
  }
  await removeAll(entries.map((x) => ({ ...x, backup: kept.includes(x.backup ?? '') ? undefined : x.backup })), fs);
  return kept;
}

async function removeAll(entries: Pick<Entry, 'tmp' | 'backup' | 'state'>[], fs: FileSystem): Promise<void> {
  for (const entry of entries) {
    if (entry.state !== 'renamed') await fs.unlink(entry.tmp).catch(() => {});
    if (entry.backup) await fs.unlink(entry.backup).catch(() => {});
  }
}

const exists = (path: string, fs: FileSystem) => fs.stat(path).then(() => true, () => false);

/** The renames are on disk only once the folder is: a crash right after the run keeps the new reports. */
async function syncFolder(dir: string, fs: FileSystem): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r', 0);
    await handle.sync().catch(() => {});
    await handle.close().catch(() => {});
  } catch {
    // Some file systems cannot open or flush a folder; the renames are done all the same.
  }
}

/**
 * For signal handlers: undoes every open transaction at once, synchronously: renamed files get their
 * old content back, temporary files and links are removed. The process is about to exit.
 */
export function cleanUpOutputsSync(): void {
  for (const entries of openTransactions) {
    for (const entry of entries) {
      let renamed = entry.state === 'renamed';
      if (!renamed) {
        try {
          unlinkSync(entry.tmp);
        } catch (e) {
          // Gone: a rename that was under way has happened.
          renamed = entry.state === 'renaming' && (e as NodeJS.ErrnoException).code === 'ENOENT';
        }
      }
      try {
        if (renamed && entry.backup) renameSync(entry.backup, entry.path);
        else if (renamed) unlinkSync(entry.path);
        else if (entry.backup) unlinkSync(entry.backup);
      } catch {
        // Nothing more can be done on the way out.
      }
    }
  }
  openTransactions.clear();
}

const NO_REPORT_HINT = 'no report was written and old reports are unchanged; check the --output path and free space';

export function writeError(path: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  return new InputError(`cannot write the report: ${whyNotWritten(e)}`, { file: path }, 'no report was written; check the --output path');
}

/** Why a file could not be written, in words ("the folder does not exist", "the disk is full"). */
export function whyNotWritten(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder' : code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is exceeded'
      : (code ?? (e as Error).message);
}
