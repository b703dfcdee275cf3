import { InputError } from '../../errors.js';

/** Text encodings an export can be read in. `latin1` is strict ISO-8859-1 (0x80-0x9F are C1 controls). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1';

/** Every accepted `--encoding` value, as listed in messages. */
export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'];

/** What the first bytes (and, for BOM-less files, a UTF-8 validity pass) say about the encoding. */
export interface DetectedEncoding {
  encoding: TextEncoding;
  bom: boolean;
  /** Leading bytes to skip: the BOM, repeated when a tool added a second one. */
  skipBytes: number;
}

const ALIASES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', win1252: 'windows-1252',
  latin1: 'latin1', 'latin-1': 'latin1', 'iso-8859-1': 'latin1',
};

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Maps an `--encoding` value to a {@link TextEncoding}; anything else is an InputError listing valid values. */
export function parseEncodingName(name: string, file: string): TextEncoding {
  const encoding = ALIASES[name.trim().toLowerCase()];
  if (encoding) return encoding;
  throw new InputError(`unknown encoding "${name}"`, { file }, `use one of: ${TEXT_ENCODINGS.join(', ')}`);
}

/**
 * Encoding of an export from its first bytes: a BOM wins; BOM-less UTF-16 is recognised by its NUL
 * pattern; otherwise UTF-8 when the whole file is valid UTF-8, else Windows-1252 (what Excel and
 * most Windows tools write, and a superset of Latin-1 for printable text).
 */
export function detectEncoding(firstBytes: Uint8Array, isValidUtf8: boolean): DetectedEncoding {
  if (startsWith(firstBytes, UTF8_BOM)) return { encoding: 'utf-8', bom: true, skipBytes: utf8BomRun(firstBytes) };
  if (startsWith(firstBytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true, skipBytes: 2 };
  if (startsWith(firstBytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true, skipBytes: 2 };
  const utf16 = guessBomlessUtf16(firstBytes);
  if (utf16) return { encoding: utf16, bom: false, skipBytes: 0 };
  return { encoding: isValidUtf8 ? 'utf-8' : 'windows-1252', bom: false, skipBytes: 0 };
}

/** Whether {@link detectEncoding} depends on the UTF-8 validity of the whole file (no BOM, not UTF-16). */
export function needsUtf8Validation(firstBytes: Uint8Array): boolean {
  const guess = detectEncoding(firstBytes, true);
  return guess.encoding === 'utf-8' && !guess.bom;
}

/** A forced encoding still skips that encoding's own BOM, and reports it. */
export function forcedEncoding(encoding: TextEncoding, firstBytes: Uint8Array): DetectedEncoding {
  const detected = detectEncoding(firstBytes, true);
  if (detected.bom && detected.encoding === encoding) return detected;
  return { encoding, bom: false, skipBytes: 0 };
}

/** Incremental bytes-to-text decoder; multi-byte characters split across chunks are carried over. */
export type ChunkDecoder = (chunk: Uint8Array, end?: boolean) => string;

export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'latin1') return (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
  // The BOM is already cut off by skipBytes; a second one inside the text must stay visible.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return (chunk, end = false) => decoder.decode(chunk, { stream: !end });
}

/** Share of sampled code units that must be NUL on one side for BOM-less UTF-16. */
const UTF16_NUL_SHARE = 0.3;
const UTF16_SAMPLE_BYTES = 8192;

function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  // ASCII text in UTF-16 has a NUL in every other byte and (almost) never in the other half.
  if (oddNuls >= pairs * UTF16_NUL_SHARE && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * UTF16_NUL_SHARE && oddNuls <= pairs * 0.05) return 'utf-16be';
  return null;
}

function utf8BomRun(bytes: Uint8Array): number {
  let at = 0;
  while (startsWith(bytes.subarray(at), UTF8_BOM)) at += UTF8_BOM.length;
  return at;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
