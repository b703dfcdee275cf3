import { Option } from 'commander';
import type { Framework } from '../framework/model.js';
import type { LoadedExports, LoadOptions } from '../ingest/load.js';
import { PRESET_IDS, type PresetId } from '../ingest/presets/index.js';
import { readInputs, type InputOptions } from '../pipeline/inputs.js';
import { parseMaxErrors } from './options.js';

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

/** The library's input options from the flags. */
export function inputsOf(flags: InputFlags, onProgress?: LoadOptions['onProgress']): InputOptions {
  return {
    framework: flags.framework, mapping: flags.mapping, preset: flags.preset, encoding: flags.encoding,
    dayOrder: flags.dayFirst ? 'dmy' : flags.monthFirst ? 'mdy' : undefined, history: flags.history, maxErrors: flags.maxErrors, onProgress,
  };
}

/** The framework (validated first), then the exports read in its time zone. */
export async function loadInputs(files: string[], flags: InputFlags,
  onProgress?: LoadOptions['onProgress']): Promise<{ framework: Framework; loaded: LoadedExports }> {
  return readInputs(files, inputsOf(flags, onProgress));
}
