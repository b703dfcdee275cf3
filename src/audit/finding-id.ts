import { createHash } from 'node:crypto';

/** Stable across runs and machines: the same ticket, rule and instant always give the same id. */
export function findingId(ticket: string, rule: string, at: number): string {
  return createHash('sha256').update(`${ticket}\u0000${rule}\u0000${at}`).digest('hex').slice(0, 16);
}
