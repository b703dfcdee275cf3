import type { Framework } from '../framework/model.js';
import { accumulate, ticketCalendar } from './clock.js';
import type { Segment, Stint, TicketReplay } from './replay.js';

/** What one ticket did in one queue. */
export interface QueueVisit {
  /** Business minutes in the queue over all its stints there (pauses excluded). */
  minutes: number;
  escalatedOut: boolean;
  deEscalatedOut: boolean;
  /** Handovers made while the ticket sat here. */
  reassignments: number;
}

/** How one ticket moved: the raw material of the flow metrics. */
export interface TicketFlow {
  /** By queue name (framework id, or the export's name for queues the framework does not know). */
  visits: Map<string, QueueVisit>;
  escalated: boolean;
  deEscalated: boolean;
  /** The queue it was closed in, when it ended closed and was never escalated. */
  resolvedWithoutEscalationIn: string | undefined;
  reassignments: number;
}

export const stintQueueName = (s: Stint): string | undefined => s.queue?.id ?? s.rawQueue;

export function ticketFlow(replay: TicketReplay, framework: Framework): TicketFlow {
  const visits = new Map<string, QueueVisit>();
  const visit = (name: string) => visits.get(name)
    ?? visits.set(name, { minutes: 0, escalatedOut: false, deEscalatedOut: false, reassignments: 0 }).get(name)!;
  let escalated = false;
  let deEscalated = false;
  replay.stints.forEach((stint, i) => {
    const name = stintQueueName(stint);
    if (name === undefined) return;
    const v = visit(name);
    const calendar = ticketCalendar(replay, stint.queue, undefined);
    v.minutes += accumulate(replay.segments, stint.first, stint.last, stint.start, calendar).minutes;
    const next = replay.stints[i + 1];
    if (stint.queue && next?.queue && next.queue.tier > stint.queue.tier) v.escalatedOut = escalated = true;
    if (stint.queue && next?.queue && next.queue.tier < stint.queue.tier) v.deEscalatedOut = deEscalated = true;
  });
  let reassignments = 0;
  for (let i = 1; i < replay.segments.length; i++) {
    const before = replay.segments[i - 1]!;
    if (!isHandover(before, replay.segments[i]!)) continue;
    reassignments++;
    const name = before.queue?.id ?? before.event.queue;
    if (name !== undefined) visit(name).reassignments++;
  }
  const last = replay.stints[replay.stints.length - 1];
  const lastSegment = replay.segments[replay.segments.length - 1];
  const closedIn = last && lastSegment?.closed && !escalated ? stintQueueName(last) : undefined;
  return { visits, escalated, deEscalated, resolvedWithoutEscalationIn: closedIn, reassignments };
}

const norm = (v: string | undefined) => v?.trim().toLowerCase() || undefined;

/**
 * A handover: the ticket moved to another queue, or from one assignee to another. A first assignment
 * or an unassignment is not one.
 */
function isHandover(before: Segment, after: Segment): boolean {
  const queueBefore = before.queue?.id ?? norm(before.event.queue);
  const queueAfter = after.queue?.id ?? norm(after.event.queue);
  if (queueBefore !== undefined && queueAfter !== undefined && queueBefore !== queueAfter) return true;
  const a = norm(before.event.assignee);
  const b = norm(after.event.assignee);
  return a !== undefined && b !== undefined && a !== b;
}
