import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputRead, FileOptions } from '../load-csv.js';
import { sourceFacts } from '../load-csv.js';
import { findUnroller } from '../load-json.js';
import { InputPart, type LoadContext, type SourceFacts } from '../input-part.js';
import { planColumns, type ColumnPlan, type PlanRole } from '../plan.js';
import { uniqueKeys } from '../read/headers.js';
import { readNdjson } from '../read/ndjson.js';
import { RowTable } from '../row-table.js';
import { createCsvParser, pump } from '../read/csv.js';
import { CsvRecordSink, type CsvHeader } from '../read/csv-records.js';
import { sniffCsvLayout } from '../read/delimiter.js';
import { STDIN_PATH } from '../read/source.js';
import { encodingNotice, openText, type TextSource, type TextSourceInfo } from '../read/text-source.js';
import { unpackRows } from './packed-rows.js';
import { findSplitPoints } from './split-points.js';
import type { PartJob, PartResult } from './part-job.js';
import type { PartMessage } from './part-worker.js';

/** How a large history (CSV, NDJSON) is read in parts; defaults suit a real run, tests set their own. */
export interface PartsTuning {
  /** Files smaller than this are read in one piece: starting workers would cost more than it saves. Default 8 MiB. */
  minBytes?: number;
  /** How many parts (workers) at most. Default: the cores Node may use. */
  parts?: number;
  /** Told whether the file was read in parts, or why not. */
  onOutcome?: (file: string, outcome: PartsOutcome) => void;
}

export type PartsOutcome = { parts: number } | { whole: string };

const DEFAULT_MIN_BYTES = 8 * 1024 * 1024;
const MAX_PARTS = 8;
const UTF8_BOM_BYTES = 3;

type Whole = (why: string) => undefined;

/** The export opened for reading in parts, or undefined (said through `whole`) when it is not worth it or not possible. */
async function openForParts(file: string, options: FileOptions, tuning: PartsTuning, whole: Whole) {
  const parts = Math.min(tuning.parts ?? availableParallelism(), MAX_PARTS);
  if (parts < 2) return whole('one core');
  const minBytes = tuning.minBytes ?? DEFAULT_MIN_BYTES;
  // A file's size is known before it is opened (which validates it whole); stdin and pipes are read into memory first.
  const fileBytes = file === STDIN_PATH ? undefined : await stat(file).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
  if (fileBytes !== undefined && fileBytes < minBytes) return whole('small file');
  const text = await openText(file, { encoding: options.encoding, stdin: options.stdin }).catch(() => undefined);
  if (!text) return whole('not readable as text');
  if (text.info.bytes < minBytes) return whole('small file');
  if (text.info.encoding !== 'utf-8') return whole(`encoding ${text.info.encoding}`);
  return { text, parts, start: text.info.bom ? UTF8_BOM_BYTES : 0 };
}

const outcomeOf = (file: string, tuning: PartsTuning): Whole => (why) => {
  tuning.onOutcome?.(file, { whole: why });
  return undefined;
};

const planOf = (headers: string[], file: string, options: FileOptions, want: PlanRole) => {
  try {
    return planColumns(headers, file, options.preset, options.mapping, want);
  } catch {
    return undefined;
  }
};

/**
 * Reads a large history CSV in parts, one worker thread per core, and appends the parts in file order:
 * the same tickets, counts and line numbers as reading it whole. Returns undefined, having changed
 * nothing, when the file is not such a file or any part could not be read exactly as the whole file
 * would be (a bad row, a cut inside a quoted cell, a day order one part settled differently): the
 * caller then reads it whole, which also gives the error message.
 */
export async function readCsvInParts(file: string, options: FileOptions, ctx: LoadContext, tuning: PartsTuning = {}): Promise<InputRead | undefined> {
  const whole = outcomeOf(file, tuning);
  const opened = await openForParts(file, options, tuning, whole);
  if (!opened) return undefined;
  const { text, parts, start } = opened;
  const { info } = text;
  const layout = sniffCsvLayout(text.head);
  if (layout.lineBreak === '\r') return whole('lone CR line breaks');
  const header = await headerOf(text.head, info, layout);
  if (!header) return whole('no header in the first 64 KiB');
  const want: PlanRole = { asHistory: options.asHistory, onlyInput: options.onlyInput };
  const plan = planOf(header.headers, info.file, options, want);
  if (!plan) return whole('columns not recognised');
  if (plan.role !== 'history') return whole('a ticket list');
  const cuts = await findSplitPoints(text.data ?? file, start, info.bytes, parts);
  const common = { format: 'csv' as const, delimiter: header.delimiter, sepLine: layout.sepLine, plan: { preset: options.preset, mapping: options.mapping, want } };
  return readParts({ file, text, start, cuts, header, plan, ctx, options, tuning, whole, job: (k) => ({ ...common, header: k === 0 ? undefined : header }),
    facts: sourceFacts(info, header.delimiter) });
}

