import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { STDIN_PATH } from '../ingest/read/index.js';

/** A file the run reads, and what it is to the run (for the message). */
import type { RunInput } from '../pipeline/inputs.js';

export type { RunInput };

/**
 * An `--output` that is one of the run's inputs (the same file by device and inode: through a link,
 * a hard link or another spelling of the path) would be overwritten by the report: refused before the
 * exports are read.
 */
export async function refuseInputsAsOutputs(outputs: readonly string[], inputs: readonly RunInput[]): Promise<void> {
  const ids = new Map<string, RunInput>();
  for (const input of inputs) {
    if (input.file === STDIN_PATH) continue;
    const id = await fileId(input.file);
    if (id !== undefined && !ids.has(id)) ids.set(id, input);
  }
  for (const output of outputs) {
    const id = await fileId(output);
    const input = id === undefined ? undefined : ids.get(id);
    if (input) {
      throw new InputError(`--output is an input of this run (the ${input.what} ${input.file}): the report would overwrite it`,
        { file: output }, 'write the report to another file; inputs are never changed');
    }
  }
}

/** Device and inode of a regular file (links followed); devices and FIFOs are written in place, never replaced. */
async function fileId(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? `${info.dev}:${info.ino}` : undefined;
}
