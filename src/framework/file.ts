import { fileURLToPath } from 'node:url';
import { compileFramework } from './compile.js';
import { readFrameworkLayers } from './extends.js';
import { validateLayers, type LoadedFrameworkDocument } from './load.js';
import type { Framework } from './model.js';
import type { RuleKinds } from './rule-kind.js';

/** The framework shipped with the tool, used when --framework is not given. */
export const DEFAULT_FRAMEWORK_PATH = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));
export const DEFAULT_FRAMEWORK_LABEL = '(built-in) rules/default.yaml';

/** Reads, validates (both passes) and compiles a framework file, with the files it extends; the default one when no path is given. */
export async function loadFramework(path: string | undefined, kinds: RuleKinds): Promise<Framework> {
  const loaded = await loadFrameworkDocument(path);
  return compileFramework(loaded, loaded.file, kinds);
}

/** Reads a framework file and the files it extends, merges them and runs the structural pass. */
export async function loadFrameworkDocument(path?: string): Promise<LoadedFrameworkDocument> {
  const layers = await readFrameworkLayers(path ?? DEFAULT_FRAMEWORK_PATH, path ?? DEFAULT_FRAMEWORK_LABEL);
  return validateLayers(layers);
}
