import type { Report } from '../model/result.js';
import { formatJson } from './json.js';
import { formatTable } from './table.js';

/** What a formatter may depend on besides the report: the CLI decides both from flags and the TTY. */
export interface FormatOptions {
  /** Emit ANSI colour (off for NO_COLOR, --no-color and non-TTY output). */
  color: boolean;
  /** Terminal columns to fit; callers pass 100 when stdout is not a TTY. */
  width: number;
}

/** A pure formatter: the CLI writes what it returns. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/** Every output format by id; the keys feed the CLI's `--format` choices. */
export const formatters = { table: formatTable, json: formatJson } as const satisfies Record<string, Formatter>;

export type FormatId = keyof typeof formatters;
