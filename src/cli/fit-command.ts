import { Command } from 'commander';
import { auditExports } from '../pipeline/audit-exports.js';
import { formatFitJson } from '../report/json.js';
import { formatFitTable } from '../report/table-fit.js';
import { ExitCode } from './exit-codes.js';
import { tableLayout, wantsColor, warnOnColumns, type CliIo } from './io.js';
import { inputOptions, inputsOf, type InputFlags } from './load-inputs.js';
import { parseAsOf, tableOrJsonOption, whatIfOptions } from './options.js';
import { widthOption } from './outputs.js';
import { terminalSafeLines } from './error-text.js';

interface FitFlags extends InputFlags {
  asOf?: number;
  format: 'table' | 'json';
  color?: boolean;
  width?: number;
  set?: string[];
  compareFramework?: string;
}

export function fitCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('fit')
    .description('whether the framework still fits the exports: per rule figures, what it does not place, the paths taken')
    .argument('<export...>', 'ticket exports, as for audit')
    .option('--as-of <instant>', 'judge open tickets as of this ISO-8601 instant (default: the latest time in the export)', parseAsOf)
    .addOption(tableOrJsonOption())
    .option('--no-color', 'no colors (also: NO_COLOR=1)')
    .addOption(widthOption())
    .action(async (files: string[], flags: FitFlags) => {
      setExit(await runFit(files, flags, io));
    });
  for (const option of [...inputOptions('framework YAML (default: the built-in three-board framework)'), ...whatIfOptions()]) command.addOption(option);
  return command;
}

/** The audit's "Framework fit" section (and its what-if) alone, on stdout. */
async function runFit(files: string[], flags: FitFlags, io: CliIo): Promise<number> {
  warnOnColumns(io);
  const report = await auditExports(files, {
    ...inputsOf(flags), asOf: flags.asOf,
    whatIf: { set: flags.set, compareFramework: flags.compareFramework },
    onWarning: (w) => io.stderr(`${terminalSafeLines(`escalation-audit: warning: ${w.format()}`)}\n`),
  });
  if (flags.format === 'json') io.stdout(formatFitJson(report));
  else io.stdout(formatFitTable(report, { color: wantsColor(io, flags.color), ...tableLayout(io, flags.width, true) }));
  await io.flushStdout?.();
  return ExitCode.Ok;
}
