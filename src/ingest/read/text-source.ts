import { InputError } from '../../errors.js';
import {
  createDecoder,
  detectEncoding,
  forcedEncoding,
  needsUtf8Validation,
  parseEncodingName,
  type DetectedEncoding,
  type TextEncoding,
} from './encoding.js';
import { openByteSource, type ByteSource } from './source.js';
import { assertLooksLikeText, isBlankText } from './text-check.js';
import { createUtf8Validator } from './utf8-validator.js';

/** How an export was decoded; the caller reports a Windows-1252 fallback (see {@link encodingNotice}). */
export interface TextSourceInfo {
  /** Name for messages: the path as given, or `stdin`. */
  file: string;
  encoding: TextEncoding;
  /** The file started with a byte order mark (removed from the text). */
  bom: boolean;
  /** File size in bytes, BOM included. */
  bytes: number;
  /** The encoding came from `--encoding` rather than detection. */
  encodingForced: boolean;
}

/** An export opened as text, ready to be read once or more. */
export interface TextSource {
  info: TextSourceInfo;
  /** Decoded start of the text (BOM removed), for sniffing formats and delimiters. */
  head: string;
  /**
   * The whole text in order, BOM removed: raw bytes when the encoding is UTF-8 (the CSV parser reads
   * them as they are), decoded strings otherwise.
   */
  chunks(): AsyncIterable<Buffer | string>;
  /** The raw bytes, BOM included, when they are in memory (stdin, a pipe). */
  data: Buffer | undefined;
}

export interface ReadOptions {
  /** Forced encoding (`--encoding`); skips detection. */
  encoding?: string | undefined;
  /** Where the path `-` reads from; process.stdin unless a test passes its own. */
  stdin?: NodeJS.ReadableStream | undefined;
  /** Called as the text is handed out: bytes read so far and the file's size (for a progress bar). */
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
}

/** Bytes decoded up front for sniffing; enough for a 379-column header line many times over. */
export const HEAD_BYTES = 64 * 1024;

/**
 * Opens `path` (or `-` for stdin) as text: checks it is not empty or binary, and settles the
 * encoding before any text is handed out, which for a BOM-less file means one full UTF-8 validation
 * pass over the bytes.
 */
export async function openText(path: string, options: ReadOptions = {}): Promise<TextSource> {
  const source = await openByteSource(path, options.stdin);
  const { file } = source;
  if (source.bytes === 0) throw emptyFile(file, '0 bytes');
  const headBytes = await source.head(HEAD_BYTES);
  const forced = options.encoding !== undefined && options.encoding !== '';
  let detected: DetectedEncoding;
  if (forced) {
    detected = forcedEncoding(parseEncodingName(options.encoding ?? '', file), headBytes);
    assertLooksLikeText(headBytes, detected, file);
  } else {
    // Binary files are turned away before the (whole-file) validation pass.
    assertLooksLikeText(headBytes, detectEncoding(headBytes, true), file);
    const valid = needsUtf8Validation(headBytes) ? await isWholeFileUtf8(source) : true;
    detected = detectEncoding(headBytes, valid);
  }
  const headIsWhole = headBytes.length === source.bytes;
  const head = createDecoder(detected.encoding)(headBytes.subarray(detected.skipBytes), headIsWhole);
  if (headIsWhole && isBlankText(head)) throw emptyFile(file, detected.bom ? 'only a byte order mark and blank space' : 'only blank space');
  return {
    info: { file, encoding: detected.encoding, bom: detected.bom, bytes: source.bytes, encodingForced: forced },
    head,
    chunks: () => textChunks(source, detected, options.onProgress),
    data: source.data,
  };
}

/** The whole text as one string (for JSON; CSV is streamed instead). */
export async function readWholeText(text: TextSource): Promise<string> {
  const decode = createDecoder('utf-8');
  const parts: string[] = [];
  for await (const chunk of text.chunks()) parts.push(typeof chunk === 'string' ? chunk : decode(chunk));
  parts.push(decode(new Uint8Array(0), true));
  return parts.join('');
}

/** A line for the user when the encoding was guessed rather than declared, else null. */
export function encodingNotice(info: TextSourceInfo): string | null {
  if (info.encodingForced) return null;
  if (info.encoding === 'windows-1252') return `${info.file}: not valid UTF-8, read as Windows-1252 (pass --encoding to override)`;
  if (info.encoding.startsWith('utf-16') && !info.bom) return `${info.file}: no byte order mark, read as ${info.encoding.toUpperCase()} by its NUL bytes`;
  return null;
}

/** An "empty file" InputError; also used by readers that find no header or records. */
export function emptyFile(file: string, detail: string): InputError {
  return new InputError(`empty file (${detail})`, { file }, 'export the tickets again; the file has no header line and no rows');
}

async function isWholeFileUtf8(source: ByteSource): Promise<boolean> {
  const validator = createUtf8Validator();
  for await (const chunk of source.chunks()) if (!validator.push(chunk)) return false;
  return validator.end();
}

async function* textChunks(source: ByteSource, detected: DetectedEncoding,
  onProgress: ReadOptions['onProgress']): AsyncIterable<Buffer | string> {
  let skip = detected.skipBytes;
  let read = 0;
  const decode = detected.encoding === 'utf-8' ? null : createDecoder(detected.encoding);
  for await (const raw of source.chunks()) {
    read += raw.length;
    onProgress?.(read, source.bytes);
    const chunk = skip > 0 ? raw.subarray(Math.min(skip, raw.length)) : raw;
    skip = Math.max(0, skip - raw.length);
    if (chunk.length === 0) continue;
    yield decode ? decode(chunk) : chunk;
  }
  if (decode) {
    const rest = decode(new Uint8Array(0), true);
    if (rest) yield rest;
  }
}
