import { Command, Option } from 'commander';
import { validateFramework } from '../pipeline/framework.js';
import { formatValidationJson, formatValidationText, validationReport, VALIDATION_FORMATS, type ValidationFormat } from '../report/validation.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { toolInfo } from '../tool-info.js';

export function validateCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('validate')
    .description('check framework files: every problem at once, as file:line:col')
    .argument('<framework...>', 'framework YAML files')
    .addOption(new Option('-f, --format <format>', 'text (default) or json').choices(VALIDATION_FORMATS).default('text'))
    .action(async (files: string[], flags: { format: ValidationFormat }) => {
      const results = [];
      for (const file of files) results.push(await validateFramework(file));
      const report = validationReport(results, toolInfo());
      io.stdout(flags.format === 'json' ? formatValidationJson(report) : formatValidationText(report));
      setExit(report.valid ? ExitCode.Ok : ExitCode.Error);
    });
}
