import { InputError } from '../errors.js';
import { InputPart, type InputDetail, type LoadContext, type SourceFacts } from './input-part.js';
import type { Mapping } from './mapping.js';
import { readCsvInParts, type PartsTuning } from './parallel/read-in-parts.js';
import { planColumns } from './plan.js';
import type { PresetId } from './presets/index.js';
import { encodingNotice, readCsv, type TextSourceInfo } from './read/index.js';
import type { InputSummary } from '../model/result.js';

export interface InputRead {
  summary: InputSummary;
  detail: InputDetail;
  /** The first bad row skipped under --max-errors. */
  firstProblem: InputError | undefined;
  /** Said when the encoding was guessed (Windows-1252, UTF-16 without BOM). */
  notice: string | null;
}

export interface FileOptions {
  preset: PresetId | undefined;
  mapping: Mapping | undefined;
  encoding: string | undefined;
  asHistory: boolean;
  /** The only export of the run: a mapped column it lacks is an error at its header. */
  onlyInput: boolean;
  stdin: NodeJS.ReadableStream | undefined;
  onProgress: ((bytesRead: number, totalBytes: number) => void) | undefined;
  /** Reading a large history in parts, on every core (see parallel/read-in-parts.ts). */
  parallel?: PartsTuning | undefined;
}

/** Streams one CSV export into the assembler: the header picks the plan, rows are read as they come. */
export async function loadCsvFile(file: string, options: FileOptions, ctx: LoadContext): Promise<InputRead[]> {
  const inParts = await readCsvInParts(file, options, ctx, options.parallel);
  if (inParts) return [inParts];
  let part: InputPart | undefined;
  let delimiter: string | undefined;
  const result = await readCsv(file, {
    encoding: options.encoding,
    stdin: options.stdin,
    onProgress: options.onProgress,
    onHeader(header, info) {
      const plan = planColumns(header.headers, info.file, options.preset, options.mapping, { asHistory: options.asHistory, onlyInput: options.onlyInput });
      part = new InputPart(info.file, plan, header.headers, header.keys, ctx);
      delimiter = header.delimiter;
    },
    onRow(cells, line) {
      part!.push(cells, line);
    },
    onBadRow: ctx.budget.max > 0 ? (problem) => {
      part!.rows++;
      part!.skip(problem);
    } : undefined,
  });
  if (!part) throw new InputError('empty file: no header row', { file, line: 1 });
  if (part.rows === 0) {
    throw new InputError('no rows below the header', { file: result.info.file, line: result.header.line + 1 },
      'the export holds column names only: export again with the tickets (check the filter and date range)');
  }
  return [{ ...part.finish('csv', sourceFacts(result.info, delimiter)), firstProblem: part.firstProblem, notice: encodingNotice(result.info) }];
}

export function sourceFacts(info: TextSourceInfo, delimiter: string | undefined): SourceFacts {
  const encodingBy = info.encodingForced ? '--encoding' : info.bom ? 'bom' : encodingNotice(info) ? 'guessed' : 'detected';
  return { encoding: info.encoding, encodingBy, delimiter };
}
