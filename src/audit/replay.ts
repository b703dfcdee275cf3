import type { FieldView, Predicate } from '../framework/condition.js';
import type { Framework, Queue } from '../framework/model.js';
import type { Ticket, TicketEvent } from '../model/ticket.js';
import { ticketView } from './view.js';

/** The time between two events, in the state the first one left the ticket in. */
export interface Segment {
  start: number;
  end: number;
  event: TicketEvent;
  queue: Queue | undefined;
  /** Clocks run: neither paused nor closed. */
  active: boolean;
  closed: boolean;
}

/** An unbroken stay in one queue: the segments first..last (inclusive). */
export interface Stint {
  queue: Queue | undefined;
  rawQueue: string | undefined;
  first: number;
  last: number;
  start: number;
  end: number;
  /** Segment index at which the ticket was closed within the stint, if it was. */
  closedAt: number | undefined;
}

export interface TicketReplay {
  ticket: Ticket;
  segments: Segment[];
  stints: Stint[];
  /** Where routing says the work belongs. */
  home: Queue | undefined;
  asOf: number;
  /** Ticket fields overlaid with the state after one event (or the latest state). */
  view(event?: TicketEvent): FieldView;
}

/** Replays a ticket's timeline (already cut at asOf) into segments and stints. */
export function replayTicket(ticket: Ticket, framework: Framework, asOf: number): TicketReplay {
  const segments = buildSegments(ticket.timeline, framework, asOf);
  const stints = buildStints(segments);
  const view = (event?: TicketEvent) => ticketView(ticket, event ?? ticket.timeline[ticket.timeline.length - 1]);
  const latest = view();
  const home = framework.routing.find((r) => r.when === undefined || r.when(latest))?.queue;
  return { ticket, segments, stints, home, asOf, view };
}

function buildSegments(timeline: TicketEvent[], framework: Framework, asOf: number): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const event = timeline[i]!;
    const closed = framework.isClosed(event.status);
    const next = timeline[i + 1];
    const end = next ? next.at : closed ? event.at : Math.max(event.at, asOf);
    out.push({
      start: event.at, end, event, queue: framework.resolveQueue(event.queue),
      active: !closed && !framework.isPaused(event.status), closed,
    });
  }
  return out;
}

const queueKey = (s: Segment) => s.queue?.id ?? `raw:${(s.event.queue ?? '').trim().toLowerCase()}`;

function buildStints(segments: Segment[]): Stint[] {
  const out: Stint[] = [];
  let current: Stint | undefined;
  let currentKey = '';
  segments.forEach((seg, i) => {
    const key = queueKey(seg);
    if (!current || key !== currentKey) {
      current = { queue: seg.queue, rawQueue: seg.event.queue, first: i, last: i, start: seg.start, end: seg.end, closedAt: undefined };
      currentKey = key;
      out.push(current);
    } else {
      current.last = i;
      current.end = seg.end;
    }
    if (seg.closed && current.closedAt === undefined) current.closedAt = i;
  });
  return out;
}

export function previousStint(replay: TicketReplay, stint: Stint): Stint | undefined {
  const i = replay.stints.indexOf(stint);
  return i > 0 ? replay.stints[i - 1] : undefined;
}

/** A stint the ticket entered by coming down from a higher tier (a de-escalation). */
export function cameDown(replay: TicketReplay, stint: Stint): boolean {
  const prev = previousStint(replay, stint);
  return !!(prev?.queue && stint.queue && prev.queue.tier > stint.queue.tier);
}

/** The first segment of a stint at which the predicate holds (the stint's first when there is none). */
export function firstHolding(replay: TicketReplay, stint: Stint, when: Predicate | undefined): number | undefined {
  if (!when) return stint.first;
  for (let i = stint.first; i <= stint.last; i++) if (when(replay.view(replay.segments[i]!.event))) return i;
  return undefined;
}

/** What the ticket did after a stint, in words. */
export function stintEnding(replay: TicketReplay, stint: Stint): string {
  const next = replay.stints[replay.stints.indexOf(stint) + 1];
  if (next) return `then moved to ${queueName(next)}`;
  return stint.closedAt !== undefined ? 'then was closed there' : 'and is still there';
}

export function queueName(stint: Stint): string {
  return stint.queue?.id ?? (stint.rawQueue ? `"${stint.rawQueue}"` : 'no queue');
}
