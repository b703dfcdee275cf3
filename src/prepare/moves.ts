import type { Finding } from '../model/finding.js';
import type { MissedMove, Period, QueueMove } from '../model/result.js';
import type { TicketFlow } from '../audit/ticket-flow.js';
import { hasHistory } from './summary.js';

const key = (from: string, to: string) => `${from}\u0000${to}`;
const byTickets = <T extends { tickets: number; from: string; to: string }>(a: T, b: T) =>
  b.tickets - a.tickets || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0);

/**
 * The moves between queues that tickets with history made, each counted once per ticket; a move is
 * flagged for a ticket with a finding on it: over-escalated (from its `from` into its queue) or
 * misrouted (into the queue it should not have been worked in).
 */
export function queueMoves(flows: readonly TicketFlow[], findings: readonly Finding[]): QueueMove[] {
  const flaggedOf = new Map<string, Set<string>>();
  const flag = (ticket: string, k: string) => (flaggedOf.get(ticket) ?? flaggedOf.set(ticket, new Set()).get(ticket)!).add(k);
  for (const f of findings) {
    if (f.queue === null) continue;
    if (f.category === 'over-escalated' && typeof f.evidence.from === 'string') flag(f.ticket, key(f.evidence.from, f.queue));
    if (f.category === 'misrouted') flag(f.ticket, `*${key('', f.queue)}`);
  }
  const moves = new Map<string, QueueMove>();
  for (const flow of flows) {
    if (!hasHistory(flow)) continue;
    const flagged = flaggedOf.get(flow.ticket.id);
    const seen = new Set<string>();
    for (const m of flow.moves) {
      const k = key(m.from, m.to);
      if (seen.has(k)) continue;
      seen.add(k);
      const direction = m.fromTier === null || m.toTier === null || m.fromTier === m.toTier ? 'across' : m.toTier > m.fromTier ? 'up' : 'down';
      const move = moves.get(k) ?? moves.set(k, { from: m.from, to: m.to, direction, tickets: 0, flagged: 0 }).get(k)!;
      move.tickets++;
      if (flagged?.has(k) || flagged?.has(`*${key('', m.to)}`)) move.flagged++;
    }
  }
  return [...moves.values()].sort(byTickets);
}

/** The moves findings asked for and the tickets did not make: to the expected queue of a missed de-escalation or a misrouting. */
export function missedMoves(findings: readonly Finding[]): MissedMove[] {
  const tickets = new Map<string, { move: MissedMove; seen: Set<string> }>();
  for (const f of findings) {
    if ((f.category !== 'missed-de-escalation' && f.category !== 'misrouted') || f.queue === null || f.expectedQueue === null) continue;
    const k = `${f.category}\u0000${key(f.queue, f.expectedQueue)}`;
    const entry = tickets.get(k) ?? tickets.set(k, { move: { from: f.queue, to: f.expectedQueue, category: f.category, tickets: 0 }, seen: new Set() }).get(k)!;
    if (entry.seen.has(f.ticket)) continue;
    entry.seen.add(f.ticket);
    entry.move.tickets++;
  }
  return [...tickets.values()].map((e) => e.move).sort(byTickets);
}

/** The first and the last event of the audited tickets; null when there is none. */
export function periodOf(flows: readonly TicketFlow[]): Period | null {
  let first = Infinity;
  let last = -Infinity;
  for (const f of flows) {
    if (f.firstAt < first) first = f.firstAt;
    if (f.lastAt > last) last = f.lastAt;
  }
  return Number.isFinite(first) && Number.isFinite(last) ? { from: new Date(first).toISOString(), to: new Date(last).toISOString() } : null;
}
