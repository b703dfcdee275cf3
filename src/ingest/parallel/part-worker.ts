import { parentPort, workerData } from 'node:worker_threads';
import { readPart, type PartJob, type PartResult } from './part-job.js';
import { packedBuffers, packRows, type PackedRows } from './packed-rows.js';

/** A part as it crosses to the main thread: its tickets' latest rows packed into columns. */
export type PostedPart = Omit<PartResult, 'assembled'> & { assembled: Omit<PartResult['assembled'], 'latest'> & { latest: PackedRows } };

/** Posted to the main thread: progress (bytes of the part read), then the part or why it could not be read. */
export type PartMessage = { progress: number } | { ok: true; part: PostedPart } | { ok: false; why: string };

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
  const latest = packRows(a.latest);
  const arrays = [a.firstRows, a.events, a.firstLines, a.at, a.next, ...a.state, ...(a.before ?? [])].map((t) => t.buffer as ArrayBuffer);
  post({ ok: true, part: { ...part, assembled: { ...a, latest } } }, [...arrays, ...packedBuffers(latest)]);
} catch (error) {
  post({ ok: false, why: error instanceof Error ? error.message : String(error) });
}
