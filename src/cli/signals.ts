import { writeSync } from 'node:fs';
import { cleanUpOutputsSync } from '../deliver/write-file.js';

/** The signals a user or a scheduler stops a run with; a shell reports each as 128 + its number. */
export const STOP_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM'] as const;

/**
 * For the command only (bin/), never the library: on SIGINT, SIGTERM or SIGHUP, every report being
 * written is undone (temporary files removed, files already renamed given their old content back),
 * then the process ends by the same signal (exit status 130, 143, 129 in a shell). Not process.exit:
 * it waits for file-system calls under way, and an open of a FIFO nobody reads never returns.
 */
export function installSignalHandlers(): void {
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      cleanUpOutputsSync();
      try {
        writeSync(2, `escalation-audit: stopped by ${signal}; no report was written, old reports are unchanged\n`);
      } catch {
        // stderr closed: the exit code still says it.
      }
      process.kill(process.pid, signal);
    });
  }
}
