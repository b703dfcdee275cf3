import { InputError } from '../errors.js';
import type { InputSummary } from '../model/result.js';
import { compareTicketIds, type Ticket } from '../model/ticket.js';
import { TicketAssembler } from './assemble.js';
import type { DayOrder } from './dates.js';
import type { Mapping } from './mapping.js';
import { planColumns, type ColumnPlan } from './plan.js';
import type { PresetId } from './presets/index.js';
import { readCsv, sniffFormat } from './read/index.js';
import { DEFAULT_NULLS, RowReader } from './row-reader.js';

export interface LoadOptions {
  preset?: PresetId;
  mapping?: Mapping;
  /** Zone for timestamps without an offset (the mapping's wins). */
  timezone: string;
  encoding?: string;
  /** Settles day/month order for every file (the mapping's wins). */
  dayOrder?: DayOrder;
}

export interface LoadedExports {
  tickets: Ticket[];
  inputs: InputSummary[];
  /** History rows read (events); 0 when every input is a ticket list. */
  events: number;
  notes: string[];
  /** Per input: the plan and date layouts decided, for `inspect` and explanations. */
  details: { file: string; plan: ColumnPlan; dateFormats: Record<string, string> }[];
}

/** Reads every export file into tickets: ticket lists and histories joined by ticket id. */
export async function loadExports(files: string[], options: LoadOptions): Promise<LoadedExports> {
  if (files.length === 0) throw new InputError('no export file given', undefined, 'pass one or more CSV exports, e.g. escalation-audit audit tickets.csv history.csv');
  const assembler = new TicketAssembler();
  const inputs: InputSummary[] = [];
  const details: LoadedExports['details'] = [];
  for (const file of files) {
    const format = await sniffFormat(file);
    if (format !== 'csv') {
      throw new InputError(`${format.toUpperCase()} exports are not read yet`, { file }, 'export the tickets as CSV');
    }
    const ids = new Set<string>();
    let reader: RowReader | undefined;
    let plan: ColumnPlan | undefined;
    const result = await readCsv(file, {
      encoding: options.encoding,
      onHeader(header) {
        plan = planColumns(header.headers, file, options.preset, options.mapping);
        const role = plan.role;
        reader = new RowReader({
          file, headers: header.headers, keys: header.keys, plan, timezone: options.mapping?.dates.timezone ?? options.timezone,
          dateFormat: options.mapping?.dates.format, dayOrder: options.mapping?.dates.dayOrder ?? options.dayOrder,
          nulls: options.mapping?.nulls ?? DEFAULT_NULLS,
          onRow: (id, row) => {
            ids.add(id);
            if (role === 'history') assembler.addEvent(id, row);
            else assembler.addSnapshot(id, row);
          },
        });
      },
      onRow(cells, line) {
        reader!.push(cells, line);
      },
    });
    reader?.finish();
    if (!plan) throw new InputError('empty file: no header row', { file, line: 1 });
    inputs.push({ file, format: 'csv', preset: plan.preset.id, role: plan.role, encoding: result.info.encoding, rows: result.rows, tickets: ids.size });
    details.push({ file, plan, dateFormats: { ...reader!.decidedFormats } });
  }
  return finishLoad(assembler, inputs, details);
}

function finishLoad(assembler: TicketAssembler, inputs: InputSummary[], details: LoadedExports['details']): LoadedExports {
  if (assembler.hasSnapshots && inputs.some((i) => i.role === 'history')) {
    const orphans = assembler.historyOnlyIds();
    if (orphans.length) {
      const file = inputs.find((i) => i.role === 'history')!.file;
      throw new InputError(`${orphans.length} ticket(s) in the history are not in the ticket list: ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ', ...' : ''}`,
        { file }, 'export the ticket list and its history for the same tickets and period');
    }
  }
  const tickets = assembler.build().sort((a, b) => compareTicketIds(a.id, b.id));
  const notes: string[] = [];
  const snapshotOnly = tickets.filter((t) => t.history === 'snapshot').length;
  if (snapshotOnly > 0) {
    notes.push(`history not available for ${snapshotOnly} of ${tickets.length} tickets: their timeline is built from created/updated/closed only, so queue moves before their current queue are not seen`);
  }
  return { tickets, inputs, events: assembler.historyRows, notes, details };
}
