import { STATE_FIELDS, type StateField, type TicketEvent } from '../model/ticket.js';

type State = Record<StateField, string | undefined>;

/**
 * A history row as the timeline needs it: the values it set ('' = cleared; undefined = not
 * mentioned) and, from diffs, the values before it. Strings are interned by the assembler.
 */
export interface EventRow extends State {
  at: number;
  /** Position among every row read, so equal times keep file order. */
  seq: number;
  before: Partial<State> | undefined;
}

/**
 * Sorts a ticket's history rows by time (file order for ties) and carries each value forward until
 * a row changes it. Before the first row that mentions a field, the field holds the old value that
 * row gives (diffs), or, if no row ever mentions it, the ticket list's current value. When old
 * values say how the ticket started, a first event at its creation holds that state.
 */
export function buildTimeline(events: EventRow[], current: Partial<State>, created: number | undefined): TicketEvent[] {
  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const { state, fromDiffs } = initialState(events, current);
  const out: TicketEvent[] = [];
  let prev: State = state;
  if (fromDiffs && created !== undefined && created < events[0]!.at) out.push({ at: created, ...prev });
  for (const e of events) {
    const next: TicketEvent = {
      at: e.at, queue: carry(e.queue, prev.queue), status: carry(e.status, prev.status), assignee: carry(e.assignee, prev.assignee),
      tier: carry(e.tier, prev.tier), priority: carry(e.priority, prev.priority),
    };
    out.push(next);
    prev = next;
  }
  return out;
}

const carry = (value: string | undefined, previous: string | undefined) => (value === undefined ? previous : value === '' ? undefined : value);

function initialState(events: EventRow[], current: Partial<State>): { state: State; fromDiffs: boolean } {
  const state = {} as State;
  let fromDiffs = false;
  for (const field of STATE_FIELDS) {
    const first = events.find((e) => e[field] !== undefined || e.before?.[field] !== undefined);
    const before = first?.before?.[field];
    if (before !== undefined) fromDiffs = true;
    state[field] = first ? (before || undefined) : current[field];
  }
  return { state, fromDiffs };
}
