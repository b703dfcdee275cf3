import { Chalk } from 'chalk';
import type { TicketExplanation } from '../audit/explain.js';
import type { FormatOptions } from './formatters.js';
import { renderTable, type Column } from './table-layout.js';
import { localizeInstants, localTime } from './heading.js';
import { fitToWidth, layoutWidth, formatMinutes, formatWallMinutes, sanitizeForTerminal, wrapAllToWidth, wrapToWidth } from './text.js';

const clean = (v: string | number | null) => (v === null ? '' : sanitizeForTerminal(String(v)));

/** One ticket explained, for a person at a terminal: header, timeline, stays, pauses, then every rule. */
export function formatExplainTable(x: TicketExplanation, options: Pick<FormatOptions, 'color' | 'width' | 'wrap'>): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = layoutWidth(options.width);
  const wrap = options.wrap === true;
  const lines = (text: string, w: number) => (wrap ? wrapAllToWidth(text, w) : wrapToWidth(text, w));
  const title = `Ticket ${clean(x.ticket.id)}${x.ticket.summary ? ` - ${clean(x.ticket.summary)}` : ''}`;
  const facts = [x.ticket.company, x.ticket.priority && `priority ${x.ticket.priority}`, x.ticket.source && `source ${x.ticket.source}`,
    x.home ? `routing puts it in ${x.home}` : 'no routing entry applies'].filter(Boolean).map((s) => clean(s as string));
  const header = [
    ...fitToWidth(title, width, wrap).map((l) => chalk.bold(l)),
    ...lines(facts.join(' · '), width),
    ...lines(`${clean(x.framework)}, as of ${localTime(x.asOf, x.timezone)}; times in ${clean(x.timezone)}`, width),
  ];
  const heading = (text: string) => chalk.bold(text);
  const sections = [header.join('\n'), `${heading('Timeline')}\n${timeline(x, width, heading, wrap)}`,
    `${heading('Stays')}\n${stays(x, width, heading, wrap)}`];
  if (x.pauses.length > 0) sections.push(`${heading('Pauses')}\n${pauses(x, width, heading, wrap)}`);
  sections.push(`${heading('Rules')}\n${rules(x, width, chalk, lines)}`);
  return `${sections.join('\n\n')}\n`;
}

function timeline(x: TicketExplanation, width: number, paint: (t: string) => string, wrap: boolean): string {
  const columns: Column[] = [
    { header: 'when', min: 20 }, { header: 'queue' }, { header: 'tier', numeric: true }, { header: 'status', flex: true },
    { header: 'assignee' }, { header: 'clock' }, { header: 'wall', numeric: true }, { header: 'business', numeric: true },
  ];
  const rows = x.events.map((e) => [e.local, clean(e.queue ?? (e.board === null ? null : `"${e.board}"`)), clean(e.tier), clean(e.status),
    clean(e.assignee), e.state, formatWallMinutes(e.wallMinutes), formatMinutes(e.businessMinutes)]);
  return renderTable(columns, rows, width, paint, wrap);
}

function stays(x: TicketExplanation, width: number, paint: (t: string) => string, wrap: boolean): string {
  const columns: Column[] = [
    { header: 'queue' }, { header: 'tier', numeric: true }, { header: 'from', min: 20 }, { header: 'running', numeric: true },
    { header: 'stopped', numeric: true }, { header: 'wall', numeric: true }, { header: 'calendar' }, { header: 'ending', flex: true },
  ];
  const rows = x.stays.map((s) => [clean(s.queue), clean(s.tier), s.fromLocal, formatMinutes(s.businessMinutes),
    formatMinutes(s.stoppedMinutes), formatWallMinutes(s.wallMinutes),
    `${clean(s.calendar)} (${formatMinutes(s.businessDayMinutes)} day)`, clean(s.ending)]);
  return renderTable(columns, rows, width, paint, wrap);
}

function pauses(x: TicketExplanation, width: number, paint: (t: string) => string, wrap: boolean): string {
  const columns: Column[] = [
    { header: 'from', min: 20 }, { header: 'to', min: 20 }, { header: 'queue' }, { header: 'business', numeric: true },
    { header: 'wall', numeric: true }, { header: 'statuses', flex: true },
  ];
  const rows = x.pauses.map((p) => [p.fromLocal, p.stillPaused ? 'still paused' : p.toLocal, clean(p.queue),
    formatMinutes(p.businessMinutes), formatWallMinutes(p.wallMinutes), clean(p.statuses.join(', '))]);
  return renderTable(columns, rows, width, paint, wrap);
}

function rules(x: TicketExplanation, width: number, chalk: InstanceType<typeof Chalk>, lines: (text: string, w: number) => string[]): string {
  if (x.rules.length === 0) return 'The framework has no enabled rules.';
  const INDENT = '    ';
  return x.rules.map((r) => {
    const mark = r.fired ? chalk.red('FIRED') : r.notJudged && !r.notJudged.partly ? chalk.yellow('n/a  ') : chalk.green('ok   ');
    const head = `${mark} ${clean(r.id)} (${clean(r.check)}, ${clean(r.severity)})`;
    const body = lines(sanitizeForTerminal(localizeInstants(r.explanation, x.timezone)), width - INDENT.length).map((l) => `${INDENT}${l}`);
    return [head, ...body].join('\n');
  }).join('\n');
}
