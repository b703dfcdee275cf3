import type { KnowsLastEvent, Ticket, TicketEvent } from '../model/ticket.js';
import type { EventColumns } from './event-columns.js';
import type { TimelineRange } from './timeline.js';

/** A loaded ticket's fields, everything but the timeline. */
export type TicketFields = Omit<Ticket, 'timeline'>;

/**
 * A ticket as loaded: its timeline stays in the load's shared columns and becomes event objects
 * only when read, so a million events are held as numbers, not objects. Each read of `timeline`
 * builds a fresh array: read it once per use.
 */
// The class takes every field of a ticket but its timeline (declaration merging, no second list).
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

  get timeline(): TicketEvent[] {
    return this.#events.events(this.#start, this.#end);
  }

  /** The time of the last event (timelines are in time order), without building the timeline. */
  get lastEventAt(): number {
    return this.#events.at[this.#end - 1]!;
  }
}

