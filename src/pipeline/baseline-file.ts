import { lstat, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_BASELINE_BYTES, parseBaseline, type Baseline, type FirstAudit } from '../prepare/baseline.js';
import { InputError } from '../errors.js';
import { readUserText, resolvedPath, userFile } from '../user-file.js';

const exists = (path: string) => lstat(path).then(() => true, () => false);
const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);

/**
 * Reads an earlier `--format json` report. No file there yet, in a folder that exists, is the first
 * audit of a series (a nightly job's first night). Anything else that cannot be read (a missing
 * folder, a directory, no permission, not a report) is an InputError.
 */
export async function readBaselineFile(given: string): Promise<Baseline | FirstAudit> {
  const file = userFile(given, 'baseline report');
  const path = resolvedPath(file);
  if (!(await exists(path)) && (await isFolder(dirname(path)))) return { file: given, firstAudit: true };
  const text = await readUserText(file, { maxBytes: MAX_BASELINE_BYTES, tooLarge: (bytes) => new InputError(
    `the baseline report is too large: ${Math.round(bytes / 1024 / 1024)} MB or more (the limit is ${MAX_BASELINE_BYTES / 1024 / 1024} MB)`,
    { file: given }, 'pass a report written by an earlier run with --format json') });
  return parseBaseline(text, given);
}
