import { Command } from 'commander';
import { explainTicket } from '../audit/explain.js';
import { planRedaction, redactExplanation, type RedactField } from '../prepare/redact.js';
import { findId, nearestIds } from '../audit/nearest-ids.js';
import { latestInstant } from '../prepare/report.js';
import { InputError } from '../errors.js';
import { formatExplainJson } from '../report/explain-json.js';
import { formatExplainTable } from '../report/explain-table.js';
import { ExitCode } from './exit-codes.js';
import { tableLayout, wantsColor, warnOnColumns, type CliIo } from './io.js';
import { widthOption } from './outputs.js';
import { inputOptions, loadInputs, type InputFlags } from './load-inputs.js';
import { parseAsOf, tableOrJsonOption } from './options.js';
import { redactOption } from './report-options.js';

interface ExplainFlags extends InputFlags {
  asOf?: number;
  redact?: RedactField[];
  format: 'table' | 'json';
  color?: boolean;
  width?: number;
}

export function explainCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('explain')
    .description('show one ticket as the audit sees it: its timeline, and why each rule fired or not')
    .argument('<ticket-id>', 'the ticket to explain, as in the export')
    .argument('<export...>', 'ticket export files, as for audit')
    .option('--as-of <instant>', 'judge the ticket as of this ISO-8601 instant (default: the latest time in the export)', parseAsOf)
    .addOption(tableOrJsonOption())
    .option('--no-color', 'no colors (also: NO_COLOR=1)')
    .addOption(widthOption())
    .addOption(redactOption())
    .action(async (id: string, files: string[], flags: ExplainFlags) => {
      setExit(await runExplain(id, files, flags, io));
    });
  for (const option of inputOptions('framework YAML (default: the built-in three-board framework)')) command.addOption(option);
  return command;
}

async function runExplain(wanted: string, files: string[], flags: ExplainFlags, io: CliIo): Promise<number> {
  warnOnColumns(io);
  const { framework, loaded } = await loadInputs(files, flags);
  const ids = loaded.tickets.map((t) => t.id);
  const id = findId(ids, wanted);
  const ticket = loaded.tickets.find((t) => t.id === id);
  if (!ticket) {
    const near = nearestIds(ids, wanted);
    throw new InputError(`no ticket "${wanted}" in the exports (${ids.length} tickets)`, undefined,
      near.length ? `the nearest ids are: ${near.join(', ')}` : 'the exports hold no tickets');
  }
  const asOf = flags.asOf ?? latestInstant(loaded.tickets);
  const found = explainTicket(ticket, framework, asOf);
  const explained = found && flags.redact?.length ? redactExplanation(found, planRedaction(loaded.tickets, flags.redact)) : found;
  if (!explained) {
    throw new InputError(`ticket "${ticket.id}" was created after the as-of time ${new Date(asOf).toISOString()}`, undefined,
      'pass a later --as-of');
  }
  io.stdout(flags.format === 'json' ? formatExplainJson(explained)
    : formatExplainTable(explained, { color: wantsColor(io, flags.color), ...tableLayout(io, flags.width, true) }));
  return ExitCode.Ok;
}
