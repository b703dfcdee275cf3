import { Command, Option } from 'commander';
import { audit } from '../audit/audit.js';
import { buildReport, latestInstant } from '../audit/result.js';
import { filterOutcome } from '../audit/filters.js';
import { deliverReport, planDelivery, type DeliveryFlags, type DeliveryPlan } from './deliver-report.js';
import type { CliIo } from './io.js';
import { refuseInputsAsOutputs, type RunInput } from './input-guard.js';
import { inputOptions, loadInputs, type InputFlags } from './load-inputs.js';
import { formatOption, outputOption, type OutputTarget } from './outputs.js';
import { progressBar } from './progress.js';
import { reportOptions } from './report-options.js';
import { finishReport, readBaseline, reportFilters } from './report-steps.js';
import { FAIL_ON, parseAsOf, type FailOn } from './options.js';
import { toolInfo } from './tool-info.js';

interface AuditFlags extends DeliveryFlags, InputFlags {
  asOf?: number;
  failOn: FailOn;
  quiet?: boolean;
  color?: boolean;
}

export function auditCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('audit')
    .description('audit ticket exports against an escalation framework')
    .argument('<export...>', 'ticket exports (CSV, JSON, NDJSON; - for stdin): ticket lists and/or change history, joined by ticket id')
    .addOption(formatOption())
    .addOption(outputOption())
    .option('--as-of <instant>', 'judge open tickets as of this ISO-8601 instant (default: the latest time in the export)', parseAsOf)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(FAIL_ON).default('error'))
    .option('-q, --quiet', 'print, write and mail nothing when nothing is at or above --fail-on (for cron)')
    .option('--no-color', 'no colors in the table (also: NO_COLOR=1)')
    .action(async (files: string[], flags: AuditFlags) => {
      setExit(await runAudit(files, flags, io));
    });
  for (const option of [...inputOptions('framework YAML (default: the built-in three-board framework)'), ...reportOptions()]) command.addOption(option);
  return command;
}

/**
 * No output may replace an input, with one exception: the baseline may be replaced by this run's JSON
 * report (the nightly rotation: `--baseline latest.json -f json -o latest.json`); it was read whole before.
 */
async function refuseOutputsOverInputs(delivery: DeliveryPlan, read: RunInput[], baseline: string | undefined): Promise<void> {
  const files = (targets: OutputTarget[]) => targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
  await refuseInputsAsOutputs(files(delivery.targets), read);
  if (baseline) await refuseInputsAsOutputs(files(delivery.targets.filter((t) => t.format !== 'json')), [{ file: baseline, what: 'baseline' }]);
}

async function runAudit(files: string[], flags: AuditFlags, io: CliIo): Promise<number> {
  const delivery = planDelivery(flags, io.env);
  const baseline = flags.baseline ? await readBaseline(flags.baseline) : undefined;
  const progress = progressBar(io);
  const { framework, loaded } = await loadInputs(files, flags, progress?.update,
    (read) => refuseOutputsOverInputs(delivery, read, flags.baseline)).finally(() => progress?.done());
  const asOf = flags.asOf ?? latestInstant(loaded.tickets);
  const outcome = audit(loaded.tickets, framework, { asOf, assigneeHolds: flags.by === 'assignee' });
  const filters = reportFilters(flags, framework, outcome);
  const report = finishReport(buildReport(filterOutcome(outcome, filters), framework, {
    tool: toolInfo(), asOf, inputs: loaded.inputs, events: loaded.events, notes: loaded.notes,
    byAssignee: flags.by === 'assignee', filters,
  }), { baseline, filters, redact: flags.redact, tickets: loaded.tickets });
  return deliverReport(report, delivery, flags, io);
}
