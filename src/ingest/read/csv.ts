import { toInputError, MAX_RECORD_CHARS } from './csv-errors.js';
import { CsvRecordSink, type CsvHandlers, type CsvHeader } from './csv-records.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { parseDelimiterOption, sniffCsvLayout } from './delimiter.js';
import { createDecoder } from './encoding.js';
import { STDIN_PATH } from './source.js';
import { emptyFile, openText, type ReadOptions, type TextSourceInfo } from './text-source.js';

/** Options for {@link readCsv}: encoding, delimiter override, and where header and rows go. */
export interface CsvReadOptions extends ReadOptions, CsvHandlers {
  /** Forced delimiter (`,` `;` `tab`); detected from the header line when absent. */
  delimiter?: string | undefined;
}

/** What a finished CSV read saw. */
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
  // Only LF and CRLF end records (both, so a file mixing them still splits rows), plus a lone CR in a
  // classic-Mac file; the sink checks row width and skips blank lines.
  const tokenizer = new CsvTokenizer({ delimiter, loneCrIsLineBreak: classicMac, maxRecordChars: MAX_RECORD_CHARS },
    (cells, lineBreaks) => sink.take(cells, lineBreaks));
  try {
    const decode = createDecoder('utf-8');
    for await (const chunk of text.chunks()) tokenizer.push(typeof chunk === 'string' ? chunk : decode(chunk));
    tokenizer.push(decode(new Uint8Array(0), true));
    tokenizer.end();
  } catch (error) {
    throw toInputError(error, { file: info.file, line: sink.nextLine, headers: sink.header?.headers });
  }
  if (!sink.header) throw emptyFile(info.file, 'only blank lines');
  return { rows: sink.rows, info, header: sink.header };
}
