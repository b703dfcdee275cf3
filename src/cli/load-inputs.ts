import { loadFramework } from '../framework/file.js';
import type { Framework } from '../framework/model.js';
import { loadExports, type LoadedExports, type LoadOptions } from '../ingest/load.js';
import type { PresetId } from '../ingest/presets/index.js';
import { readMapping } from './read-mapping.js';

/** The flags every command that reads exports against a framework shares (audit, explain). */
export interface InputFlags {
  framework?: string;
  mapping?: string;
  preset?: PresetId;
  encoding?: string;
  dayFirst?: boolean;
  monthFirst?: boolean;
  history?: string[];
  maxErrors?: number;
}

/** The framework (validated first), then the exports read in its time zone. */
export async function loadInputs(files: string[], flags: InputFlags,
  onProgress?: LoadOptions['onProgress']): Promise<{ framework: Framework; loaded: LoadedExports }> {
  const framework = await loadFramework(flags.framework);
  const mapping = flags.mapping ? await readMapping(flags.mapping) : undefined;
  const loaded = await loadExports(files, {
    preset: flags.preset, mapping, timezone: framework.defaultCalendar.timezone, encoding: flags.encoding,
    dayOrder: flags.dayFirst ? 'dmy' : flags.monthFirst ? 'mdy' : undefined, onProgress,
    history: flags.history, maxErrors: flags.maxErrors,
  });
  return { framework, loaded };
}