/**
 * The same for a large NDJSON history of flat records (no preset unrolls them): cut after any line feed
 * (a JSON line has none inside). Its header is every key of the records, in the order first met: the
 * keys of the first 64 KiB, which every part checks it has no other of.
 */
export async function readNdjsonInParts(file: string, options: FileOptions, ctx: LoadContext, tuning: PartsTuning = {}): Promise<InputRead | undefined> {
  const whole = outcomeOf(file, tuning);
  if (!/\.(ndjson|jsonl)$/i.test(file)) return whole('not an .ndjson or .jsonl file');
  const opened = await openForParts(file, options, tuning, whole);
  if (!opened) return undefined;
  const { text, parts, start } = opened;
  const { info } = text;
  const headers = headKeys(text.head, info.file, options);
  if (!headers) return whole('no plain records in the first 64 KiB');
  const want: PlanRole = { role: undefined, asHistory: options.asHistory, within: undefined, unrolled: undefined };
  const plan = planOf(headers, info.file, options, want);
  if (!plan) return whole('columns not recognised');
  if (plan.role !== 'history') return whole('a ticket list');
  const header = { headers, keys: uniqueKeys(headers) };
  const cuts = await findLineCuts(text.data ?? file, start, info.bytes, parts);
  return readParts({ file, text, start, cuts, header, plan, ctx, options, tuning, whole,
    job: () => ({ format: 'ndjson', delimiter: ',', sepLine: false, header, plan: { preset: options.preset, mapping: options.mapping, want } }),
    facts: sourceFacts(info, undefined) });
}

/** Cuts after line feeds only: the quote counting of CSV cuts, on text with no quote (JSON's are all inside lines). */
const findLineCuts = (source: string | Buffer, start: number, size: number, parts: number) => findSplitPoints(source, start, size, parts, false);

/** The header the whole read's RowTable would give the complete lines of the head; undefined when a line is not a plain record. */
function headKeys(head: string, file: string, options: FileOptions): string[] | undefined {
  let records;
  try {
    records = readNdjson(head.slice(0, head.lastIndexOf('\n') + 1), file);
  } catch {
    return undefined;
  }
  if (records.length === 0 || findUnroller(records[0]!.value, options.preset ?? options.mapping?.preset)) return undefined;
  const table = new RowTable();
  for (const r of records) table.addRecord(r.value, r.line);
  return table.keys;
}

interface PartsRead {
  file: string;
  text: TextSource;
  start: number;
  cuts: number[];
  header: { headers: string[]; keys: string[] };
  plan: ColumnPlan;
  ctx: LoadContext;
  options: FileOptions;
  tuning: PartsTuning;
  whole: Whole;
  job: (k: number) => Omit<PartJob, 'info' | 'start' | 'end' | 'bytes' | 'first' | 'context'>;
  facts: SourceFacts;
}

/** Runs the parts, checks they add up to the whole file, and only then appends them. */
async function readParts(r: PartsRead): Promise<InputRead | undefined> {
  const { text, ctx, whole } = r;
  const { info } = text;
  if (r.cuts.length === 0) return whole('no place to cut');
  const bounds = [r.start, ...r.cuts, info.bytes];
  const job = (k: number): PartJob => ({
    ...r.job(k), info, start: bounds[k]!, end: bounds[k + 1]!, first: k === 0,
    bytes: text.data && new Uint8Array(text.data.subarray(bounds[k]!, bounds[k + 1]!)),
    context: { timezone: ctx.timezone, dateFormat: ctx.dateFormat, dayOrder: ctx.dayOrder, nulls: ctx.nulls, lookups: ctx.lookups },
  });
  const read = new Array<number>(bounds.length - 1).fill(0);
  const results = await runParts(bounds.length - 1, job, (k, bytes) => {
    read[k] = bytes;
    r.options.onProgress?.(r.start + read.reduce((a, b) => a + b, 0), info.bytes);
  });
  if (typeof results === 'string') return whole(results);
  const problem = mismatch(results, r.header);
  if (problem) return whole(problem);
  // The one check that changes what it checks: past it, nothing can fail.
  if (!ctx.distinct.absorb(mergedDistinct(results))) return whole('too many distinct values');
  const inputPart = new InputPart(info.file, r.plan, r.header.headers, r.header.keys, ctx);
  let lineOffset = 0;
  for (const part of results) {
    inputPart.absorb(part, lineOffset);
    lineOffset += part.endLine - 1;
  }
  r.tuning.onOutcome?.(r.file, { parts: results.length });
  const format = r.job(0).format;
  return { ...inputPart.finish(format, r.facts), firstProblem: undefined, notice: encodingNotice(info) };
}

