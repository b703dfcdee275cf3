import { CsvError } from 'csv-parse';
import { InputError } from '../../errors.js';

/** Largest record (all cells of one row, in characters) before reading stops: 10 MiB. */
export const MAX_RECORD_CHARS = 10 * 1024 * 1024;

/** Where the parser was when it failed: the record being read starts on `line`. */
export interface CsvFailureContext {
  file: string;
  line: number;
  headers: readonly string[] | undefined;
}

/** Turns a csv-parse error into an InputError at the line the bad record starts on; other errors pass through. */
export function toInputError(error: unknown, at: CsvFailureContext): unknown {
  if (!(error instanceof CsvError)) return error;
  const { file, line } = at;
  const column = columnName(error, at.headers);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new InputError(
        `quoted cell opened on line ${line} is never closed; the file may be truncated`,
        { file, line, column },
        'a quote inside a quoted cell must be doubled (""); if the export was cut short, export it again',
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new InputError(
        `record starting on line ${line} is larger than ${MAX_RECORD_CHARS / 1024 / 1024} MB`,
        { file, line, column },
        `usually a quote opened on line ${line} is never closed, or the delimiter or line ending is not what the file uses`,
      );
    default:
      return new InputError(`unreadable CSV: ${error.message}`, { file, line, column });
  }
}

function columnName(error: CsvError, headers: readonly string[] | undefined): string | undefined {
  const index = error['column'];
  if (headers === undefined || typeof index !== 'number') return undefined;
  return headers[index];
}
