import { parse, type Parser } from 'csv-parse';
import { toInputError, MAX_RECORD_CHARS } from './csv-errors.js';
import { CsvRecordSink, type CsvHandlers, type CsvHeader } from './csv-records.js';
import { parseDelimiterOption, sniffCsvLayout } from './delimiter.js';
import { STDIN_PATH } from './source.js';
import { emptyFile, openText, type ReadOptions, type TextSourceInfo } from './text-source.js';

/** Options for {@link readCsv}: encoding, delimiter override, and where header and rows go. */
export interface CsvReadOptions extends ReadOptions, CsvHandlers {
  /** Forced delimiter (`,` `;` `tab`); detected from the header line when absent. */
  delimiter?: string | undefined;
}

export interface CsvReadResult {
  /** Data rows handed to `onRow` (a header-only file gives 0; the caller decides if that is an error). */
  rows: number;
  info: TextSourceInfo;
  header: CsvHeader;
}

/**
 * Streams a CSV export (path or `-`): the header goes to `onHeader`, each row to `onRow` as it is
 * parsed, and nothing is kept. Problems in the file are InputErrors naming file and line; an error
 * thrown by a handler stops the read and is rethrown as is.
 */
export async function readCsv(path: string, options: CsvReadOptions): Promise<CsvReadResult> {
  // Checked before opening, which may cost a whole-file pass.
  const forcedDelimiter = options.delimiter ? parseDelimiterOption(options.delimiter, path === STDIN_PATH ? 'stdin' : path) : undefined;
  const text = await openText(path, options);
  const { info } = text;
  const layout = sniffCsvLayout(text.head);
  const delimiter = forcedDelimiter ?? layout.delimiter;
  const classicMac = layout.lineBreak === '\r';
  const sink = new CsvRecordSink(info, { delimiter, loneCrIsLineBreak: classicMac, skipSepLine: layout.sepLine }, options);
  const parser = createCsvParser(delimiter, classicMac);
  try {
    await pump(text.chunks(), parser, (cells) => sink.take(cells));
  } catch (error) {
    throw toInputError(error, { file: info.file, line: sink.nextLine, headers: sink.header?.headers });
  }
  if (!sink.header) throw emptyFile(info.file, 'only blank lines');
  return { rows: sink.rows, info, header: sink.header };
}

/** csv-parse with the importer's options; records are arrays of cells. */
export function createCsvParser(delimiter: string, classicMac: boolean): Parser {
  return parse({
    delimiter,
    // Both, so a file mixing CRLF and LF (hand-edited or concatenated exports) still splits rows.
    record_delimiter: classicMac ? ['\r\n', '\n', '\r'] : ['\r\n', '\n'],
    // Stray quotes inside unquoted cells (`12" monitor`) are kept as text instead of failing.
    relax_quotes: true,
    // Row width is checked by the sink, which knows the line the record started on.
    relax_column_count: true,
    // Blank lines come through as [''] so the sink can count them.
    skip_empty_lines: false,
    bom: false,
    max_record_size: MAX_RECORD_CHARS,
  });
}

/** Writes chunks into the parser with backpressure; records go to `onRecord` synchronously, in order. */
export async function pump(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, parser: Parser, onRecord: (cells: string[]) => void): Promise<void> {
  let failure: { error: unknown } | undefined;
  const done = new Promise<void>((resolve) => {
    parser.once('error', (error: unknown) => {
      failure ??= { error };
      resolve();
    });
    parser.once('end', resolve);
    parser.once('close', resolve);
  });
  parser.on('data', (cells: string[]) => {
    if (failure) return;
    try {
      onRecord(cells);
    } catch (error) {
      failure = { error };
      parser.destroy();
    }
  });
  for await (const chunk of chunks) {
    if (failure) break;
    if (!parser.write(chunk)) await Promise.race([new Promise((resolve) => parser.once('drain', resolve)), done]);
  }
  if (!failure) parser.end();
  await done;
  if (failure) throw failure.error;
}
