import { Command, Option } from 'commander';
import { firstAuditNote, isFirstAudit } from '../prepare/baseline.js';
import { auditExports } from '../pipeline/audit-exports.js';
import { readBaselineFile } from '../pipeline/baseline-file.js';
import { deliverReport, planDelivery, type DeliveryFlags, type DeliveryPlan } from './deliver-report.js';
import { refuseInputsAsOutputs, type RunInput } from './input-guard.js';
import { warnOnColumns, type CliIo } from './io.js';
import { inputOptions, inputsOf, type InputFlags } from './load-inputs.js';
import { formatOption, outputOption, widthOption, type OutputTarget } from './outputs.js';
import { progressBar } from './progress.js';
import { reportOptions } from './report-options.js';
import { FAIL_ON, parseAsOf, whatIfOptions, type FailOn } from './options.js';
import { terminalSafeLines } from './error-text.js';

interface AuditFlags extends DeliveryFlags, InputFlags {
  asOf?: number;
  /** Read by the renderers (RenderFlags) through the delivery flags. */
  width?: number;
  failOn: FailOn;
  quiet?: boolean;
  color?: boolean;
  set?: string[];
  compareFramework?: string;
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
    .addOption(widthOption())
    .action(async (files: string[], flags: AuditFlags) => {
      setExit(await runAudit(files, flags, io));
    });
  for (const option of [...inputOptions('framework YAML (default: the built-in three-board framework)'), ...whatIfOptions(), ...reportOptions()]) command.addOption(option);
  return command;
}

/**
 * No output may replace an input, with one exception: the baseline may be replaced by this run's JSON
 * report (the nightly rotation: `--baseline latest.json -f json -o latest.json`); it was read whole before.
 */
async function refuseOutputsOverInputs(delivery: DeliveryPlan, read: RunInput[], baseline: string | undefined, compared?: string): Promise<void> {
  const files = (targets: OutputTarget[]) => targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
  await refuseInputsAsOutputs(files(delivery.targets), compared === undefined ? read : [...read, { file: compared, what: 'compared framework' }]);
  if (baseline) await refuseInputsAsOutputs(files(delivery.targets.filter((t) => t.format !== 'json')), [{ file: baseline, what: 'baseline' }]);
}

/** The flags checked, the baseline read (both before any export), then the library's audit, then delivery. */
async function runAudit(files: string[], flags: AuditFlags, io: CliIo): Promise<number> {
  const delivery = planDelivery(flags, io);
  warnOnColumns(io);
  const baseline = flags.baseline === undefined ? undefined : await readBaselineFile(flags.baseline);
  if (baseline && isFirstAudit(baseline)) io.stderr(`escalation-audit: ${firstAuditNote(baseline)}\n`);
  const progress = progressBar(io);
  const report = await auditExports(files, {
    ...inputsOf(flags, progress?.update),
    asOf: flags.asOf,
    filters: { since: flags.since, until: flags.until, queues: flags.queue, categories: flags.category, minSeverity: flags.minSeverity },
    baseline, redact: flags.redact, byAssignee: flags.by === 'assignee', title: flags.title,
    whatIf: { set: flags.set, compareFramework: flags.compareFramework },
    beforeExports: (read) => refuseOutputsOverInputs(delivery, read, flags.baseline, flags.compareFramework),
    onExportsRead: () => progress?.done(),
    onWarning: (w) => io.stderr(`${terminalSafeLines(`escalation-audit: warning: ${w.format()}`)}\n`),
  }).finally(() => progress?.done());
  return deliverReport(report, delivery, flags, io);
}
