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
    notes.push(`history not available for ${snapshotOnly.length} of ${tickets.length} tickets: a ticket row says where a ticket is and when it was created, last updated and closed, not how it got there; each rule judges such tickets only on those facts (the rules' "not judged" notes say what was left out)`);
  }
  const counted = snapshotOnly.filter((t) => t.queueChanges !== undefined).length;
  if (counted > 0) {
    notes.push(`${counted} of those tickets have the export's queue-change counter (e.g. reassignment_count, Group stations): ping-pong judges them by that count alone, and the ${snapshotOnly.filter((t) => t.queueChanges === 0).length} that never changed queue were judged where they were created`);
  }
  return notes;
}
