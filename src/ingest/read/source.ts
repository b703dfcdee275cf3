import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import { userFile, userFileError } from '../../user-file.js';
import { detectEncoding } from './encoding.js';
import { assertLooksLikeText } from './text-check.js';

/** Bytes per read. 256 KiB keeps csv-parse's carry-over copies small at no measurable speed cost. */
export const CHUNK_BYTES = 256 * 1024;

/** The path that means "read standard input". */
export const STDIN_PATH = '-';

/** Largest export file (read in a stream): far above a real export, below what the tickets of it would need in memory. */
export const MAX_EXPORT_BYTES = 4 * 1024 * 1024 * 1024;

/** Largest export read from stdin, a pipe or a device: those are held in memory whole. */
export const MAX_STREAM_BYTES = 1024 * 1024 * 1024;

const GIB = 1024 * 1024 * 1024;
const gib = (bytes: number) => (bytes < GIB ? `${Math.round(bytes / 1024 / 1024)} MB` : `${(bytes / GIB).toFixed(bytes % GIB === 0 ? 0 : 1)} GB`);

function tooLarge(file: string, bytes: number | undefined, limit: number, streamed: boolean): InputError {
  return new InputError(`export is too large: ${bytes === undefined ? `more than ${gib(limit)}` : gib(bytes)} (the limit is ${gib(limit)}${streamed ? ' for stdin, a pipe or a device' : ''})`,
    { file }, streamed ? 'pass the export as a file, or check that this is the right input' : 'split the export by period, or check that this is the right file');
}

/** Raw bytes of one export: a file read in chunks (as often as needed), or stdin held in memory. */
export interface ByteSource {
  /** Name used in messages: the path as given, or `stdin`. */
  readonly file: string;
  readonly bytes: number;
  /** Up to `n` bytes from the start. */
  head(n: number): Promise<Buffer>;
  /** Every byte, in order, in chunks of at most {@link CHUNK_BYTES}; each call starts again at byte 0. */
  chunks(): AsyncIterable<Buffer>;
  /** All the bytes, when they are in memory (stdin, a pipe): what a file's reader would read from disk. */
  readonly data?: Buffer;
}

/** Stdin as read so far, per stream: read once and kept, so it can be sniffed and then read. */
const stdinBytes = new WeakMap<NodeJS.ReadableStream, Promise<Buffer>>();

/** Opens `path`, or `stdin` (default process.stdin, only touched for `-`) for `-`. */
export async function openByteSource(path: string, stdin?: NodeJS.ReadableStream): Promise<ByteSource> {
  return path === STDIN_PATH ? memorySource('stdin', await readStdinOnce(stdin ?? process.stdin)) : fileSource(path);
}

/** A source over bytes already in memory (stdin, tests). */
export function memorySource(file: string, data: Buffer): ByteSource {
  return {
    file,
    bytes: data.length,
    data,
    head: async (n) => data.subarray(0, n),
    chunks: async function* () {
      for (let at = 0; at < data.length; at += CHUNK_BYTES) yield data.subarray(at, at + CHUNK_BYTES);
    },
  };
}

async function fileSource(path: string): Promise<ByteSource> {
  const stats = await stat(path).catch((e: unknown) => {
    throw fileError(path, e);
  });
  if (stats.isDirectory()) {
    throw new InputError('is a directory, not an export file', { file: path }, 'pass the path of a .csv or .json export');
  }
  // A pipe (`<(cat x.csv)` is /dev/fd/63), FIFO or device has no size and can be read only once: read
  // it whole like stdin, once per pipe, however often it is sniffed and read.
  if (!stats.isFile()) return memorySource(path, await readPipeOnce(path, `${stats.dev}:${stats.ino}`));
  if (stats.size > MAX_EXPORT_BYTES) throw tooLarge(path, stats.size, MAX_EXPORT_BYTES, false);
  return {
    file: path,
    bytes: stats.size,
    head: async (n) => {
      const handle = await open(path, 'r').catch((e: unknown) => {
        throw fileError(path, e);
      });
      try {
        const buffer = Buffer.alloc(Math.min(n, stats.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    chunks: async function* () {
      const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
      try {
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (e) {
        throw fileError(path, e);
      } finally {
        stream.destroy();
      }
    },
  };
}

const pipeBytes = new Map<string, Promise<Buffer>>();

function readPipeOnce(path: string, key: string): Promise<Buffer> {
  let bytes = pipeBytes.get(key);
  if (!bytes) {
    bytes = (async () => {
      const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
      try {
        return await collect(stream, path);
      } catch (e) {
        throw e instanceof InputError ? e : fileError(path, e);
      } finally {
        stream.destroy();
      }
    })();
    pipeBytes.set(key, bytes);
  }
  return bytes;
}

/**
 * A stream read whole into memory, up to `limit` bytes. Its first 64 KiB are checked to look like
 * text before the rest is read, so `/dev/zero` or a binary pipe stops at once.
 */
export async function collect(stream: AsyncIterable<Buffer | string>, file: string, limit = MAX_STREAM_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  let checked = false;
  for await (const chunk of stream) {
    const part = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    parts.push(part);
    total += part.length;
    if (total > limit) throw tooLarge(file, undefined, limit, true);
    if (!checked && total >= HEAD_CHECK_BYTES) {
      const head = parts.length === 1 ? part : Buffer.concat(parts);
      assertLooksLikeText(head, detectEncoding(head, true), file);
      checked = true;
    }
  }
  return Buffer.concat(parts);
}

const HEAD_CHECK_BYTES = 64 * 1024;

async function readStdinOnce(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if ((stdin as { isTTY?: boolean }).isTTY) {
    throw new InputError('no export on standard input', { file: 'stdin' }, 'pipe an export into the command, or pass a file path instead of "-"');
  }
  let bytes = stdinBytes.get(stdin);
  if (!bytes) {
    bytes = collect(stdin as AsyncIterable<Buffer | string>, 'stdin');
    stdinBytes.set(stdin, bytes);
  }
  return bytes;
}

/** The same words as for every file the user names (src/user-file.ts). */
function fileError(path: string, e: unknown): InputError {
  return userFileError(userFile(path, 'export file'), e);
}