/** The header as the whole-file read would find it, from the decoded head; undefined when the head holds none. */
async function headerOf(head: string, info: TextSourceInfo, layout: ReturnType<typeof sniffCsvLayout>): Promise<CsvHeader | undefined> {
  const complete = head.slice(0, head.lastIndexOf('\n') + 1);
  let header: CsvHeader | undefined;
  const found = new Error('header found');
  const sink = new CsvRecordSink(info, { delimiter: layout.delimiter, loneCrIsLineBreak: false, skipSepLine: layout.sepLine }, {
    onHeader: (h) => {
      header = h;
      throw found;
    },
    onRow: () => undefined,
  });
  try {
    await pump([complete], createCsvParser(layout.delimiter, false), (cells) => sink.take(cells));
  } catch (error) {
    if (error !== found) return undefined;
  }
  return header;
}

/** Why the parts do not add up to the whole file, or undefined when they do. */
function mismatch(parts: PartResult[], header: { keys: string[] }): string | undefined {
  const keys = parts[0]!.keys;
  if (keys && keys.join('\u0000') !== header.keys.join('\u0000')) return 'the first part read another header';
  // Only the first part reads what the whole file reads up to its end. Reading on, the whole file parses
  // the other parts with the layouts it settled there: so each must be settled before that end (not by
  // the part's end deciding it, which the whole read would not), and no later part may settle another
  // column (the whole read would settle it with every column's day order at hand, or refuse it).
  const first = parts[0]!;
  if (first.openDates.length > 0) return `the first part ends with ${first.openDates.join(', ')} dates not yet settled`;
  for (const p of parts) {
    for (const [field, label] of Object.entries(p.dateFormats)) {
      const settled = first.dateFormats[field];
      if (settled === undefined) return `${field} dates first settled after the first part`;
      if (settled !== label) return `parts read ${field} dates as ${settled} and ${label}`;
    }
  }
  if (parts.every((p) => p.rows === 0)) return 'no rows';
  return undefined;
}

function mergedDistinct(parts: PartResult[]): string[][] {
  return parts[0]!.distinct.map((_, k) => [...new Set(parts.flatMap((p) => p.distinct[k] ?? []))]);
}

/** The worker's compiled file: beside this one in dist/; from the sources (tests), the built copy. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../../dist/ingest/parallel/part-worker.js', here) : new URL('./part-worker.js', here);
}

/** Runs every part in its own worker; the parts in order, or why one failed (the others are stopped). */
function runParts(count: number, job: (k: number) => PartJob, onProgress: (k: number, bytes: number) => void): Promise<PartResult[] | string> {
  const workers: Worker[] = [];
  return new Promise<PartResult[] | string>((resolve) => {
    const results = new Array<PartResult | undefined>(count);
    let left = count;
    let failed = false;
    const fail = (why: string) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      resolve(why);
    };
    for (let k = 0; k < count; k++) {
      const data = job(k);
      let worker: Worker;
      try {
        // A part in memory moves to its worker instead of being copied again.
        worker = new Worker(workerUrl(), { workerData: data, transferList: data.bytes ? [data.bytes.buffer as ArrayBuffer] : [] });
      } catch (error) {
        fail(`part ${k + 1}: no worker (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
      workers.push(worker);
      worker.on('message', (message: PartMessage) => {
        if ('progress' in message) return onProgress(k, message.progress);
        if (!message.ok) return fail(`part ${k + 1}: ${message.why}`);
        const { assembled } = message.part;
        results[k] = { ...message.part, assembled: { ...assembled, latest: unpackRows(assembled.latest) } };
        if (--left === 0 && !failed) resolve(results as PartResult[]);
      });
      worker.on('error', (error) => fail(`part ${k + 1}: ${error.message}`));
      worker.on('exit', (code) => {
        if (results[k] === undefined) fail(`part ${k + 1}: worker stopped (exit code ${code})`);
      });
    }
  });
}
