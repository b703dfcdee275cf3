import { loadFrameworkDocument } from '../framework/file.js';
import type { Framework } from '../framework/model.js';
import type { DayOrder } from '../ingest/dates.js';
import { loadExports, type LoadedExports, type LoadOptions } from '../ingest/load.js';
import { readMapping } from '../ingest/mapping-file.js';
import type { Mapping } from '../ingest/mapping.js';
import type { PresetId } from '../ingest/presets/index.js';
import { lookupFile } from '../ingest/lookups.js';
import { resolvedPath } from '../user-file.js';
import { compileFramework } from './framework.js';

/** How to read exports against a framework: what `audit`, `explain` and `inspect` share. */
export interface InputOptions {
  /** A framework file's path (with the files it `extends`), or a framework from `loadFramework`. Default: the built-in rules/default.yaml. */
  framework?: string | Framework;
  /** For exports no preset knows: a mapping file's path, or a mapping from `parseMapping`. */
  mapping?: string | Mapping;
  /** Read every export with this preset instead of detecting one. */
  preset?: PresetId;
  /** Change histories of the same tickets, read as history whatever their header looks like. */
  history?: string[];
  /** Read the exports in this encoding instead of detecting it. */
  encoding?: string;
  /** Settles dates like 3/4/2026 when the data does not: 'dmy' or 'mdy'. */
  dayOrder?: DayOrder;
  /** Bad rows to skip and count before stopping (default 0: stop at the first). */
  maxErrors?: number;
  /** Zone of timestamps without an offset (a mapping's `dates.timezone` wins). Default: the framework's default calendar's. */
  timezone?: string;
  /** Progress of each file's read. */
  onProgress?: LoadOptions['onProgress'];
  /** Where the path `-` reads from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /**
   * Called with every file the run reads (exports, the framework and the files it extends, the mapping
   * and its lookups) once the framework and mapping are read, before any export is: the CLI refuses an
   * output that is one of them here.
   */
  beforeExports?: (inputs: RunInput[]) => Promise<void>;
}

/** A file the run reads, and what it is ("export", "framework", "lookup table"...). */
export interface RunInput { file: string; what: string }

/** The framework (validated first, so its mistakes cost no reading), the mapping, then the exports in the framework's time zone. */
export async function readInputs(files: string[], options: InputOptions): Promise<{ framework: Framework; loaded: LoadedExports }> {
  let frameworkFiles: string[] = [];
  let framework: Framework;
  if (typeof options.framework === 'object') framework = options.framework;
  else {
    const document = await loadFrameworkDocument(options.framework);
    framework = compileFramework(document, document.file);
    frameworkFiles = document.paths ?? [];
  }
  const mapping = typeof options.mapping === 'string' ? await readMapping(options.mapping) : options.mapping;
  await options.beforeExports?.([
    ...files.map((file) => ({ file, what: 'export' })),
    ...(options.history ?? []).map((file) => ({ file, what: 'history export' })),
    ...frameworkFiles.map((file) => ({ file, what: 'framework' })),
    ...(typeof options.mapping === 'string' ? [{ file: options.mapping, what: 'mapping' }] : []),
    ...Object.values(mapping?.lookups ?? {}).map((given) => ({ file: resolvedPath(lookupFile(mapping, given)), what: 'lookup table' })),
  ]);
  const loaded = await loadExports(files, {
    preset: options.preset, mapping, timezone: options.timezone ?? framework.defaultCalendar.timezone, encoding: options.encoding,
    dayOrder: options.dayOrder, onProgress: options.onProgress, history: options.history, maxErrors: options.maxErrors, stdin: options.stdin,
  });
  return { framework, loaded };
}
