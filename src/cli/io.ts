import { processStdout } from './stdout.js';

/** Everything the CLI touches outside itself, injectable so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
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
    flushStdout: () => stdout.flush(),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Color only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
