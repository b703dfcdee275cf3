import { InputError } from '../../errors.js';
import { createDecoder, type DetectedEncoding } from './encoding.js';

/** How much of the start of a file the binary check looks at. */
export const BINARY_SAMPLE_BYTES = 8192;

/** Text exports have (almost) no control characters; binary files have plenty. */
const MAX_CONTROL_SHARE = 0.01;
/** A few stray control characters in a short export are typed text (a pasted title), not a binary file. */
const MIN_CONTROLS = 8;

const SIGNATURES: { bytes: number[]; kind: string; hint: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive', hint: 'an .xlsx workbook is a ZIP archive: save or export it as CSV' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an Office document', hint: 'an .xls workbook must be saved or exported as CSV first' },
  { bytes: [0x1f, 0x8b], kind: 'gzip-compressed', hint: 'decompress it first (gunzip)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF', hint: 'export the tickets as CSV or JSON instead' },
];

/**
 * Throws "not a text export" when the start of the file is binary: a known binary signature, a NUL
 * byte (outside UTF-16), or more than 1% control characters (and at least 8) in the first 8 KiB.
 */
export function assertLooksLikeText(head: Uint8Array, detected: DetectedEncoding, file: string): void {
  const sample = head.subarray(0, BINARY_SAMPLE_BYTES);
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => sample[i] === b));
  if (signature) throw notText(file, `looks like ${signature.kind}`, signature.hint);
  const utf16 = detected.encoding === 'utf-16le' || detected.encoding === 'utf-16be';
  if (!utf16) {
    const nul = sample.indexOf(0);
    if (nul !== -1) {
      throw notText(file, `NUL byte at offset ${nul}`, 'if this is UTF-16 text without a byte order mark, pass --encoding utf-16le (or utf-16be)');
    }
  }
  const controls = utf16 ? countControlChars(createDecoder(detected.encoding)(sample.subarray(detected.skipBytes), true)) : countControlBytes(sample);
  const units = utf16 ? sample.length / 2 : sample.length;
  if (controls >= MIN_CONTROLS && controls / units > MAX_CONTROL_SHARE) {
    throw notText(file, `${controls} control characters in the first ${sample.length} bytes`, 'pass a CSV or JSON export, not a binary file');
  }
}

/** Nothing but whitespace and byte order marks. */
export function isBlankText(text: string): boolean {
  return /^[\s\ufeff]*$/.test(text);
}

function isControl(code: number): boolean {
  // Tab, line feed, form feed and carriage return are ordinary in text; so is escape, which starts the
  // colour codes of titles pasted from a terminal (the reports strip them).
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1b) || code === 0x7f;
}

function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) if (isControl(byte)) n++;
  return n;
}

function countControlChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) n++;
  return n;
}

function notText(file: string, why: string, hint: string): InputError {
  return new InputError(`not a text export (${why})`, { file }, hint);
}
