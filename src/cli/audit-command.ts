import { Command, Option } from 'commander';
import { audit } from '../audit/audit.js';
import { buildReport, latestInstant } from '../audit/result.js';
import { writeFileAtomic } from '../deliver/write-file.js';
import { loadFramework } from '../framework/file.js';
import { loadExports } from '../ingest/load.js';
import { PRESET_IDS, type PresetId } from '../ingest/presets/index.js';
import { formatters, type FormatId } from '../report/formatters.js';
import { ExitCode } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { readMapping } from './read-mapping.js';
import { FAIL_ON, failsOn, parseAsOf, type FailOn } from './options.js';
import { toolInfo } from './tool-info.js';

interface AuditFlags {
  framework?: string;
  mapping?: string;
  preset?: PresetId;
  format?: FormatId;
  output?: string;
  asOf?: number;
  failOn: FailOn;
  quiet?: boolean;
  color?: boolean;
  encoding?: string;
  dayFirst?: boolean;
  monthFirst?: boolean;
}

export function auditCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('audit')
    .description('audit ticket exports against an escalation framework')
    .argument('<export...>', 'ticket export files (CSV): ticket lists and/or change history, joined by ticket id')
    .option('-F, --framework <file>', 'framework YAML (default: the built-in three-board framework)')
    .option('-m, --mapping <file>', 'mapping YAML for exports no preset knows')
    .addOption(new Option('-p, --preset <name>', 'read the exports with this preset instead of detecting it').choices(PRESET_IDS))
    .addOption(new Option('-f, --format <format>', 'report format (default: table)').choices(Object.keys(formatters)))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--as-of <instant>', 'judge open tickets as of this ISO-8601 instant (default: the latest time in the export)', parseAsOf)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(FAIL_ON).default('error'))
    .option('-q, --quiet', 'print nothing when nothing is at or above --fail-on (for cron)')
    .option('--no-color', 'no colors in the table (also: NO_COLOR=1)')
    .addOption(new Option('--day-first', 'read ambiguous dates like 3/4/2026 as day/month').conflicts('monthFirst'))
    .addOption(new Option('--month-first', 'read ambiguous dates like 3/4/2026 as month/day').conflicts('dayFirst'))
    .option('--encoding <name>', 'read exports in this encoding instead of detecting it (utf-8, utf-16le, utf-16be, windows-1252, latin1)')
    .action(async (files: string[], flags: AuditFlags) => {
      setExit(await runAudit(files, flags, io));
    });
}

async function runAudit(files: string[], flags: AuditFlags, io: CliIo): Promise<number> {
  const framework = await loadFramework(flags.framework);
  const mapping = flags.mapping ? await readMapping(flags.mapping) : undefined;
  const loaded = await loadExports(files, {
    preset: flags.preset, mapping, timezone: framework.defaultCalendar.timezone, encoding: flags.encoding,
    dayOrder: flags.dayFirst ? 'dmy' : flags.monthFirst ? 'mdy' : undefined,
  });
  const asOf = flags.asOf ?? latestInstant(loaded.tickets);
  const outcome = audit(loaded.tickets, framework, { asOf });
  const report = buildReport(outcome, framework, {
    tool: toolInfo(), asOf, inputs: loaded.inputs, events: loaded.events, notes: loaded.notes,
  });
  const failed = failsOn(report.findings, flags.failOn);
  if (flags.quiet && !failed) return ExitCode.Ok;
  const format: FormatId = flags.format ?? 'table';
  const toTerminal = flags.output === undefined;
  const text = formatters[format](report, {
    color: toTerminal && format === 'table' && wantsColor(io, flags.color),
    width: toTerminal && io.stdoutIsTTY ? Math.max(60, io.columns ?? 100) : 100,
  });
  if (flags.output) await writeFileAtomic(flags.output, text);
  else io.stdout(text);
  return failed ? ExitCode.Findings : ExitCode.Ok;
}
