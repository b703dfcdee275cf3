import { Command, CommanderError } from 'commander';
import { isInputError } from '../errors.js';
import { auditCommand } from './audit-command.js';
import { explainCommand } from './explain-command.js';
import { fitCommand } from './fit-command.js';
import { initCommand } from './init-command.js';
import { inspectCommand } from './inspect-command.js';
import { presetsCommand } from './presets-command.js';
import { validateCommand } from './validate-command.js';
import { terminalSafeLines } from './error-text.js';
import { ExitCode } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { StdoutError } from './stdout.js';
import { toolInfo } from '../tool-info.js';

const EXAMPLES = `
Examples:
  $ escalation-audit audit tickets.csv ticket-history.csv
  $ escalation-audit audit export.csv --framework client.yaml --format json --output report.json
  $ escalation-audit audit events.csv --mapping vinst.yaml --as-of 2026-10-31T18:00:00Z --fail-on warn
  $ escalation-audit inspect export.csv            (how an export is read, before the first audit)

Exit codes: 0 ran, nothing at or above --fail-on; 1 findings at or above it; 2 could not run.`;

/** Runs the CLI and returns the exit code; never throws, never calls process.exit. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = ExitCode.Ok;
  const setExit = (c: number) => { code = c; };
  // Commander's messages quote flag values as typed: made terminal-safe like every other line on stderr.
  const output = { writeOut: io.stdout, writeErr: (text: string) => io.stderr(terminalSafeLines(text)) };
  const program = new Command('escalation-audit')
    .description('Audit IT service-desk tickets against a written escalation framework.')
    .version(toolInfo().version, '-V, --version')
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput(output);
  for (const sub of [auditCommand(io, setExit), validateCommand(io, setExit), initCommand(io, setExit), explainCommand(io, setExit), fitCommand(io, setExit),
    inspectCommand(io, setExit), presetsCommand(io, setExit)]) {
    program.addCommand(sub.exitOverride().configureOutput(output)
      .showHelpAfterError('(run with --help for usage)'));
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    await io.flushStdout?.();
    return code;
  } catch (e) {
    return handleError(e, io, argv.includes('--debug'));
  }
}

function handleError(e: unknown, io: CliIo, debug: boolean): number {
  if (e instanceof CommanderError) {
    // Help and version are successful exits; every other commander error is a usage error.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.Ok;
    return ExitCode.Error;
  }
  if (e instanceof StdoutError) {
    io.stderr(`escalation-audit: ${e.message}\n`);
    return ExitCode.Error;
  }
  if (isInputError(e)) {
    io.stderr(terminalSafeLines(`escalation-audit: ${e instanceof Error && 'errors' in e ? `${(e as { errors: unknown[] }).errors.length} problem(s):\n` : ''}${formatInputError(e)}`) + '\n');
    return ExitCode.Error;
  }
  const err = e as Error;
  io.stderr(terminalSafeLines(`escalation-audit: internal error: ${err?.message ?? String(e)}`) + '\n'
    + (debug ? `${terminalSafeLines(err?.stack ?? '')}\n` : 'run again with --debug for details, and please report it\n'));
  return ExitCode.Error;
}

function formatInputError(e: { format?: () => string; errors?: { format(): string }[] }): string {
  if (e.errors) return e.errors.map((x) => x.format()).join('\n');
  return e.format!();
}
