import { InputError } from '../errors.js';
import type { InputSummary } from '../model/result.js';
import { sortByTicketId, type Ticket } from '../model/ticket.js';
import { TicketAssembler } from './assemble.js';
import type { DayOrder } from './dates.js';
import { DistinctValues } from './distinct-values.js';
import { ErrorBudget, type InputDetail, type LoadContext } from './input-part.js';
import type { PartsTuning } from './parallel/read-in-parts.js';
import { loadCsvFile, type FileOptions, type InputRead } from './load-csv.js';
import { loadJsonFile } from './load-json.js';
import { loadNotes } from './load-notes.js';
import { checkMappingUsed } from './mapped-columns.js';
import { readLookups } from './lookups.js';
import type { Mapping } from './mapping.js';
import type { PresetId } from './presets/index.js';
import { sniffFormat } from './read/index.js';
import { DEFAULT_NULLS } from './row-reader.js';

export interface LoadOptions {
  preset?: PresetId;
  mapping?: Mapping;
  /** Zone for timestamps without an offset (the mapping's wins). Default: UTC. */
  timezone?: string;
  encoding?: string;
  /** Settles day/month order for every file (the mapping's wins). */
  dayOrder?: DayOrder;
  /** Progress of each file's read, for a progress bar. */
  onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
  /** Change histories (`--history`): read besides `files`, as history whatever their header looks like. */
  history?: string[];
  /** Bad rows to skip and count before stopping (`--max-errors`); 0 (default) stops at the first. */
  maxErrors?: number;
  /** Where the path `-` reads from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /**
   * A history CSV or NDJSON of 8 MiB or more is read in parts, one worker thread per core, with the same result
   * as reading it whole; this tunes that (tests force it on small files). Default: as described.
   */
  parallel?: PartsTuning;
}

export interface LoadedExports {
  tickets: Ticket[];
  inputs: InputSummary[];
  /** History rows read (events); 0 when every input is a ticket list. */
  events: number;
  notes: string[];
  /** Per input: the plan (with why its preset was chosen) and date layouts decided, for `inspect`. */
  details: InputDetail[];
}

/** Reads every export file (CSV, JSON, NDJSON, `-` for stdin) into tickets: ticket lists and histories joined by ticket id. */
export async function loadExports(files: string[], options: LoadOptions = {}): Promise<LoadedExports> {
  const history = options.history ?? [];
  const all = [...files, ...history.filter((f) => !files.includes(f))];
  if (all.length === 0) throw new InputError('no export file given', undefined, 'pass one or more exports, e.g. escalation-audit audit tickets.csv history.csv');
  const { mapping } = options;
  const ctx: LoadContext = {
    assembler: new TicketAssembler(),
    timezone: mapping?.dates.timezone ?? options.timezone ?? 'UTC',
    dateFormat: mapping?.dates.format,
    dayOrder: mapping?.dates.dayOrder ?? options.dayOrder,
    nulls: mapping?.nulls ?? DEFAULT_NULLS,
    lookups: await readLookups(mapping, options.encoding),
    budget: new ErrorBudget(Math.max(0, options.maxErrors ?? 0)),
    distinct: new DistinctValues(),
  };
  const reads: InputRead[] = [];
  for (const file of all) {
    const fileOptions: FileOptions = {
      preset: options.preset, mapping, encoding: options.encoding, asHistory: history.includes(file), onlyInput: all.length === 1, stdin: options.stdin,
      onProgress: options.onProgress && ((read, total) => options.onProgress!(file, read, total)), parallel: options.parallel,
    };
    const format = await sniffFormat(file, options.stdin);
    reads.push(...(format === 'csv' ? await loadCsvFile(file, fileOptions, ctx) : await loadJsonFile(file, fileOptions, ctx)));
  }
  checkMappingUsed(mapping, reads.map((r) => r.detail));
  return finishLoad(ctx.assembler, reads);
}

function finishLoad(assembler: TicketAssembler, reads: InputRead[]): LoadedExports {
  const inputs = reads.map((r) => r.summary);
  if (assembler.hasSnapshots && inputs.some((i) => i.role === 'history')) {
    const orphans = assembler.historyOnly();
    if (orphans.length) {
      const ids = orphans.slice(0, 5).map((o) => o.id).join(', ') + (orphans.length > 5 ? ', ...' : '');
      const { file, line, id } = orphans[0]!;
      throw new InputError(`${orphans.length} ticket(s) in the history are not in the ticket list: ${ids}${orphans.length > 1 ? ` (the line is the first row of "${id}")` : ''}`,
        { file, line }, 'export the ticket list and its history for the same tickets and period');
    }
  }
  const tickets = sortByTicketId(assembler.build());
  return { tickets, inputs, events: assembler.historyRows, notes: loadNotes(tickets, reads), details: reads.map((r) => r.detail) };
}
