import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, type CliResult } from '../support/cli.js';

export interface GuardedResult extends CliResult {
  /** Input files whose bytes changed during the run (must stay empty). */
  changedInputs: string[];
  /** The run with `--output` to a file that did not exist: its result and whether the file appeared. */
  freshOutput: { code: number; created: boolean; strayFiles: string[] };
  /** The run with `--output` over an existing file: its result and whether the old content survived. */
  existingOutput: { code: number; unchanged: boolean; strayFiles: string[] };
}

const PREVIOUS = 'previous report\n';

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Runs `escalation-audit audit ...args` three times: to stdout, with `--output` to a new file and with
 * `--output` over an existing one, and records what each did to the inputs and the output folder.
 */
export async function guardedAudit(args: string[], inputs: string[]): Promise<GuardedResult> {
  const before = inputs.map(sha256);
  const result = await cli('audit', ...args);

  const freshDir = mkdtempSync(join(tmpdir(), 'ea-hostile-'));
  const fresh = join(freshDir, 'report.out');
  const freshRun = await cli('audit', ...args, '--output', fresh);

  const existingDir = mkdtempSync(join(tmpdir(), 'ea-hostile-'));
  const existing = join(existingDir, 'report.out');
  writeFileSync(existing, PREVIOUS);
  const existingRun = await cli('audit', ...args, '--output', existing);

  const changedInputs = inputs.filter((file, i) => sha256(file) !== before[i]);
  const guarded: GuardedResult = {
    ...result,
    changedInputs,
    freshOutput: {
      code: freshRun.code, created: existsSync(fresh),
      strayFiles: readdirSync(freshDir).filter((f) => f !== 'report.out'),
    },
    existingOutput: {
      code: existingRun.code, unchanged: readFileSync(existing, 'utf8') === PREVIOUS,
      strayFiles: readdirSync(existingDir).filter((f) => f !== 'report.out'),
    },
  };
  for (const dir of [freshDir, existingDir]) rmSync(dir, { recursive: true, force: true });
  return guarded;
}
