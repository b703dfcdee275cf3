import type { HistoryKind, Ticket, TicketEvent } from '../model/ticket.js';
import type { EventColumns } from './event-columns.js';
import type { TimelineRange } from './timeline.js';

/** A loaded ticket's fields, everything but the timeline. */
export type TicketFields = Omit<Ticket, 'timeline'>;

/**
 * A ticket as loaded: its timeline stays in the load's shared columns and becomes event objects
 * only when read, so a million events are held as numbers, not objects. Each read of `timeline`
 * builds a fresh array: read it once per use.
 */
export class StoredTicket implements Ticket {
  declare queueChanges?: number;
  id: string;
  fields: Ticket['fields'];
  created: number | undefined;
  updated: number | undefined;
  closed: number | undefined;
  hours: number | undefined;
  onsite: boolean | undefined;
  raw: Record<string, string>;
  history: HistoryKind;
  readonly #events: EventColumns;
  readonly #start: number;
  readonly #end: number;

  constructor(t: TicketFields, events: EventColumns, range: TimelineRange) {
    this.id = t.id;
    this.fields = t.fields;
    this.created = t.created;
    this.updated = t.updated;
    this.closed = t.closed;
    this.hours = t.hours;
    this.onsite = t.onsite;
    this.raw = t.raw;
    this.history = t.history;
    if (t.queueChanges !== undefined) this.queueChanges = t.queueChanges;
    this.#events = events;
    this.#start = range.start;
    this.#end = range.end;
  }

  get timeline(): TicketEvent[] {
    return this.#events.events(this.#start, this.#end);
  }

  /** The time of the last event (timelines are in time order), without building the timeline. */
  get lastEventAt(): number {
    return this.#events.at[this.#end - 1]!;
  }
}

