import { extname } from 'node:path';
import { createDecoder, detectEncoding } from './encoding.js';
import { openByteSource } from './source.js';
import { HEAD_BYTES } from './text-source.js';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

const BY_EXTENSION: Record<string, ExportFormat> = { '.csv': 'csv', '.tsv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

/**
 * Format of an export (path or `-`): `.csv`/`.tsv`/`.ndjson`/`.jsonl` by extension; `.json` and
 * anything else by the first characters (`[` JSON; `{` JSON, or NDJSON when the first line is a whole
 * object and more text follows; otherwise CSV). Reads only the first 64 KiB.
 */
export async function sniffFormat(path: string, stdin?: NodeJS.ReadableStream): Promise<ExportFormat> {
  const known = BY_EXTENSION[extname(path).toLowerCase()];
  if (known) return known;
  const source = await openByteSource(path, stdin);
  const head = await source.head(HEAD_BYTES);
  // UTF-8 versus Windows-1252 does not matter for the first structural character.
  const detected = detectEncoding(head, true);
  const text = createDecoder(detected.encoding)(head.subarray(detected.skipBytes), true);
  return formatOfText(text);
}

/** {@link sniffFormat}'s content rule, on the decoded start of a file. */
export function formatOfText(head: string): ExportFormat {
  const text = head.replace(/^[\s\ufeff]+/, '');
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  const newline = text.indexOf('\n');
  if (newline === -1 || text.slice(newline).trim() === '') return 'json';
  try {
    const first: unknown = JSON.parse(text.slice(0, newline));
    return typeof first === 'object' && first !== null ? 'ndjson' : 'json';
  } catch {
    return 'json';
  }
}
