import type { Report } from '../model/result.js';
import { formatCsv, formatCsvChunks } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatNdjson, formatNdjsonChunks } from './ndjson.js';
import { formatTable } from './table.js';
import { formatXlsx } from './xlsx.js';

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
  /** CSV for Excel: starts with a UTF-8 byte order mark, and writes `at` as a date-time a spreadsheet reads as one. */
  excel?: boolean;
  /** HTML and Markdown (default 25), the table (default all): findings of each kind shown in full, worst first (Infinity: all). */
  findingsPerKind?: number;
  /** Where the full list of findings is, in words (`in findings.csv beside this report`), for the line saying how many more there are. */
  fullList?: string;
  /** Where every queue and assignee row is (`in the JSON report report.json`), for the line under a cut table. */
  fullRows?: string;
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

/** A formatter of a binary format (a zip file): bytes, built asynchronously by its library. */
export type BinaryFormatter = (report: Report, options: FormatOptions) => Promise<Uint8Array>;

/** The binary formats by id: written to a file, never to a terminal. */
export const binaryFormatters: Record<'xlsx', BinaryFormatter> = {
  xlsx: formatXlsx,
};

export type TextFormatId = keyof typeof formatters;
export type BinaryFormatId = keyof typeof binaryFormatters;
export type FormatId = TextFormatId | BinaryFormatId;

export const isBinaryFormat = (id: FormatId): id is BinaryFormatId => id in binaryFormatters;

/** A formatter that hands its output over in pieces, the same bytes as its string: for large reports. */
export type ChunkedFormatter = (report: Report, options: FormatOptions) => Iterable<string>;

/** The formats whose size grows with the findings, in pieces. */
export const chunkedFormatters: Partial<Record<TextFormatId, ChunkedFormatter>> = {
  json: formatJsonChunks,
  ndjson: formatNdjsonChunks,
  csv: formatCsvChunks,
};

/** A report in pieces: the chunked formatter when the format has one, else its whole string as one piece. */
export function formatChunks(id: TextFormatId, report: Report, options: FormatOptions): Iterable<string> {
  const chunked = chunkedFormatters[id];
  return chunked ? chunked(report, options) : [formatters[id](report, options)];
}
