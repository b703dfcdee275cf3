import type { FrameworkValidation, ValidationProblem } from '../framework/validate.js';
import { sanitizeForTerminal } from './text.js';

export const VALIDATION_FORMATS = ['text', 'json'] as const;
export type ValidationFormat = (typeof VALIDATION_FORMATS)[number];

/** The `validate --format json` contract (README "validate"): fields are only ever added. */
export interface ValidationReport {
  schemaVersion: '1.1';
  tool: { name: string; version: string };
  valid: boolean;
  problems: number;
  files: FrameworkValidation[];
}

export function validationReport(results: FrameworkValidation[], tool: { name: string; version: string }): ValidationReport {
  return {
    schemaVersion: '1.1',
    tool,
    valid: results.every((r) => r.valid),
    problems: results.reduce((n, r) => n + r.problems.length, 0),
    files: results,
  };
}

export const formatValidationJson = (report: ValidationReport): string => `${JSON.stringify(report, null, 2)}\n`;

/** `file:line:col  message` per problem (and its hint), then one line per file: OK with what it holds, or the count. */
export function formatValidationText(report: ValidationReport): string {
  const lines: string[] = [];
  for (const result of report.files) {
    for (const p of result.problems) {
      lines.push(`${where(p)}  ${sanitizeForTerminal(p.message)}`);
      if (p.hint) lines.push(`  hint: ${sanitizeForTerminal(p.hint)}`);
    }
    for (const w of result.warnings) {
      lines.push(`${where(w)}  warning: ${sanitizeForTerminal(w.message)}`);
      if (w.hint) lines.push(`  hint: ${sanitizeForTerminal(w.hint)}`);
    }
    lines.push(summaryLine(result));
  }
  return `${lines.join('\n')}\n`;
}

function summaryLine(r: FrameworkValidation): string {
  const file = sanitizeForTerminal(r.file);
  const f = r.framework;
  if (f) {
    const rules = f.enabledRules === f.rules ? plural(f.rules, 'rule') : `${plural(f.rules, 'rule')} (${f.enabledRules} enabled)`;
    const bases = f.bases.length ? `; extends ${f.bases.map(sanitizeForTerminal).join(' -> ')}` : '';
    const warned = r.warnings.length ? `; ${plural(r.warnings.length, 'warning')}` : '';
    return `${file}: OK - "${sanitizeForTerminal(f.name)}": ${plural(f.queues, 'queue')}, ${rules}, ${plural(f.calendars, 'calendar')}${bases}${warned}`;
  }
  const structural = r.problems.some((p) => p.pass === 'structure');
  const later = structural ? ' (references, reachability and limits are checked once the structure is right)' : '';
  return `${file}: ${plural(r.problems.length, 'problem')}${later}`;
}

function where(p: ValidationProblem): string {
  const file = sanitizeForTerminal(p.file);
  if (p.line === null) return file;
  return p.column === null ? `${file}:${p.line}` : `${file}:${p.line}:${p.column}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
