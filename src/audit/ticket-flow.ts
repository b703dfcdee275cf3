import type { Ticket } from '../model/ticket.js';
import { accumulate, ticketCalendar } from './clock.js';
import { HoldTally, type AssigneeHold } from './holds.js';
import { stayKey, type Segment, type Stint, type TicketReplay } from './replay.js';

/** What one ticket did in one queue. */
export interface QueueVisit {
  /** Queue name: framework id, or the export's name for queues the framework does not know. */
  queue: string;
  /** Business minutes in the queue over all its stints there (pauses excluded). */
  minutes: number;
  escalatedOut: boolean;
  deEscalatedOut: boolean;
  /** Handovers made while the ticket sat here. */
  reassignments: number;
}

/**
 * How one audited ticket moved: all the metrics, filters and notes need of it once its replay is
 * gone. An audit keeps one of these per ticket instead of the replay (a few hundred bytes, not kilobytes).
 */
export interface TicketFlow {
  /** The ticket as audited (its timeline cut at the as-of time). */
  ticket: Ticket;
  /** One per queue it stayed in, in order of the first stay. */
  visits: QueueVisit[];
  escalated: boolean;
  deEscalated: boolean;
  /** The queue it was closed in, when it ended closed and was never escalated. */
  resolvedWithoutEscalationIn: string | undefined;
  reassignments: number;
  /** One per person named on any of its events, and `(unassigned)` when an event names nobody. */
  holds: readonly AssigneeHold[];
  /** Export names of the queues it stayed in that the framework does not know, each once. */
  unknownQueues: readonly string[];
  /** Each move from one queue to the next, in order (for the report's flow map). */
  moves: readonly QueueStep[];
  /** When its first and its last event happened, and whether the last one left it closed. */
  firstAt: number;
  lastAt: number;
  endedClosed: boolean;
}

/** One move between two stays: the queues' names and tiers (null for a queue the framework does not know). */
export interface QueueStep { from: string; to: string; fromTier: number | null; toTier: number | null }

export const stintQueueName = (s: Stint): string | undefined => s.queue?.id ?? s.rawQueue;

const NONE: readonly string[] = Object.freeze([]);

/** `ticket` is what the flow keeps: the replayed ticket, or the same ticket as loaded. */
export function ticketFlow(replay: TicketReplay, withHolds = true, ticket: Ticket = replay.ticket): TicketFlow {
  const visits: QueueVisit[] = [];
  const visit = (name: string) => {
    let v = visits.find((x) => x.queue === name);
    if (!v) visits.push(v = { queue: name, minutes: 0, escalatedOut: false, deEscalatedOut: false, reassignments: 0 });
    return v;
  };
  let escalated = false;
  let deEscalated = false;
  let unknownQueues = NONE;
  const moves: QueueStep[] = [];
  const tally = new HoldTally(replay.segments, withHolds);
  replay.stints.forEach((stint, i) => {
    if (!stint.queue && stint.rawQueue && !unknownQueues.includes(stint.rawQueue)) unknownQueues = [...unknownQueues, stint.rawQueue];
    const calendar = ticketCalendar(replay, stint.queue, undefined);
    // Segment by segment, so that each holder gets the minutes of their own events; the stay adds up the same.
    let stay = 0;
    for (let k = stint.first; k <= stint.last; k++) {
      const minutes = accumulate(replay.segments, k, k, stint.start, calendar).minutes;
      tally.held(k, minutes);
      stay += minutes;
    }
    const name = stintQueueName(stint);
    if (name === undefined) return;
    const v = visit(name);
    v.minutes += stay;
    const next = replay.stints[i + 1];
    const nextName = next && stintQueueName(next);
    if (nextName !== undefined && nextName !== name) moves.push({ from: name, to: nextName, fromTier: stint.queue?.tier ?? null, toTier: next!.queue?.tier ?? null });
    if (stint.queue && next?.queue && next.queue.tier > stint.queue.tier) {
      v.escalatedOut = escalated = true;
      tally.escalatedFrom(stint.last);
    }
    if (stint.queue && next?.queue && next.queue.tier < stint.queue.tier) {
      v.deEscalatedOut = deEscalated = true;
      tally.deEscalatedFrom(stint.last);
    }
  });
  let reassignments = 0;
  for (let i = 1; i < replay.segments.length; i++) {
    const before = replay.segments[i - 1]!;
    if (!isHandover(before, replay.segments[i]!)) continue;
    reassignments++;
    tally.handedOver(i - 1, i);
    const name = before.queue?.id ?? before.event.queue;
    if (name !== undefined) visit(name).reassignments++;
  }
  const last = replay.stints[replay.stints.length - 1];
  const firstSegment = replay.segments[0]!;
  const lastSegment = replay.segments[replay.segments.length - 1]!;
  const closedIn = last && lastSegment.closed && !escalated ? stintQueueName(last) : undefined;
  if (closedIn !== undefined) tally.resolvedWithoutEscalationAt(closingSegment(replay.segments));
  return {
    // A copy is as long as it needs to be; the array grown by push keeps room for 17.
    ticket, visits: visits.slice(), escalated, deEscalated, resolvedWithoutEscalationIn: closedIn, reassignments,
    holds: tally.holds(),
    unknownQueues, moves, firstAt: firstSegment.start, lastAt: lastSegment.start, endedClosed: lastSegment.closed,
  };
}

/** The event that closed the ticket for good: the first of the closed ones it ends with. */
function closingSegment(segments: Segment[]): number {
  let i = segments.length - 1;
  while (i > 0 && segments[i - 1]!.closed) i--;
  return i;
}

const norm = (v: string | undefined) => v?.trim().toLowerCase() || undefined;

/**
 * A handover: the ticket moved to another queue, or from one assignee to another. A first assignment
 * or an unassignment is not one.
 */
function isHandover(before: Segment, after: Segment): boolean {
  const queueBefore = before.queue ? stayKey(before) : norm(before.event.queue);
  const queueAfter = after.queue ? stayKey(after) : norm(after.event.queue);
  if (queueBefore !== undefined && queueAfter !== undefined && queueBefore !== queueAfter) return true;
  const a = norm(before.event.assignee);
  const b = norm(after.event.assignee);
  return a !== undefined && b !== undefined && a !== b;
}
