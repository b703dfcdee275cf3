import { createReadStream } from 'node:fs';
import { TicketAssembler } from '../assemble.js';
import type { DayOrder } from '../dates.js';
import { DistinctValues } from '../distinct-values.js';
import { forEachColumn } from '../flatten.js';
import { ErrorBudget, InputPart, type LoadContext, type PartRead } from '../input-part.js';
import type { Lookups } from '../lookups.js';
import type { Mapping } from '../mapping.js';
import { planColumns, type PlanRole } from '../plan.js';
import type { PresetId } from '../presets/index.js';
import { createCsvParser, pump } from '../read/csv.js';
import { CsvRecordSink, type CsvHeader } from '../read/csv-records.js';
import type { CsvDelimiter } from '../read/delimiter.js';
import { createDecoder } from '../read/encoding.js';
import { NdjsonLines } from '../read/ndjson.js';
import { CHUNK_BYTES, memorySource } from '../read/source.js';
import type { TextSourceInfo } from '../read/text-source.js';

/** One part of a history export for a worker: its bytes, and everything the main thread's reader would know. */
export interface PartJob {
  format: 'csv' | 'ndjson';
  info: TextSourceInfo;
  start: number;
  /** Exclusive. */
  end: number;
  /** The part's bytes, when the export is in memory (stdin, a pipe): else they are read from the file. */
  bytes: Uint8Array | undefined;
  /** CSV: the delimiter, and whether the first part starts with a `sep=` line. */
  delimiter: CsvDelimiter;
  sepLine: boolean;
  /** The first part starts at the file's start: a CSV's reads the header. */
  first: boolean;
  /** The header (NDJSON: the keys of the first records), for every part but a CSV's first. */
  header: Pick<CsvHeader, 'headers' | 'keys'> | undefined;
  plan: { preset: PresetId | undefined; mapping: Mapping | undefined; want: PlanRole };
  context: { timezone: string; dateFormat: string | undefined; dayOrder: DayOrder | undefined; nulls: string[]; lookups: Lookups };
}

export interface PartResult extends PartRead {
  /** The header's keys as this part read them (a CSV's first part only). */
  keys: string[] | undefined;
}

/**
 * Reads one part exactly as the whole file would be read (the same sink or line reader, row reader and
 * assembler), into an assembler of its own. Any problem at all throws: the caller then reads the file whole.
 */
export async function readPart(job: PartJob, onProgress: (bytes: number) => void): Promise<PartResult> {
  const { file } = job.info;
  const ctx: LoadContext = {
    ...job.context, assembler: new TicketAssembler(), budget: new ErrorBudget(0), distinct: new DistinctValues(),
  };
  let part: InputPart | undefined;
  const open = (header: Pick<CsvHeader, 'headers' | 'keys'>) => {
    const plan = planColumns(header.headers, file, job.plan.preset, job.plan.mapping, job.plan.want);
    part = new InputPart(file, plan, header.headers, header.keys, ctx);
  };
  if (job.header) open(job.header);
  const bytes = job.bytes ? bytesIn(job.bytes, onProgress) : bytesOf(file, job.start, job.end, onProgress);
  if (job.format === 'ndjson') {
    const endLine = await readNdjsonPart(bytes, file, job.header!.headers, (cells, line) => part!.push(cells, line));
    return { ...part!.exportPart(endLine), keys: undefined };
  }
  const sink = new CsvRecordSink(job.info, { delimiter: job.delimiter, loneCrIsLineBreak: false, skipSepLine: job.first && job.sepLine, header: job.header && { ...job.header, delimiter: job.delimiter, line: 1, trailingDelimiter: false } }, {
    onHeader: open,
    onRow: (cells, line) => part!.push(cells, line),
  });
  await pump(bytes, createCsvParser(job.delimiter, false), (cells) => sink.take(cells));
  if (!part || !sink.header) throw new Error('no header in this part');
  return { ...part.exportPart(sink.nextLine), keys: job.first ? sink.header.keys : undefined };
}

/** NDJSON lines as the whole-file read turns them into rows (RowTable): cells by key under `headers`; a key not among them throws. */
async function readNdjsonPart(bytes: AsyncIterable<Buffer> | Iterable<Buffer>, file: string, headers: string[],
  onRow: (cells: string[], line: number) => void): Promise<number> {
  const index = new Map(headers.map((h, i) => [h, i]));
  const lines = new NdjsonLines(file, (record) => {
    const cells = new Array<string | undefined>(headers.length);
    forEachColumn(record.value, (key, text) => {
      const k = index.get(key);
      if (k === undefined) throw new Error(`key "${key}" is not in the first records`);
      cells[k] = text;
    });
    onRow(cells as string[], record.line);
  });
  const decode = createDecoder('utf-8');
  for await (const chunk of bytes) lines.push(decode(chunk));
  lines.push(decode(new Uint8Array(0), true));
  lines.end();
  return lines.lines;
}

async function* bytesIn(bytes: Uint8Array, onProgress: (bytes: number) => void): AsyncIterable<Buffer> {
  let read = 0;
  for await (const chunk of memorySource('', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).chunks()) {
    read += chunk.length;
    onProgress(read);
    yield chunk;
  }
}

async function* bytesOf(file: string, start: number, end: number, onProgress: (bytes: number) => void): AsyncIterable<Buffer> {
  if (end <= start) return;
  const stream = createReadStream(file, { start, end: end - 1, highWaterMark: CHUNK_BYTES });
  let read = 0;
  try {
    for await (const chunk of stream) {
      read += (chunk as Buffer).length;
      onProgress(read);
      yield chunk as Buffer;
    }
  } finally {
    stream.destroy();
  }
}
