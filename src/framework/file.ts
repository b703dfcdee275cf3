import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { compileFramework } from './compile.js';
import { parseFrameworkDocument } from './load.js';
import type { Framework } from './model.js';

/** The framework shipped with the tool, used when --framework is not given. */
export const DEFAULT_FRAMEWORK_PATH = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));
export const DEFAULT_FRAMEWORK_LABEL = '(built-in) rules/default.yaml';

/** Reads, validates (both passes) and compiles a framework file; the default one when no path is given. */
export async function loadFramework(path?: string): Promise<Framework> {
  const file = path ?? DEFAULT_FRAMEWORK_PATH;
  const label = path ?? DEFAULT_FRAMEWORK_LABEL;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the framework file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: label });
  }
  const loaded = parseFrameworkDocument(text, label);
  return compileFramework(loaded, label);
}
