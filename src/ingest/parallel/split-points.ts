import { open } from 'node:fs/promises';

const SCAN_BYTES = 1024 * 1024;
const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Byte offsets that cut `path` (from `start` to `size`) into `parts` parts of about the same size, each
 * cut just after a line feed with an even number of quotes before it: outside any quoted cell, so at the
 * start of a record. Counting quotes is far cheaper than parsing; a stray quote in an unquoted cell can
 * still fool it, which is why the reader of each part checks it ended on a record boundary. Fewer cuts
 * when the file has no line break where one is wanted.
 */
export async function findSplitPoints(path: string, start: number, size: number, parts: number): Promise<number[]> {
  const targets = Array.from({ length: parts - 1 }, (_, j) => start + Math.floor(((j + 1) * (size - start)) / parts));
  const cuts: number[] = [];
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SCAN_BYTES);
    let inQuotes = false;
    let base = start;
    while (cuts.length < targets.length && base < size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(SCAN_BYTES, size - base), base);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let i = 0;
      while (i < chunk.length && cuts.length < targets.length) {
        const target = targets[cuts.length]! - base;
        const quote = chunk.indexOf(QUOTE, i);
        if (i >= target && !inQuotes) {
          // Past the target and outside quotes: the next line feed is the cut, unless a quote opens first.
          const lineFeed = chunk.indexOf(LINE_FEED, i);
          if (lineFeed !== -1 && (quote === -1 || lineFeed < quote)) {
            const cut = base + lineFeed + 1;
            if (cut < size && cut > (cuts[cuts.length - 1] ?? start)) cuts.push(cut);
            else if (cut >= size) return cuts;
            i = lineFeed + 1;
            continue;
          }
        }
        const stop = i < target ? Math.min(target, chunk.length) : chunk.length;
        if (quote === -1 || quote >= stop) {
          i = stop;
          continue;
        }
        inQuotes = !inQuotes;
        i = quote + 1;
      }
      base += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return cuts;
}
