import type { Report } from '../model/result.js';
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatNdjson } from './ndjson.js';
import { formatTable } from './table.js';

/** What a formatter may depend on besides the report: the CLI decides both from flags and the TTY. */
export interface FormatOptions {
  /** Emit ANSI colour (off for NO_COLOR, --no-color and non-TTY output). */
  color: boolean;
  /** Terminal columns to fit; callers pass 100 when stdout is not a TTY. */
  width: number;
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
