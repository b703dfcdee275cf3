import type { Report } from '../model/result.js';
import { formatCsv, formatCsvChunks } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatNdjson, formatNdjsonChunks } from './ndjson.js';
import { formatTable } from './table.js';

/** What a formatter may depend on besides the report: the CLI decides both from flags and the TTY. */
export interface FormatOptions {
  /** Emit ANSI colour (off for NO_COLOR, --no-color and non-TTY output). */
  color: boolean;
  /** Columns to fit (the CLI: --width, else COLUMNS, else the terminal's, else 100). */
  width: number;
  /**
   * The table: text too long for its column goes on over more lines instead of being cut with an
   * ellipsis, so nothing is lost (the CLI sets it for files, pipes and mail). Default false.
   */
  wrap?: boolean;
  /** CSV for Excel: starts with a UTF-8 byte order mark, so Excel does not read the file as ANSI. */
  excel?: boolean;
}

/** A pure formatter: the CLI writes what it returns. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/** Every output format by id; the keys feed the CLI's `--format` choices. */
export const formatters = {
  table: formatTable,
  json: formatJson,
  ndjson: formatNdjson,
  csv: formatCsv,
  markdown: formatMarkdown,
  html: formatHtml,
} as const satisfies Record<string, Formatter>;

export type FormatId = keyof typeof formatters;

/** A formatter that hands its output over in pieces, the same bytes as its string: for large reports. */
export type ChunkedFormatter = (report: Report, options: FormatOptions) => Iterable<string>;

/** The formats whose size grows with the findings, in pieces. */
export const chunkedFormatters: Partial<Record<FormatId, ChunkedFormatter>> = {
  json: formatJsonChunks,
  ndjson: formatNdjsonChunks,
  csv: formatCsvChunks,
};

/** A report in pieces: the chunked formatter when the format has one, else its whole string as one piece. */
export function formatChunks(id: FormatId, report: Report, options: FormatOptions): Iterable<string> {
  const chunked = chunkedFormatters[id];
  return chunked ? chunked(report, options) : [formatters[id](report, options)];
}
