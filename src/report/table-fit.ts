import { Chalk, type ChalkInstance } from 'chalk';
import type { FrameworkFit, LimitFit, Report, WhatIf } from '../model/result.js';
import type { FormatOptions } from './formatters.js';
import { changeWords, fitFigure, limitWords, ticketChangeWords, whatIfCounts } from './fit-text.js';
import { hangingLines } from './hanging.js';
import { renderTable, type Column } from './table-layout.js';
import { layoutWidth, sanitizeForTerminal } from './text.js';

/** Items of each unplaced list, and paths, shown in the table; JSON has them all. */
const SHOWN = 10;
const SHOWN_PATHS = 15;

const RULE_COLUMNS: Column[] = [
  { header: 'rule', min: 10 },
  { header: 'judged', numeric: true },
  { header: 'fired', numeric: true },
  { header: 'limit', min: 5 },
  { header: 'p50', numeric: true },
  { header: 'p90', numeric: true },
  { header: '80% at', numeric: true },
  { header: 'verdict', min: 8 },
];

const limitText = (l: LimitFit | undefined) => limitWords(l, '>= ');
const figure = (l: LimitFit | undefined, pick: (l: LimitFit) => number | undefined) => fitFigure(l, l && pick(l));

/** Whether the framework still fits: per rule figures and advice, what it does not place, the moves taken. */
export function formatFit(fit: FrameworkFit, width: number, chalk: ChalkInstance, wrap = false): string {
  const rows = fit.rules.map((r) => {
    const main = r.limits[0];
    return [sanitizeForTerminal(r.id), String(r.judged), String(r.fired), limitText(main),
      figure(main, (l) => l.measured?.p50), figure(main, (l) => l.measured?.p90),
      figure(main, (l) => l.complyAt?.p80), r.verdict];
  });
  const lines = [chalk.bold('Framework fit'), renderTable(RULE_COLUMNS, rows, width, (h) => chalk.bold(h), wrap)];
  for (const r of fit.rules) {
    if (r.verdict === 'fires-on-some') continue;
    lines.push(...hangingLines(`${sanitizeForTerminal(r.id)}: `, sanitizeForTerminal(r.advice), width, wrap));
  }
  const { queues, statuses, values } = fit.unplaced;
  const listed = (label: string, items: string[]) => (items.length === 0 ? []
    : hangingLines(`${label}: `, [...items.slice(0, SHOWN), ...(items.length > SHOWN ? [`and ${items.length - SHOWN} more (all in -f json)`] : [])].join(', '), width, wrap));
  lines.push(...listed('unknown queues', queues.map((q) => `"${sanitizeForTerminal(q.name)}" (${q.tickets})`)));
  lines.push(...listed('statuses not placed', statuses.map((s) =>
    `"${sanitizeForTerminal(s.name)}" (${s.tickets}${s.looksLike ? `, looks like a ${s.looksLike}` : ''})`)));
  lines.push(...listed('values not routed', values.map((v) => `${v.field} "${sanitizeForTerminal(v.value)}" (${v.tickets})`)));
  if (fit.paths.length > 0) {
    const pathRows = fit.paths.slice(0, SHOWN_PATHS).map((p) => [sanitizeForTerminal(p.from), sanitizeForTerminal(p.to), String(p.tickets),
      p.described ? p.by.join(', ') : 'not described']);
    const columns = PATH_COLUMNS.map((c, i) => (i === PATH_COLUMNS.length - 1
      ? { ...c, paint: (text: string, row: number) => (fit.paths[row]!.described ? text : chalk.yellow(text)) } : c));
    lines.push('', chalk.bold('Paths taken'), renderTable(columns, pathRows, width, (h) => chalk.bold(h), wrap));
    if (fit.paths.length > SHOWN_PATHS) lines.push(`and ${fit.paths.length - SHOWN_PATHS} more paths (all in -f json)`);
  }
  return lines.join('\n');
}

const PATH_COLUMNS: Column[] = [
  { header: 'from', min: 6 },
  { header: 'to', min: 6 },
  { header: 'tickets', numeric: true },
  { header: 'described by', min: 8 },
];

const WHAT_IF_COLUMNS: Column[] = [
  { header: 'rule', min: 8 },
  { header: 'before', numeric: true },
  { header: 'after', numeric: true },
  { header: 'tickets before', numeric: true },
  { header: 'tickets after', numeric: true },
];

/** The judgement rerun under the changed framework: the changes, findings per rule before and after, the tickets that change. */
export function formatWhatIf(whatIf: WhatIf, width: number, chalk: ChalkInstance, wrap = false): string {
  const lines = [chalk.bold('What if')];
  for (const c of whatIf.changes) {
    const text = changeWords(c);
    lines.push(...hangingLines('change: ', sanitizeForTerminal(text), width, wrap));
  }
  const rows = whatIf.rules.map((r) => [sanitizeForTerminal(r.id), ...whatIfCounts(r)]);
  lines.push(renderTable(WHAT_IF_COLUMNS, rows, width, (h) => chalk.bold(h), wrap));
  const tickets = whatIf.tickets.map((t) => `${sanitizeForTerminal(t.ticket)} (${t.rules.map((r) => sanitizeForTerminal(ticketChangeWords(r))).join('; ')})`);
  lines.push(...hangingLines(`tickets that change (${whatIf.tickets.length}): `, tickets.length ? tickets.join('; ') : 'none', width, wrap));
  return lines.join('\n');
}

/** `escalation-audit fit`: the Framework fit section and, with a what-if, the What if section, for a terminal. */
export function formatFitTable(report: Report, options: Pick<FormatOptions, 'color' | 'width' | 'wrap'>): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = layoutWidth(options.width, 40);
  const wrap = options.wrap === true;
  const sections = [formatFit(report.fit, width, chalk, wrap)];
  if (report.whatIf) sections.push(formatWhatIf(report.whatIf, width, chalk, wrap));
  return `${sections.join('\n\n')}\n`;
}
