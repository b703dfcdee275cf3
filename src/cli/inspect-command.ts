import { Command, Option } from 'commander';
import { PRESET_IDS } from '../ingest/presets/index.js';
import { inspectExports } from '../inspect/inspect.js';
import { formatInspectJson } from '../report/inspect-json.js';
import { formatInspectTable } from '../report/inspect-table.js';
import { ExitCode } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { loadInputs, type InputFlags } from './load-inputs.js';
import { parseMaxErrors } from './options.js';
import { progressBar } from './progress.js';
import { toolInfo } from './tool-info.js';

interface InspectFlags extends InputFlags {
  format: 'table' | 'json';
  color?: boolean;
}

export function inspectCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('inspect')
    .description('show how exports are read: format, encoding, preset and why, column mapping, dates, queues and statuses')
    .argument('<export...>', 'ticket exports (CSV, JSON, NDJSON; - for stdin), as for audit')
    .option('-F, --framework <file>', 'framework YAML whose queues and statuses the exports are compared with (default: the built-in one)')
    .option('-m, --mapping <file>', 'mapping YAML for exports no preset knows')
    .addOption(new Option('-p, --preset <name>', 'read the exports with this preset instead of detecting it').choices(PRESET_IDS))
    .addOption(new Option('-f, --format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .option('--no-color', 'no colors (also: NO_COLOR=1)')
    .addOption(new Option('--day-first', 'read ambiguous dates like 3/4/2026 as day/month').conflicts('monthFirst'))
    .addOption(new Option('--month-first', 'read ambiguous dates like 3/4/2026 as month/day').conflicts('dayFirst'))
    .option('--encoding <name>', 'read exports in this encoding instead of detecting it (utf-8, utf-16le, utf-16be, windows-1252, latin1)')
    .option('--history <file...>', 'change-history exports of the same tickets, read as history whatever their header looks like')
    .option('--max-errors <n>', 'skip and count up to n bad rows instead of stopping at the first (default 0)', parseMaxErrors)
    .action(async (files: string[], flags: InspectFlags) => {
      setExit(await runInspect(files, flags, io));
    });
}

/** Exit 0 whatever the exports hold: inspect describes, it does not judge. Unreadable input is exit 2. */
async function runInspect(files: string[], flags: InspectFlags, io: CliIo): Promise<number> {
  const progress = progressBar(io);
  const { framework, loaded } = await loadInputs(files, flags, progress?.update).finally(() => progress?.done());
  const report = inspectExports(loaded, framework, toolInfo());
  io.stdout(flags.format === 'json' ? formatInspectJson(report) : formatInspectTable(report, {
    color: wantsColor(io, flags.color),
    width: io.stdoutIsTTY ? Math.max(60, io.columns ?? 100) : 100,
  }));
  return ExitCode.Ok;
}
