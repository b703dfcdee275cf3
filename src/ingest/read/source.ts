import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import { userFile, userFileError } from '../../user-file.js';

/** Bytes per read. 256 KiB keeps csv-parse's carry-over copies small at no measurable speed cost. */
export const CHUNK_BYTES = 256 * 1024;

/** The path that means "read standard input". */
export const STDIN_PATH = '-';

/** Raw bytes of one export: a file read in chunks (as often as needed), or stdin held in memory. */
export interface ByteSource {
  /** Name used in messages: the path as given, or `stdin`. */
  readonly file: string;
  /** Total size in bytes. */
  readonly bytes: number;
  /** Up to `n` bytes from the start. */
  head(n: number): Promise<Buffer>;
  /** Every byte, in order, in chunks of at most {@link CHUNK_BYTES}; each call starts again at byte 0. */
  chunks(): AsyncIterable<Buffer>;
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
      const parts: Buffer[] = [];
      try {
        for await (const chunk of createReadStream(path)) parts.push(chunk as Buffer);
      } catch (e) {
        throw fileError(path, e);
      }
      return Buffer.concat(parts);
    })();
    pipeBytes.set(key, bytes);
  }
  return bytes;
}

async function readStdinOnce(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if ((stdin as { isTTY?: boolean }).isTTY) {
    throw new InputError('no export on standard input', { file: 'stdin' }, 'pipe an export into the command, or pass a file path instead of "-"');
  }
  let bytes = stdinBytes.get(stdin);
  if (!bytes) {
    bytes = (async () => {
      const parts: Buffer[] = [];
      for await (const chunk of stdin) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(parts);
    })();
    stdinBytes.set(stdin, bytes);
  }
  return bytes;
}

/** The same words as for every file the user names (src/user-file.ts). */
function fileError(path: string, e: unknown): InputError {
  return userFileError(userFile(path, 'export file'), e);
}
