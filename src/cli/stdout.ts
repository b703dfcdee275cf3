import { fstatSync, readFileSync, readlinkSync, writeSync } from 'node:fs';

/** The report could not be written to stdout (a full disk, a closed stdout): exit 2, one line. */
export class StdoutError extends Error {
  readonly code: string | undefined;

  constructor(code: string | undefined, reason: string) {
    super(`cannot write to stdout: ${reason}`);
    this.name = 'StdoutError';
    this.code = code;
  }
}

/** Where stdout goes, written so that no error is lost and a closed pipe is no error. */
export interface StdoutSink {
  write(text: string | Uint8Array): void;
  /** Resolves once everything is out, or the reader closed the pipe (`| head`); rejects with a StdoutError otherwise. */
  flush(): Promise<void>;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device (ENOSPC)',
  EFBIG: 'the file is too large (EFBIG)',
  EDQUOT: 'disk quota exceeded (EDQUOT)',
  EIO: 'input/output error (EIO)',
  EBADF: 'stdout is closed (EBADF)',
};

const errorOf = (e: unknown): StdoutError => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new StdoutError(code, (code && REASONS[code]) ?? (code ?? String(e)));
};

/**
 * Node reopens a closed stdout (`>&-`) on /dev/null, read-write, before any code runs; a shell's
 * `>/dev/null` opens it write-only. So on Linux a read-write /dev/null at fd 1 means "closed".
 */
export function isClosedAtStart(fd: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`) !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 0o3) === 0o2;
  } catch {
    return false;
  }
}

/**
 * Stdout of this process. A file or device is written synchronously to the last byte (Node's own
 * stream stops after a short write, silently); a pipe or terminal goes through the stream, whose
 * errors arrive later. EPIPE (the reader is gone) drops the rest quietly; any other error is kept
 * for {@link StdoutSink.flush}, and nothing more is written.
 */
export function processStdout(stream: NodeJS.WriteStream = process.stdout, fd = 1): StdoutSink {
  let failure: StdoutError | undefined;
  let gone = false;
  let pending = 0;
  const drained: (() => void)[] = [];
  const record = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EPIPE') gone = true;
    // Writes queued before the EPIPE arrived fail on the stream it destroyed: the same closed pipe.
    else if (!(code === 'ERR_STREAM_DESTROYED' && gone)) failure ??= errorOf(e);
  };
  stream.on('error', record);
  let direct: boolean | undefined;
  const isDirect = () => {
    if (direct === undefined) {
      if (isClosedAtStart(fd)) failure ??= new StdoutError('EBADF', 'stdout is closed (>&-)');
      const stats = (() => { try { return fstatSync(fd); } catch { return undefined; } })();
      direct = stats !== undefined && !stream.isTTY && (stats.isFile() || stats.isCharacterDevice());
    }
    return direct;
  };
  const done = () => {
    pending--;
    if (pending === 0) drained.splice(0).forEach((resolve) => resolve());
  };
  return {
    write(text) {
      const useDirect = isDirect();
      if (failure || gone) return;
      if (useDirect) {
        try {
          writeAll(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength));
        } catch (e) {
          record(e);
        }
        return;
      }
      pending++;
      let settled = false;
      const settle = (e?: Error | null) => {
        if (settled) return;
        settled = true;
        if (e) record(e);
        done();
      };
      try {
        stream.write(text, settle);
      } catch (e) {
        settle(e as Error);
      }
    },
    async flush() {
      if (pending > 0) await new Promise<void>((resolve) => drained.push(resolve));
      if (failure) throw failure;
    },
  };
}

function writeAll(fd: number, bytes: Buffer): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}
