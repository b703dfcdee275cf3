import { open } from 'node:fs/promises';

const SCAN_BYTES = 1024 * 1024;
const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Byte offsets that cut a file, or bytes in memory, from `start` to `size` into `parts` parts of about
 * the same size, each cut just after a line feed with an even number of quotes before it: outside any quoted cell, so at the
 * start of a record. Counting quotes is far cheaper than parsing; a stray quote in an unquoted cell can
 * still fool it, which is why the reader of each part checks it ended on a record boundary. Fewer cuts
 * when the file has no line break where one is wanted.
 */
export async function findSplitPoints(source: string | Buffer, start: number, size: number, parts: number, quotes = true): Promise<number[]> {
  const targets = Array.from({ length: parts - 1 }, (_, j) => start + Math.floor(((j + 1) * (size - start)) / parts));
  const cuts: number[] = [];
  let inQuotes = false;
  for await (const { chunk, base } of scan(source, start, size)) {
    let i = 0;
    while (i < chunk.length && cuts.length < targets.length) {
      const target = targets[cuts.length]! - base;
      if (!quotes && i < target) {
        i = Math.min(target, chunk.length);
        continue;
      }
      if (i < target) {
        // Up to the target only the quotes count: one indexOf per quote (memchr), not a look at every byte.
        const stop = Math.min(target, chunk.length);
        for (let q = chunk.indexOf(QUOTE, i); q !== -1 && q < stop; q = chunk.indexOf(QUOTE, q + 1)) inQuotes = !inQuotes;
        i = stop;
        continue;
      }
      // Past the target: the next line feed outside quotes is the cut.
      const quote = quotes ? chunk.indexOf(QUOTE, i) : -1;
      const lineFeed = inQuotes ? -1 : chunk.indexOf(LINE_FEED, i);
      if (lineFeed !== -1 && (quote === -1 || lineFeed < quote)) {
        const cut = base + lineFeed + 1;
        if (cut >= size) return cuts;
        if (cut > (cuts[cuts.length - 1] ?? start)) cuts.push(cut);
        i = lineFeed + 1;
      } else if (quote === -1) {
        i = chunk.length;
      } else {
        inQuotes = !inQuotes;
        i = quote + 1;
      }
    }
    if (cuts.length === targets.length) break;
  }
  return cuts;
}

/** The bytes from `start` to `size`, a megabyte at a time, from a file or from memory. */
async function* scan(source: string | Buffer, start: number, size: number): AsyncGenerator<{ chunk: Buffer; base: number }> {
  if (typeof source !== 'string') {
    for (let base = start; base < size; base += SCAN_BYTES) yield { chunk: source.subarray(base, Math.min(size, base + SCAN_BYTES)), base };
    return;
  }
  const handle = await open(source, 'r');
  try {
    const buffer = Buffer.alloc(SCAN_BYTES);
    for (let base = start; base < size;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(SCAN_BYTES, size - base), base);
      if (bytesRead === 0) return;
      yield { chunk: buffer.subarray(0, bytesRead), base };
      base += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
