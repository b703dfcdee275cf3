import type { KnowsLastEvent, Ticket, TicketEvent } from '../model/ticket.js';
import type { EventColumns } from './event-columns.js';
import type { TimelineRange } from './timeline.js';

/** A loaded ticket's fields, everything but its events. */
export type TicketFields = Omit<Ticket, 'events'>;

/**
 * A ticket as loaded: its events stay in the load's shared columns (EventColumns: a million events
 * in about 30 MB, 110 MB as objects) and become event objects only when `events()` is called, each
 * call building a fresh array.
 */
// The class takes every field of a ticket but its events (declaration merging, no second list).
export interface StoredTicket extends TicketFields {}

export class StoredTicket implements Ticket, KnowsLastEvent {
  readonly #events: EventColumns;
  readonly #start: number;
  readonly #end: number;

  /** `fields` holds `queueChanges` only when the export counted them. */
  constructor(fields: TicketFields, events: EventColumns, range: TimelineRange) {
    Object.assign(this, fields);
    this.#events = events;
    this.#start = range.start;
    this.#end = range.end;
  }

  events(): TicketEvent[] {
    return this.#events.events(this.#start, this.#end);
  }

  /** The time of the last event (events are in time order), without building them. */
  get lastEventAt(): number {
    return this.#events.at[this.#end - 1]!;
  }
}

