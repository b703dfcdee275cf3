import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a non-TTY with NO_COLOR, capturing its output. */
export async function cli(...argv: string[]): Promise<CliResult> {
  return cliWithEnv({}, ...argv);
}

/** {@link cli} with more environment variables (SMTP_URL, ...) besides NO_COLOR. */
export async function cliWithEnv(env: Record<string, string>, ...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: undefined,
    env: { NO_COLOR: '1', ...env },
    cwd: process.cwd(),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export const EXAMPLE = ['fixtures/example/tickets.csv', 'fixtures/example/ticket-history.csv'];
export const CLEAN = ['fixtures/cli/clean-tickets.csv', 'fixtures/cli/clean-history.csv'];
