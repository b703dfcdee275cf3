import { parentPort, workerData } from 'node:worker_threads';
import { readPart, type PartJob, type PartResult } from './part-job.js';

/** Posted to the main thread: progress (bytes of the part read), then the part or why it could not be read. */
export type PartMessage = { progress: number } | { ok: true; part: PartResult } | { ok: false; why: string };

/** Progress is posted at most every this many bytes. */
const PROGRESS_BYTES = 4 * 1024 * 1024;

const post = (message: PartMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

let posted = 0;
try {
  const part = await readPart(workerData as PartJob, (bytes) => {
    if (bytes - posted < PROGRESS_BYTES) return;
    posted = bytes;
    post({ progress: bytes });
  });
  const a = part.assembled;
  const arrays = [a.firstRows, a.events, a.firstLines, a.at, a.next, ...a.state, ...(a.before ?? [])];
  post({ ok: true, part }, arrays.map((t) => t.buffer as ArrayBuffer));
} catch (error) {
  post({ ok: false, why: error instanceof Error ? error.message : String(error) });
}
