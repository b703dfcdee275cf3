import { Command } from 'commander';
import { inspectExports } from '../inspect/inspect.js';
import { formatInspectJson } from '../report/inspect-json.js';
import { formatInspectTable } from '../report/inspect-table.js';
import { ExitCode } from './exit-codes.js';
import { tableLayout, wantsColor, warnOnColumns, type CliIo } from './io.js';
import { tableOrJsonOption } from './options.js';
import { widthOption } from './outputs.js';
import { inputOptions, loadInputs, type InputFlags } from './load-inputs.js';
import { progressBar } from './progress.js';
import { toolInfo } from '../tool-info.js';

interface InspectFlags extends InputFlags {
  format: 'table' | 'json';
  color?: boolean;
  width?: number;
}

export function inspectCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('inspect')
    .description('show how exports are read: format, encoding, preset and why, column mapping, dates, queues and statuses')
    .argument('<export...>', 'ticket exports (CSV, JSON, NDJSON; - for stdin), as for audit')
    .addOption(tableOrJsonOption())
    .option('--no-color', 'no colors (also: NO_COLOR=1)')
    .addOption(widthOption())
    .action(async (files: string[], flags: InspectFlags) => {
      setExit(await runInspect(files, flags, io));
    });
  for (const option of inputOptions('framework YAML whose queues and statuses the exports are compared with (default: the built-in one)')) command.addOption(option);
  return command;
}

/** Exit 0 whatever the exports hold: inspect describes, it does not judge. Unreadable input is exit 2. */
async function runInspect(files: string[], flags: InspectFlags, io: CliIo): Promise<number> {
  warnOnColumns(io);
  const progress = progressBar(io);
  const { framework, loaded } = await loadInputs(files, flags, progress?.update).finally(() => progress?.done());
  const report = inspectExports(loaded, framework, toolInfo());
  io.stdout(flags.format === 'json' ? formatInspectJson(report)
    : formatInspectTable(report, { color: wantsColor(io, flags.color), ...tableLayout(io, flags.width, true) }));
  return ExitCode.Ok;
}
