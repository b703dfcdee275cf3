import { sendMail } from '../deliver/mail.js';
import { stageFiles } from '../deliver/write-file.js';
import { InputError } from '../errors.js';
import type { Report } from '../model/result.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { mailSettings, type MailSettings } from './mail-options.js';
import { composeMail } from './mail-report.js';
import { failsOn, type FailOn } from './options.js';
import { fullListOf, fullRowsOf, planOutputs, refuseBinaryOnTerminal, renderOutputs, streamOutputs, type OutputTarget, type Tagged } from './outputs.js';
import type { ReportFlags } from './report-options.js';
import type { FormatId } from '../report/formatters.js';
import { terminalSafeLines } from './error-text.js';
import { FILTERED_NOTE } from '../prepare/filters.js';

export interface DeliveryFlags extends ReportFlags {
  format?: Tagged<FormatId>[];
  output?: Tagged<string>[];
  failOn: FailOn;
  quiet?: boolean;
  color?: boolean;
}

/** `-o /dev/stdout` (or stderr): printed like stdout, last; the stream may be a socket, which cannot be opened by path. */
const STANDARD_STREAMS = new Set(['/dev/stdout', '/dev/stderr']);

export interface DeliveryPlan { targets: OutputTarget[]; mail: MailSettings | undefined }

/** Checks the output and mail flags before any work is done, so a typo costs nothing. */
export function planDelivery(flags: DeliveryFlags, io: Pick<CliIo, 'env' | 'stdoutIsTTY' | 'stdoutBytes'>): DeliveryPlan {
  if (flags.failOnNew && !flags.baseline) throw new InputError('--fail-on-new needs --baseline', undefined, 'add --baseline previous.json');
  const targets = planOutputs(flags.format, flags.output);
  // An io that cannot take bytes (a test's) is treated as a terminal.
  refuseBinaryOnTerminal(targets, io.stdoutIsTTY || !io.stdoutBytes);
  const mail = mailSettings(flags, io.env);
  refuseFlagsWithoutEffect(flags, targets.map((t) => t.format), mail !== undefined);
  return { targets, mail };
}

// The formats that cut the findings of a kind: HTML, Markdown and the mail at 25 by default, the table only when asked.
const CUT_BY_DEFAULT: ReadonlySet<FormatId> = new Set(['html', 'markdown']);
const CAN_CUT: ReadonlySet<FormatId> = new Set(['html', 'markdown', 'table']);

/** A flag that would change none of the outputs is a usage error, as --fail-on-new without --baseline is. */
function refuseFlagsWithoutEffect(flags: DeliveryFlags, formats: FormatId[], mailed: boolean): void {
  const list = [...new Set(formats)].map((f) => `-f ${f}`).join(', ');
  if (flags.excel && !formats.includes('csv')) {
    throw new InputError(`--excel has no effect: it shapes a CSV file, and this run writes none (${list}${mailed ? '; the mailed CSV is for Excel already' : ''})`,
      undefined, 'add -f csv -o findings.csv, or leave out --excel');
  }
  if (flags.allFindings && flags.findingsPerKind !== undefined) {
    throw new InputError('--all-findings and --findings-per-kind contradict each other', undefined, 'keep one of them');
  }
  if (flags.allFindings && !mailed && !formats.some((f) => CUT_BY_DEFAULT.has(f))) {
    throw new InputError(`--all-findings has no effect: only HTML, Markdown and the mail leave findings out, and this run writes ${list}`
      + `${formats.includes('table') ? ' (the table shows every finding unless --findings-per-kind)' : ''}`, undefined, 'add -f html or -f markdown, or leave out --all-findings');
  }
  if (flags.findingsPerKind !== undefined && !mailed && !formats.some((f) => CAN_CUT.has(f))) {
    throw new InputError(`--findings-per-kind has no effect: only the table, HTML, Markdown and the mail show some of the findings, and this run writes ${list}`
      + ' (which have every finding)', undefined, 'add -f html, -f markdown or -f table, or leave out --findings-per-kind');
  }
}

/**
 * One transaction: renders stdout, writes every file to a temporary file beside it (devices and FIFOs
 * directly), sends the mail, prints stdout, and only once both succeeded renames the files into place. Whatever fails first (a formatter, a full disk, the mail), nothing is
 * renamed and no temporary file is left. With --quiet and nothing at or above --fail-on, does none of it.
 */
export async function deliverReport(report: Report, plan: DeliveryPlan, flags: DeliveryFlags, io: CliIo): Promise<number> {
  const counted = flags.failOnNew ? report.findings.filter((f) => f.status === 'new') : report.findings;
  const failed = failsOn(counted, flags.failOn);
  if (flags.quiet && !failed) return ExitCode.Ok;
  const render = { ...flags, fullList: fullListOf(plan.targets), fullRows: fullRowsOf(plan.targets) };
  const printed = await renderOutputs(report, plan.targets.filter((t) => t.file === undefined || STANDARD_STREAMS.has(t.file)), io, render);
  const mail = plan.mail && composeMail(report, plan.mail, render);
  const files = await streamOutputs(report, plan.targets.filter((t) => !STANDARD_STREAMS.has(t.file ?? '')), io, render);
  const staged = await stageFiles(files.map((s) => ({ path: s.target.file, content: s.pieces })));
  try {
    if (plan.mail && mail) await sendMail(plan.mail.smtp, mail);
    // Stdout after the mail (a failed mail leaves nothing printed) and before the renames: a report
    // that cannot be printed (a full disk behind `>`) leaves every file as it was. The mail cannot be
    // taken back; the next run finds the same findings new and sends them again.
    for (const r of printed) {
      if (r.bytes) io.stdoutBytes!(r.bytes);
      else (r.target.file === '/dev/stderr' ? io.stderr : io.stdout)(r.text);
    }
    await io.flushStdout?.();
  } catch (e) {
    await staged.abort();
    throw e;
  }
  await staged.commit();
  noteWhatFindingsOnlyFormatsCannotSay(report, plan.targets, io);
  return failed ? ExitCode.Findings : ExitCode.Ok;
}

/** Formats whose contract is one finding per row or line: the report's notes have no place in them. */
const FINDINGS_ONLY: ReadonlySet<FormatId> = new Set(['csv', 'ndjson']);

/**
 * CSV and NDJSON carry findings only, so what the audit could not judge (per rule, and why) goes to
 * stderr beside them, once, unless a table on stdout already says it. The filters are the user's own: not repeated.
 */
function noteWhatFindingsOnlyFormatsCannotSay(report: Report, targets: OutputTarget[], io: CliIo): void {
  if (!targets.some((t) => FINDINGS_ONLY.has(t.format))) return;
  if (targets.some((t) => t.format === 'table' && (t.file === undefined || t.file === '/dev/stdout'))) return;
  for (const note of report.notes.filter((n) => !n.startsWith(FILTERED_NOTE))) io.stderr(`${terminalSafeLines(`escalation-audit: note: ${note}`)}\n`);
}
