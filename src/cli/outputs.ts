import { InvalidArgumentError, Option } from 'commander';
import { InputError } from '../errors.js';
import type { Report } from '../model/result.js';
import { binaryFormatters, formatChunks, formatters, isBinaryFormat, type FormatId, type FormatOptions } from '../report/formatters.js';
import { fileName } from '../report/heading.js';
import { tableLayout, wantsColor, type CliIo } from './io.js';
import { parseWidth } from './options.js';

/** A flag value with its place on the command line, so `-f html -o a.html -f csv -o b.csv` pairs up. */
export interface Tagged<T> { value: T; seq: number }

let nextSeq = 0;
const tag = <T>(value: T, previous: Tagged<T>[] | undefined): Tagged<T>[] => [...(previous ?? []), { value, seq: nextSeq++ }];

export const formatIds = () => [...Object.keys(formatters), ...Object.keys(binaryFormatters)] as FormatId[];

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'report format, repeatable: each --format takes the --output after it (default: table)')
    .choices(formatIds())
    .argParser((value: string, previous: Tagged<FormatId>[] | undefined) => {
      if (!(formatIds() as string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${formatIds().join(', ')}.`);
      return tag(value as FormatId, previous);
    });
}

/** `--width`: the columns tables fit, whether they go to stdout or a file. */
export function widthOption(): Option {
  return new Option('--width <n>', 'columns the table fits (default: COLUMNS, else the terminal\'s width, else 100); off a terminal long text wraps')
    .argParser(parseWidth);
}

export function outputOption(): Option {
  return new Option('-o, --output <file>', 'write the report of the --format before it to a file (atomically) instead of stdout')
    .argParser((value: string, previous: Tagged<string>[] | undefined) => tag(value, previous));
}

/** One report to produce: a format, and a file or (undefined) stdout. */
export interface OutputTarget { format: FormatId; file: string | undefined }

const PAIRING_HINT = 'give each --format its --output right after it: -f html -o report.html -f csv -o findings.csv; '
  + 'at most one --format without --output (it goes to stdout)';

/**
 * Pairs formats with files. As many of each: in order. One format more: each --output belongs to the
 * --format just before it, and the one left over goes to stdout. Anything else is a usage error.
 */
export function planOutputs(formats: Tagged<FormatId>[] = [], outputs: Tagged<string>[] = []): OutputTarget[] {
  const fs = formats.length > 0 ? formats : [{ value: 'table' as FormatId, seq: -1 }];
  const fail = (what: string) => new InputError(what, undefined, PAIRING_HINT);
  let targets: OutputTarget[];
  if (fs.length === outputs.length) {
    targets = fs.map((f, i) => ({ format: f.value, file: outputs[i]!.value }));
  } else if (fs.length === outputs.length + 1) {
    targets = pairAdjacent(fs, outputs, fail);
  } else {
    throw fail(`${fs.length} --format and ${outputs.length} --output do not pair up`);
  }
  const files = targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw fail(`--output ${twice} is given twice`);
  return targets;
}

function pairAdjacent(formats: Tagged<FormatId>[], outputs: Tagged<string>[], fail: (w: string) => InputError): OutputTarget[] {
  const targets: OutputTarget[] = formats.map((f) => ({ format: f.value, file: undefined }));
  for (const o of outputs) {
    const before = formats.findLastIndex((f) => f.seq < o.seq);
    if (before < 0 || targets[before]!.file !== undefined) throw fail(`--output ${o.value} does not follow a --format of its own`);
    targets[before]!.file = o.value;
  }
  return targets;
}

/** A rendered report, ready to write: text, or the bytes of a binary format. */
export type RenderedOutput = { target: OutputTarget; text: string; bytes?: undefined } | { target: OutputTarget; bytes: Uint8Array; text?: undefined };

/** Renders every output before anything is written: a formatter that fails leaves no file behind. */
/** The flags that shape how a report is rendered. */
export interface RenderFlags {
  color?: boolean | undefined; excel?: boolean | undefined; width?: number | undefined;
  findingsPerKind?: number | undefined; allFindings?: boolean | undefined;
  /** Where the full list of findings is (another output of the run), for the formats that show only the worst. */
  fullList?: string | undefined;
  /** Where every queue and assignee row is (the JSON report or the workbook of the run). */
  fullRows?: string | undefined;
}

/** The formats that hold every finding, as a reader would name them. */
const FULL_LISTS: Partial<Record<FormatId, string>> = { xlsx: 'workbook', csv: 'CSV file', json: 'JSON report', ndjson: 'NDJSON file' };

/** `in the CSV file findings.csv`: the first output of the run with every finding, by file name; undefined when there is none. */
export function fullListOf(targets: OutputTarget[]): string | undefined {
  const order: FormatId[] = ['xlsx', 'csv', 'json', 'ndjson'];
  const target = order.flatMap((f) => targets.filter((t) => t.format === f && t.file !== undefined))[0];
  return target && `in the ${FULL_LISTS[target.format]} ${fileName(target.file!)}`;
}

/** `in the workbook report.xlsx`: the first output of the run with every queue and assignee row (CSV and NDJSON have findings only). */
export function fullRowsOf(targets: OutputTarget[]): string | undefined {
  const target = (['xlsx', 'json'] as const).flatMap((f) => targets.filter((t) => t.format === f && t.file !== undefined))[0];
  return target && `in the ${FULL_LISTS[target.format]} ${fileName(target.file!)}`;
}

export async function renderOutputs(report: Report, targets: OutputTarget[], io: CliIo, flags: RenderFlags): Promise<RenderedOutput[]> {
  const out: RenderedOutput[] = [];
  for (const target of targets) {
    const options = formatOptions(target, io, flags);
    const format = target.format;
    out.push(isBinaryFormat(format) ? { target, bytes: await binaryFormatters[format](report, options) } : { target, text: formatters[format](report, options) });
  }
  return out;
}

/** A report to write to a file, in pieces rendered while it is written (see `writeFilesAtomic`), or bytes. */
export interface StreamedOutput { target: OutputTarget & { file: string }; pieces: Iterable<string> | Uint8Array }

/** The file outputs as pieces: rendering happens as they are written, so a large report is never one string. A workbook is built whole first. */
export async function streamOutputs(report: Report, targets: OutputTarget[], io: CliIo, flags: RenderFlags): Promise<StreamedOutput[]> {
  const out: StreamedOutput[] = [];
  for (const target of targets) {
    if (target.file === undefined) continue;
    const options = formatOptions(target, io, flags);
    const format = target.format;
    out.push({ target: { ...target, file: target.file },
      pieces: isBinaryFormat(format) ? await binaryFormatters[format](report, options) : formatChunks(format, report, options) });
  }
  return out;
}

/**
 * A workbook is bytes: never printed on a terminal (it would garble it) nor to stderr; to stdout only
 * when stdout is a file or a pipe (`> report.xlsx`, `| upload`). Checked before any export is read.
 */
export function refuseBinaryOnTerminal(targets: OutputTarget[], stdoutIsTTY: boolean): void {
  for (const t of targets) {
    if (!isBinaryFormat(t.format)) continue;
    if (t.file === '/dev/stderr') throw new InputError(`--format ${t.format} is a binary file and cannot go to stderr`, undefined, `write it to a file: -f ${t.format} -o report.${t.format}`);
    if ((t.file === undefined || t.file === '/dev/stdout') && stdoutIsTTY) {
      throw new InputError(`--format ${t.format} is a binary file: it is not printed on a terminal`, undefined,
        `write it to a file (-f ${t.format} -o report.${t.format}) or redirect stdout (> report.${t.format})`);
    }
  }
}

function formatOptions(target: OutputTarget, io: CliIo, flags: RenderFlags): FormatOptions {
  const toStdout = target.file === undefined;
  return {
    color: toStdout && target.format === 'table' && wantsColor(io, flags.color),
    ...tableLayout(io, flags.width, toStdout),
    excel: flags.excel === true,
    findingsPerKind: flags.allFindings ? Infinity : flags.findingsPerKind,
    fullList: flags.fullList,
    fullRows: flags.fullRows,
  };
}
