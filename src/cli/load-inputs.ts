import { Option } from 'commander';
import { compileFramework } from '../framework/compile.js';
import { loadFrameworkDocument } from '../framework/file.js';
import type { Framework } from '../framework/model.js';
import { loadExports, type LoadedExports, type LoadOptions } from '../ingest/load.js';
import { PRESET_IDS, type PresetId } from '../ingest/presets/index.js';
import { parseMaxErrors } from './options.js';
import type { RunInput } from './input-guard.js';
import { readMapping } from './read-mapping.js';

/** The flags every command that reads exports against a framework shares (audit, explain, inspect). */
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

/** The options behind {@link InputFlags}, so audit, explain and inspect read exports alike. */
export function inputOptions(frameworkHelp: string): Option[] {
  return [
    new Option('-F, --framework <file>', frameworkHelp),
    new Option('-m, --mapping <file>', 'mapping YAML for exports no preset knows'),
    new Option('-p, --preset <name>', 'read the exports with this preset instead of detecting it').choices(PRESET_IDS),
    new Option('--day-first', 'read ambiguous dates like 3/4/2026 as day/month').conflicts('monthFirst'),
    new Option('--month-first', 'read ambiguous dates like 3/4/2026 as month/day').conflicts('dayFirst'),
    new Option('--encoding <name>', 'read exports in this encoding instead of detecting it (utf-8, utf-16le, utf-16be, windows-1252, latin1)'),
    new Option('--history <file...>', 'change-history exports of the same tickets, read as history whatever their header looks like'),
    new Option('--max-errors <n>', 'skip and count up to n bad rows instead of stopping at the first (default 0)').argParser(parseMaxErrors),
  ];
}

/**
 * The framework (validated first), then the exports read in its time zone. `beforeExports` sees every
 * file the run reads (exports, framework and the files it extends, mapping and its lookups) first.
 */
export async function loadInputs(files: string[], flags: InputFlags, onProgress?: LoadOptions['onProgress'],
  beforeExports?: (inputs: RunInput[]) => Promise<void>): Promise<{ framework: Framework; loaded: LoadedExports }> {
  const document = await loadFrameworkDocument(flags.framework);
  const framework = compileFramework(document, document.file);
  const mapping = flags.mapping ? await readMapping(flags.mapping) : undefined;
  await beforeExports?.([
    ...files.map((file) => ({ file, what: 'export' })),
    ...(flags.history ?? []).map((file) => ({ file, what: 'history export' })),
    ...(document.paths ?? []).map((file) => ({ file, what: 'framework' })),
    ...(flags.mapping ? [{ file: flags.mapping, what: 'mapping' }] : []),
    ...Object.values(mapping?.lookups ?? {}).map((file) => ({ file, what: 'lookup table' })),
  ]);
  const loaded = await loadExports(files, {
    preset: flags.preset, mapping, timezone: framework.defaultCalendar.timezone, encoding: flags.encoding,
    dayOrder: flags.dayFirst ? 'dmy' : flags.monthFirst ? 'mdy' : undefined, onProgress,
    history: flags.history, maxErrors: flags.maxErrors,
  });
  return { framework, loaded };
}
