import { sanitizeForTerminal, truncateToWidth } from '../report/text.js';
import { DEFAULT_WIDTH, type CliIo } from './io.js';

/** Small exports read in a blink; a bar that flashes for them is noise. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const REDRAW_MS = 100;
const BAR_WIDTH = 20;

export interface Progress {
  update(file: string, bytesRead: number, totalBytes: number): void;
  /** Clears the bar (before anything else is printed). */
  done(): void;
}

/** A percent-of-bytes bar on stderr, redrawn at most every 100 ms; undefined unless stderr is a terminal. */
export function progressBar(io: CliIo, now: () => number = Date.now): Progress | undefined {
  if (!io.stderrIsTTY) return undefined;
  let lastDraw = -Infinity;
  let shown = false;
  return {
    update(file, bytesRead, totalBytes) {
      if (totalBytes < PROGRESS_MIN_BYTES) return;
      const t = now();
      if (t - lastDraw < REDRAW_MS && bytesRead < totalBytes) return;
      lastDraw = t;
      shown = true;
      io.stderr(`\r\u001b[K${progressLine(file, bytesRead, totalBytes, io.columns ?? DEFAULT_WIDTH)}`);
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
    },
  };
}

/** `reading tickets.csv [######------]  42%`, cut to the terminal's width. */
export function progressLine(file: string, bytesRead: number, totalBytes: number, columns: number): string {
  const ratio = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const tail = ` [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%`;
  const name = truncateToWidth(`reading ${sanitizeForTerminal(file)}`, Math.max(10, columns - tail.length - 1));
  return `${name}${tail}`;
}
