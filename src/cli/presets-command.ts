import { Argument, Command } from 'commander';
import { presetCatalog } from '../ingest/presets/catalog.js';
import { PRESET_IDS } from '../ingest/presets/index.js';
import { formatPresetsJson } from '../report/presets-json.js';
import { formatPresetsTable } from '../report/presets-table.js';
import { ExitCode } from './exit-codes.js';
import { tableLayout, wantsColor, type CliIo } from './io.js';
import { tableOrJsonOption } from './options.js';
import { toolInfo } from '../tool-info.js';

export function presetsCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('presets')
    .description('list the PSA export presets: their file shapes and the columns each expects')
    .addArgument(new Argument('[preset]', 'show only this preset').choices(PRESET_IDS))
    .addOption(tableOrJsonOption())
    .option('--no-color', 'no colors (also: NO_COLOR=1)')
    .action((only: string | undefined, flags: { format: 'table' | 'json'; color?: boolean }) => {
      const catalog = presetCatalog().filter((p) => only === undefined || p.id === only);
      io.stdout(flags.format === 'json' ? formatPresetsJson(catalog, toolInfo()) : formatPresetsTable(catalog, {
        color: wantsColor(io, flags.color),
        ...tableLayout(io, undefined, true),
      }));
      setExit(ExitCode.Ok);
    });
}
