import { formatPosition } from '../errors.js';
import type { Ticket } from '../model/ticket.js';
import type { InputRead } from './load-csv.js';

/** What the report should say about the inputs: what could not be judged, what was skipped or guessed. */
export function loadNotes(tickets: Ticket[], reads: InputRead[]): string[] {
  const notes: string[] = [];
  for (const r of reads) if (r.notice) notes.push(r.notice);
  for (const { summary, firstProblem } of reads) {
    if (!summary.skippedRows) continue;
    const where = firstProblem?.position ? `${formatPosition(firstProblem.position)}: ` : '';
    notes.push(`${summary.file}: skipped ${summary.skippedRows} bad row(s) of ${summary.rows} (--max-errors); the first: ${where}${firstProblem?.message ?? ''}`);
  }
  const snapshotOnly = tickets.filter((t) => t.history === 'snapshot');
  if (snapshotOnly.length > 0) {
    notes.push(`history not available for ${snapshotOnly.length} of ${tickets.length} tickets: their timeline is built from created/updated/closed only, so queue moves before their current queue are not seen`);
  }
  const counted = snapshotOnly.filter((t) => t.queueChanges !== undefined).length;
  if (counted > 0) {
    notes.push(`${counted} of those tickets have only the export's queue-change counter (e.g. reassignment_count, Group stations): ping-pong can be judged by that count alone; returns to an earlier queue, time spent in earlier queues and the order of escalations could not be judged`);
  }
  return notes;
}
