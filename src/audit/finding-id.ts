import { hash } from 'node:crypto';

/**
 * Stable across runs and machines: the same ticket, rule and instant always give the same id (the
 * first 16 hex digits of the SHA-256 of `ticket NUL rule NUL epoch-ms`).
 */
export function findingId(ticket: string, rule: string, at: number): string {
  return firstSixteen(hash('sha256', `${ticket}\u0000${rule}\u0000${at}`, 'hex'));
}

// A fresh 16-character string: `slice` would keep the whole 64-digit digest alive behind every id.
function firstSixteen(h: string): string {
  return String.fromCharCode(h.charCodeAt(0), h.charCodeAt(1), h.charCodeAt(2), h.charCodeAt(3), h.charCodeAt(4),
    h.charCodeAt(5), h.charCodeAt(6), h.charCodeAt(7), h.charCodeAt(8), h.charCodeAt(9), h.charCodeAt(10),
    h.charCodeAt(11), h.charCodeAt(12), h.charCodeAt(13), h.charCodeAt(14), h.charCodeAt(15));
}
