import type { BusinessCalendar } from '../framework/calendar.js';
import type { FieldView, Predicate } from '../framework/condition.js';
import type { Framework, Queue } from '../framework/model.js';
import type { Ticket, TicketEvent } from '../model/ticket.js';
import { momentView, timeFactReaches } from './facts.js';
import { ticketView } from './view.js';
import { fold } from '../text/fold.js';

/** The time between two events, in the state the first one left the ticket in. */
export interface Segment {
  start: number;
  end: number;
  event: TicketEvent;
  queue: Queue | undefined;
  /** Clocks run: neither paused nor closed. */
  active: boolean;
  closed: boolean;
  /** The priority class in force (framework `priorities`), undefined when none names the priority. */
  priority: string | undefined;
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

/** What facts of the timeline are computed from: the replay without its routing verdicts. */
export interface ReplayCore {
  ticket: Ticket;
  segments: Segment[];
  stints: Stint[];
  /** Index in `stints` of the stint each segment belongs to. */
  stintOf: number[];
  /** The business calendar of this ticket in a queue: a client calendar, the queue's own, or the default. */
  calendarIn(queue: Queue | undefined): BusinessCalendar;
}

export interface TicketReplay extends ReplayCore {
  /** Where routing says the work belongs. */
  home: Queue | undefined;
  asOf: number;
  /** Ticket fields overlaid with the state after one event (or the latest state); no timeline facts. */
  view(event?: TicketEvent): FieldView;
  /** Fields and timeline facts at an instant of one segment (default: its start). */
  viewAt(index: number, at?: number): FieldView;
  /** Fields and facts at the end of the timeline (the latest state, at its last instant). */
  latest: FieldView;
}

/** Replays a ticket's timeline (already cut at asOf) into segments and stints. */
export function replayTicket(ticket: Ticket, framework: Framework, asOf: number): TicketReplay {
  const segments = buildSegments(ticket, framework, asOf);
  const stints = buildStints(segments);
  const stintOf = segments.map(() => 0);
  stints.forEach((s, k) => { for (let i = s.first; i <= s.last; i++) stintOf[i] = k; });
  return new Replay(ticket, segments, stints, stintOf, framework, asOf);
}

interface ClientCalendar { calendar: BusinessCalendar; applies: (q: Queue | undefined) => boolean }

// A class rather than an object literal of closures: one hidden class for every replay, methods shared.
class Replay implements TicketReplay {
  readonly home: Queue | undefined;
  readonly latest: FieldView;
  private readonly client: ClientCalendar | undefined;

  constructor(readonly ticket: Ticket, readonly segments: Segment[], readonly stints: Stint[], readonly stintOf: number[],
    private readonly framework: Framework, readonly asOf: number) {
    const lastIndex = segments.length - 1;
    this.latest = momentView(this, lastIndex, segments[lastIndex]!.end);
    // The client's calendar is decided on the latest fields, the way routing is.
    const entry = framework.clientCalendars.find((c) => c.when(this.latest));
    this.client = entry && { calendar: entry.calendar, applies: (q) => (entry.queues ? !!q && entry.queues.has(q) : !q?.ownCalendar) };
    this.home = framework.routing.find((r) => r.when === undefined || r.when(this.latest))?.queue;
  }

  calendarIn(queue: Queue | undefined): BusinessCalendar {
    return this.client?.applies(queue) ? this.client.calendar : queue?.calendar ?? this.framework.defaultCalendar;
  }

  view(event?: TicketEvent): FieldView {
    return ticketView(this.ticket, event ?? this.segments[this.segments.length - 1]!.event);
  }

  viewAt(index: number, at?: number): FieldView {
    return momentView(this, index, at ?? this.segments[index]!.start);
  }
}

function buildSegments(ticket: Ticket, framework: Framework, asOf: number): Segment[] {
  const timeline = ticket.events();
  const out: Segment[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const event = timeline[i]!;
    const closed = framework.isClosed(event.status);
    const next = timeline[i + 1];
    const end = next ? next.at : closed ? event.at : Math.max(event.at, asOf);
    out.push({
      start: event.at, end, event, queue: framework.resolveQueue(event.queue) ?? framework.resolveTier(event.tier),
      active: !closed && !framework.isPaused(event.status), closed,
      priority: framework.priorityOf(event.priority ?? ticket.fields.priority),
    });
  }
  return out;
}

/** What makes two segments one stay: the same queue (and team, for a `byTeam` queue), or the same unknown name. */
export const stayKey = (s: Segment) => (s.queue ? (s.queue.byTeam ? `${s.queue.id}\u0000${fold(s.event.queue)}` : s.queue.id) : `raw:${fold(s.event.queue)}`);

function buildStints(segments: Segment[]): Stint[] {
  const out: Stint[] = [];
  let current: Stint | undefined;
  let currentKey = '';
  segments.forEach((seg, i) => {
    const key = stayKey(seg);
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

/** A stint the ticket entered while closed: an administrative move, judged by work-after-closure only. */
export function enteredClosed(replay: TicketReplay, stint: Stint): boolean {
  return replay.segments[stint.first]!.closed;
}

/** A moment of the timeline: a segment and an instant within it. */
export interface Moment {
  index: number;
  at: number;
}

/**
 * The first instant of a stint at which the predicate holds (the stint's start when there is none).
 * Fields only change at events; time facts change within a segment, so their thresholds are tried too.
 */
export function firstHolding(replay: TicketReplay, stint: Stint, when: Predicate | undefined): Moment | undefined {
  if (!when) return { index: stint.first, at: stint.start };
  for (let i = stint.first; i <= stint.last; i++) {
    const seg = replay.segments[i]!;
    if (when(replay.viewAt(i, seg.start))) return { index: i, at: seg.start };
    const thresholds = when.timeBounds.map((b) => timeFactReaches(replay, i, b))
      .filter((t): t is number => t !== undefined && t > seg.start && t + 1 < seg.end).sort((a, b) => a - b);
    // Tried a millisecond later, so that `gt` (true only past the threshold) counts from the threshold itself.
    for (const t of thresholds) if (when(replay.viewAt(i, t + 1))) return { index: i, at: t };
  }
  return undefined;
}

/** What the ticket did after a stint, in words. */
export function stintEnding(replay: TicketReplay, stint: Stint): string {
  const next = replay.stints[replay.stints.indexOf(stint) + 1];
  if (next) return `then moved to ${queueName(next)}`;
  return replay.segments[stint.last]!.closed ? 'then was closed there' : 'and is still there';
}

/** How a stay ended, for sentences like "moved to support after 22m ...": moved on, closed there, or still there. */
export function stayOutcome(replay: TicketReplay, stint: Stint): string {
  const next = replay.stints[replay.stints.indexOf(stint) + 1];
  if (next) return `moved from ${queueName(stint)} to ${queueName(next)}`;
  return `${replay.segments[stint.last]!.closed ? 'closed' : 'still'} in ${queueName(stint)}`;
}

export function queueName(stint: Stint): string {
  if (stint.queue) return stint.queue.byTeam && stint.rawQueue ? `${stint.queue.id} "${stint.rawQueue}"` : stint.queue.id;
  return stint.rawQueue ? `"${stint.rawQueue}"` : 'no queue';
}
