import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { whyNotWritten, writeFileAtomic } from '../deliver/write-file.js';
import { InputError } from '../errors.js';
import { DEFAULT_TEMPLATE, renderTemplate, TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../framework/templates.js';
import { terminalSafeLines } from './error-text.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

interface InitFlags {
  template: TemplateId;
  output?: string;
  force?: boolean;
}

const TEMPLATE_HELP = `\nTemplates:\n${TEMPLATE_IDS.map((id) => `  ${id.padEnd(12)} ${TEMPLATES[id].title}`).join('\n')}\n`;

export function initCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('init')
    .description('write a commented framework to start from (to stdout, or to --output)')
    .addOption(new Option('-t, --template <name>', 'the design to start from').choices(TEMPLATE_IDS).default(DEFAULT_TEMPLATE))
    .option('-o, --output <file>', 'write the framework to this file (refused if it exists, unless --force)')
    .option('--force', 'overwrite the --output file if it exists')
    .addHelpText('after', TEMPLATE_HELP)
    .action(async (flags: InitFlags) => {
      setExit(await runInit(flags, io));
    });
}

async function runInit(flags: InitFlags, io: CliIo): Promise<number> {
  // The schema line is relative to where the file goes: --output's folder, else (stdout) the current directory.
  const text = await renderTemplate(flags.template, flags.output === undefined ? io.cwd : dirname(resolve(io.cwd, flags.output)));
  if (flags.output === undefined) {
    io.stdout(text);
    return ExitCode.Ok;
  }
  const file = flags.output;
  try {
    // 'wx' refuses an existing file in the same step that creates it: no window to lose a framework.
    if (flags.force) await writeFileAtomic(file, text);
    else await writeFile(file, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError('the file already exists; init does not overwrite it', { file }, 'pass --force to replace it, or choose another --output');
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot write the framework: ${whyNotWritten(e)}`, { file }, 'no file was written; check the --output path');
  }
  io.stderr(`${terminalSafeLines(`wrote ${file} (template ${flags.template}): edit it, then check it with: escalation-audit validate ${file}`)}\n`);
  return ExitCode.Ok;
}
