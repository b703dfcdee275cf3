import { InputError } from '../../errors.js';

/** Cell delimiters the CSV reader detects or accepts. */
export type CsvDelimiter = ',' | ';' | '\t';

/** What the header line says about the file's layout. */
export interface CsvLayout {
  delimiter: CsvDelimiter;
  /** The header's line break; `\r` alone means a classic-Mac file where CR ends every line. */
  lineBreak: '\r\n' | '\n' | '\r' | null;
  /** The first line is Excel's `sep=;` hint: it names the delimiter and is not the header. */
  sepLine: boolean;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

const DELIMITER_NAMES: Record<string, CsvDelimiter> = {
  ',': ',', comma: ',',
  ';': ';', semicolon: ';',
  '\t': '\t', '\\t': '\t', tab: '\t',
};

/** Excel's first-line delimiter hint, possibly re-quoted or padded by a later save. */
const SEP_LINE = /^[\s\ufeff]*"?sep=([,;\t])"?[,;\t]*(\r\n|\n|\r)/i;

/**
 * Reads the first non-blank line of `head` (quoted line breaks included) and picks the delimiter
 * that occurs most often outside quotes; ties prefer `,`, then `;`. An Excel `sep=;` line decides
 * instead.
 */
export function sniffCsvLayout(head: string): CsvLayout {
  const sep = SEP_LINE.exec(head);
  if (sep) return { delimiter: sep[1] as CsvDelimiter, lineBreak: sep[2] as CsvLayout['lineBreak'], sepLine: true };
  const counts = new Map<string, number>();
  let inQuotes = false;
  let sawText = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (sawText) return { delimiter: mostFrequent(counts), lineBreak: lineBreakAt(head, i), sepLine: false };
    } else if (!inQuotes) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (c.trim() !== '') sawText = true;
  }
  return { delimiter: mostFrequent(counts), lineBreak: null, sepLine: false };
}

/** Maps a `--delimiter` value (`,` `;` tab, or a name) to a {@link CsvDelimiter}. */
export function parseDelimiterOption(value: string, file: string): CsvDelimiter {
  const delimiter = DELIMITER_NAMES[value] ?? DELIMITER_NAMES[value.trim().toLowerCase()];
  if (delimiter) return delimiter;
  throw new InputError(`unknown delimiter ${JSON.stringify(value)}`, { file }, 'use "," ";" or "tab"');
}

/** How a delimiter reads in messages. */
export function delimiterName(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

function mostFrequent(counts: Map<string, number>): CsvDelimiter {
  let best: CsvDelimiter = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

function lineBreakAt(text: string, i: number): CsvLayout['lineBreak'] {
  if (text[i] === '\n') return '\n';
  if (text[i + 1] === '\n') return '\r\n';
  // A lone CR at the very end of the head may be the first half of a CRLF cut off by the chunk.
  return i + 1 < text.length ? '\r' : null;
}
