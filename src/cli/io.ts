import { processStdout } from './stdout.js';

/** Everything the CLI touches outside itself, injectable so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  /** Bytes of a binary report (a workbook) to stdout; only ever called when stdout is not a terminal. */
  stdoutBytes?(bytes: Uint8Array): void;
  /**
   * Resolves once everything written to stdout is out, or the reader closed the pipe (`| head`);
   * rejects with a StdoutError when it could not be written. Optional: absent means nothing to wait for.
   */
  flushStdout?(): Promise<void>;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /** Progress bars only ever go to a terminal. Optional: absent means not a terminal. */
  stderrIsTTY?: boolean;
  columns: number | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): CliIo {
  const stdout = processStdout();
  // A closed stderr leaves nowhere to say anything; it must not crash the run either.
  process.stderr.on('error', () => {});
  return {
    stdout: (t) => stdout.write(t),
    stdoutBytes: (b) => stdout.write(b),
    flushStdout: () => stdout.flush(),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Columns a table fits when nothing says otherwise: not a terminal, no --width, no COLUMNS. */
export const DEFAULT_WIDTH = 100;

/** COLUMNS as a number of columns, or undefined when unset; `invalid` when it is set to something else. */
export function columnsFromEnv(env: CliIo['env']): number | 'invalid' | undefined {
  const text = env.COLUMNS?.trim();
  if (text === undefined || text === '') return undefined;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : 'invalid';
}

/**
 * How a table is laid out: `--width`, else (for stdout) COLUMNS, else the terminal's width, else 100
 * columns. Long text is cut with an ellipsis only on a terminal; in a file or a pipe it wraps, so
 * nothing of a message is lost.
 */
export function tableLayout(io: CliIo, flag: number | undefined, toStdout: boolean): { width: number; wrap: boolean } {
  const onTerminal = toStdout && io.stdoutIsTTY;
  const env = toStdout ? columnsFromEnv(io.env) : undefined;
  const width = flag ?? (typeof env === 'number' ? env : onTerminal ? Math.max(60, io.columns ?? DEFAULT_WIDTH) : DEFAULT_WIDTH);
  return { width, wrap: !onTerminal };
}

/** One warning line when COLUMNS is set to something that is not a width (it is then not used). */
export function warnOnColumns(io: CliIo): void {
  if (columnsFromEnv(io.env) === 'invalid') {
    io.stderr(`escalation-audit: warning: COLUMNS=${JSON.stringify(io.env.COLUMNS)} is not a number of columns; it is not used\n`);
  }
}

/** Color only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
