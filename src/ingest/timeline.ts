import { STATE_FIELDS, type StateField, type TicketEvent } from '../model/ticket.js';

type State = Record<StateField, string | undefined>;

/**
 * A ticket's history rows as read, each already the event object it becomes: until the timeline is
 * built its values are what the row set ('' = cleared; undefined = not mentioned). Alongside: each
 * row's position among every row read (equal times keep file order) and, from diffs, the values
 * before it. Strings are interned by the assembler.
 */
export class EventLog {
  readonly events: TicketEvent[] = [];
  private seqs: number[] = [];
  private befores: (Partial<State> | undefined)[] | undefined;

  get length(): number {
    return this.events.length;
  }

  add(event: TicketEvent, seq: number, before?: Partial<State>): void {
    if (before !== undefined) (this.befores ??= [])[this.events.length] = before;
    this.events.push(event);
    this.seqs.push(seq);
  }

  /** Moves another log's rows into this one (a history filed under a second id). */
  take(other: EventLog): void {
    other.events.forEach((e, i) => this.add(e, other.seqs[i]!, other.befores?.[i]));
    other.events.length = 0;
    other.seqs = [];
  }

  before(i: number): Partial<State> | undefined {
    return this.befores?.[i];
  }

  /** Orders the rows by time, file order for equal times; rows read in order (the usual case) stay put. */
  sort(): void {
    const { events, seqs } = this;
    let sorted = true;
    for (let i = 1; i < events.length && sorted; i++) {
      const d = events[i - 1]!.at - events[i]!.at;
      sorted = d < 0 || (d === 0 && seqs[i - 1]! < seqs[i]!);
    }
    if (sorted) return;
    const order = events.map((_, i) => i).sort((a, b) => events[a]!.at - events[b]!.at || seqs[a]! - seqs[b]!);
    const befores = this.befores;
    const [e, s, b] = [[...events], [...seqs], befores && [...befores]];
    order.forEach((from, to) => {
      events[to] = e[from]!;
      seqs[to] = s[from]!;
      if (befores) befores[to] = b![from];
    });
  }
}

/**
 * Sorts a ticket's history rows by time (file order for ties) and carries each value forward until
 * a row changes it. Before the first row that mentions a field, the field holds the old value that
 * row gives (diffs), or, if no row ever mentions it, the ticket list's current value. When old
 * values say how the ticket started, a first event at its creation holds that state.
 *
 * The log's own event objects become the timeline (filled in where they are): a million-row history
 * is never held twice.
 */
export function buildTimeline(log: EventLog, current: Partial<State>, created: number | undefined): TicketEvent[] {
  log.sort();
  const events = log.events;
  const { state, fromDiffs } = initialState(log, current);
  let prev: State = state;
  for (const e of events) {
    e.queue = carry(e.queue, prev.queue);
    e.status = carry(e.status, prev.status);
    e.assignee = carry(e.assignee, prev.assignee);
    e.tier = carry(e.tier, prev.tier);
    e.priority = carry(e.priority, prev.priority);
    prev = e;
  }
  if (fromDiffs && created !== undefined && created < events[0]!.at) {
    events.unshift({ at: created, queue: state.queue, status: state.status, assignee: state.assignee, tier: state.tier, priority: state.priority });
  }
  return events;
}

const carry = (value: string | undefined, previous: string | undefined) => (value === undefined ? previous : value === '' ? undefined : value);

function initialState(log: EventLog, current: Partial<State>): { state: State; fromDiffs: boolean } {
  const state = {} as State;
  let fromDiffs = false;
  for (const field of STATE_FIELDS) {
    const i = log.events.findIndex((e, k) => e[field] !== undefined || log.before(k)?.[field] !== undefined);
    const before = i < 0 ? undefined : log.before(i)?.[field];
    if (before !== undefined) fromDiffs = true;
    state[field] = i >= 0 ? (before || undefined) : current[field];
  }
  return { state, fromDiffs };
}
