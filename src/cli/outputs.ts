import { InvalidArgumentError, Option } from 'commander';
import { InputError } from '../errors.js';
import type { Report } from '../model/result.js';
import { formatChunks, formatters, type FormatId, type FormatOptions } from '../report/formatters.js';
import { tableLayout, wantsColor, type CliIo } from './io.js';
import { parseWidth } from './options.js';

/** A flag value with its place on the command line, so `-f html -o a.html -f csv -o b.csv` pairs up. */
export interface Tagged<T> { value: T; seq: number }

let nextSeq = 0;
const tag = <T>(value: T, previous: Tagged<T>[] | undefined): Tagged<T>[] => [...(previous ?? []), { value, seq: nextSeq++ }];

export const formatIds = () => Object.keys(formatters) as FormatId[];

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

export interface RenderedOutput { target: OutputTarget; text: string }

/** Renders every output before anything is written: a formatter that fails leaves no file behind. */
/** The flags that shape how a report is rendered. */
export interface RenderFlags { color?: boolean | undefined; excel?: boolean | undefined; width?: number | undefined }

export function renderOutputs(report: Report, targets: OutputTarget[], io: CliIo, flags: RenderFlags): RenderedOutput[] {
  return targets.map((target) => ({ target, text: formatters[target.format](report, formatOptions(target, io, flags)) }));
}

/** A report to write to a file, in pieces rendered while it is written (see `writeFilesAtomic`). */
export interface StreamedOutput { target: OutputTarget & { file: string }; pieces: Iterable<string> }

/** The file outputs as pieces: rendering happens as they are written, so a large report is never one string. */
export function streamOutputs(report: Report, targets: OutputTarget[], io: CliIo, flags: RenderFlags): StreamedOutput[] {
  return targets.flatMap((target) => (target.file === undefined ? []
    : [{ target: { ...target, file: target.file }, pieces: formatChunks(target.format, report, formatOptions(target, io, flags)) }]));
}

function formatOptions(target: OutputTarget, io: CliIo, flags: RenderFlags): FormatOptions {
  const toStdout = target.file === undefined;
  return {
    color: toStdout && target.format === 'table' && wantsColor(io, flags.color),
    ...tableLayout(io, flags.width, toStdout),
    excel: flags.excel === true,
  };
}
