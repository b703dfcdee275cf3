import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findingId } from '../../src/audit/finding-id.js';

// The contract, spelled out the slow way: the first 16 hex digits of sha256(ticket NUL rule NUL ms).
const reference = (ticket: string, rule: string, at: number) =>
  createHash('sha256').update(`${ticket}\u0000${rule}\u0000${at}`).digest('hex').slice(0, 16);

describe('findingId', () => {
  it.each<[string, string, number]>([
    ['1-100073289', 'triage-time-limit', 1750854600000],
    ['42', 'ping-pong', 0],
    ['Ticket ümlaut ✓', 'stalled-idle', -86400000],
    ['', '', 1.5],
  ])('%s / %s / %s', (ticket, rule, at) => {
    const id = findingId(ticket, rule, at);
    expect(id).toBe(reference(ticket, rule, at));
    expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a known id stays the same', () => {
    expect(findingId('1-100073289', 'triage-time-limit', Date.parse('2025-06-25T12:30:00.000Z'))).toBe('7b8a344c8804e1e8');
  });
});
