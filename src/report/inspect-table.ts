import { Chalk } from 'chalk';
import type { DateRange, InspectedFile, InspectReport } from '../model/inspect.js';
import { renderTable, type Column } from './table-layout.js';
import { hangingLines, hangingList } from './hanging.js';
import { formatInstant, layoutWidth, sanitizeForTerminal, wrapAllToWidth, wrapToWidth } from './text.js';

type Paint = (text: string) => string;
/** Columns to fit, and whether long text wraps (files, pipes) rather than being cut (a terminal). */
interface Layout { width: number; wrap: boolean }
const lines = (text: string, { width, wrap }: Layout) => (wrap ? wrapAllToWidth(text, width) : wrapToWidth(text, width));

const clean = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : sanitizeForTerminal(String(v)));
const range = (r: DateRange | null) => (r ? `${formatInstant(r.first)} .. ${formatInstant(r.last)}` : 'no dates');
const count = (n: number) => n.toLocaleString('en-US');
const DELIMITERS: Record<string, string> = { ',': '","', ';': '";"', '\t': 'tab' };

/** `inspect` for a person mapping a new export: each file, then the queues and statuses over all tickets. */
export function formatInspectTable(report: InspectReport, options: { color: boolean; width: number; wrap?: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const layout: Layout = { width: layoutWidth(options.width), wrap: options.wrap === true };
  const heading: Paint = (t) => chalk.bold(t);
  const sections = [
    ...report.files.map((f) => fileSection(f, layout, heading)),
    overall(report, layout),
    `${heading('Queues')}\n${queues(report, layout, heading, chalk)}`,
    `${heading('Statuses')}\n${statuses(report, layout, heading, chalk)}`,
  ];
  if (report.notes.length) sections.push(`${heading('Notes')}\n${report.notes.flatMap((n) => hangingLines('- ', clean(n), layout.width, layout.wrap)).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

function fileSection(f: InspectedFile, { width, wrap }: Layout, heading: Paint): string {
  const read = [f.format.toUpperCase(), `${f.encoding} (${f.encodingBy === 'guessed' ? 'guessed: --encoding overrides' : f.encodingBy})`];
  if (f.delimiter !== null) read.push(`delimiter ${DELIMITERS[f.delimiter] ?? clean(f.delimiter)}`);
  const kind = f.role === 'history' ? `history, ${f.historyStyle}` : 'ticket list';
  const facts: [string, string][] = [
    ['read as', read.join(', ')],
    ['preset', `${clean(f.preset.id)} ${clean(f.preset.shape)} (${kind}), chosen by ${clean(f.preset.by)}`],
    ['why', clean(f.preset.reason)],
    ['rows', `${count(f.rows)}${f.skippedRows ? ` (${count(f.skippedRows)} skipped)` : ''}, ${count(f.tickets)} tickets, ${count(f.events)} events`],
    ['dates', range(f.dateRange)],
  ];
  const head = [heading(clean(f.file)), ...facts.flatMap(([k, v]) => hangingLines(`  ${k.padEnd(10)}`, v, width, wrap)),
    ...hangingList(`  ${'unmapped'.padEnd(10)}`, unmapped(f.unmapped), width, wrap)];
  const formats = new Map(f.dateFormats.map((d) => [d.field, d.format ?? 'no dates found']));
  const columns: Column[] = [{ header: 'column' }, { header: 'field' }, { header: 'date format', flex: true }];
  const rows = f.columns.map((c) => [clean(c.column), clean(c.fields.join(', ')), clean(c.fields.map((x) => formats.get(x)).find(Boolean))]);
  const table = renderTable(columns, rows, width - 2, heading, wrap).split('\n').map((l) => `  ${l}`);
  return [...head, '', ...table].join('\n');
}

/** Unmapped column names, a repeated one once with its count (Jira writes `Comment` 75 times). */
function unmapped(names: string[]): string[] {
  if (names.length === 0) return ['none'];
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => `"${clean(n)}"${c > 1 ? ` x${c}` : ''}`);
}

function overall(r: InspectReport, layout: Layout): string {
  const history = [`${count(r.history.full)} with history`, `${count(r.history.snapshot)} from the ticket row only`];
  if (r.history.counterOnly) history.push(`${count(r.history.counterOnly)} of those with a queue-change counter`);
  const text = `${count(r.tickets)} tickets, ${count(r.events)} events (${history.join(', ')}); dates ${range(r.dateRange)}; `
    + `framework "${clean(r.framework.name)}" (${clean(r.framework.source)})`;
  return lines(text, layout).join('\n');
}

function queues(r: InspectReport, layout: Layout, heading: Paint, chalk: InstanceType<typeof Chalk>): string {
  const flag = (text: string, row: number) => (r.queues[row]?.queue === null ? chalk.yellow(text) : text);
  const columns: Column[] = [
    { header: 'queue as exported', flex: true }, { header: 'tickets', numeric: true }, { header: 'now', numeric: true },
    { header: 'framework', paint: flag },
  ];
  const rows = r.queues.map((q) => [clean(q.name), count(q.tickets), count(q.current), q.queue === null ? '? unknown'
    : `${clean(q.queue)} (tier ${q.tier}${q.by === 'tier' ? ', by tier value' : ''})`]);
  const unknown = r.queues.filter((q) => q.queue === null).length;
  const out = [rows.length ? renderTable(columns, rows, layout.width, heading, layout.wrap) : 'no queue in any timeline'];
  if (r.ticketsWithoutQueue) out.push(`${count(r.ticketsWithoutQueue)} ticket(s) never name a queue.`);
  if (unknown) out.push(...lines(`${unknown} queue name(s) match no framework queue: add them to a queue's \`match\` list, or the audit cannot judge time spent there.`, layout));
  return out.join('\n');
}

function statuses(r: InspectReport, layout: Layout, heading: Paint, chalk: InstanceType<typeof Chalk>): string {
  const flag = (text: string, row: number) => (r.statuses[row]?.looksLike ? chalk.yellow(text) : text);
  const columns: Column[] = [
    { header: 'status as exported', flex: true }, { header: 'tickets', numeric: true }, { header: 'now', numeric: true },
    { header: 'audit treats it as', paint: flag },
  ];
  const rows = r.statuses.map((s) => [clean(s.name), count(s.tickets), count(s.current),
    s.known ? s.treatedAs : s.looksLike ? `open ! looks ${s.looksLike}` : 'open ? not listed']);
  const suspicious = r.statuses.filter((s) => s.looksLike !== null).length;
  const out = [rows.length ? renderTable(columns, rows, layout.width, heading, layout.wrap) : 'no status in any timeline'];
  if (r.ticketsWithoutStatus) out.push(`${count(r.ticketsWithoutStatus)} ticket(s) never name a status.`);
  out.push(...lines('Statuses the framework does not list under `statuses.paused` or `statuses.closed` are open: clocks run in them.'
    + (suspicious ? ` Flagged with !: ${suspicious === 1 ? 'it looks' : 'they look'} paused or closed; list ${suspicious === 1 ? 'it' : 'them'} in the framework if so.` : ''), layout));
  return out.join('\n');
}
