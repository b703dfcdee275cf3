import { STATE_FIELDS, type StateField, type TicketEvent } from '../model/ticket.js';

/** State values a history row sets ('' = cleared; a field left out = not mentioned). */
export type StateValues = Partial<Record<StateField, string>>;

/** Id 0 is "no value"; id 1 is ''. */
export const NO_VALUE = 0;
export const EMPTY_VALUE = 1;

/** Every distinct state value once, by a small number: columns hold the numbers. */
export class ValueTable {
  private readonly values: (string | undefined)[] = [undefined, ''];
  private readonly ids = new Map<string, number>([['', EMPTY_VALUE]]);

  id(value: string | undefined): number {
    if (value === undefined) return NO_VALUE;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  value(id: number): string | undefined {
    return this.values[id];
  }

  /** Every value, at its id. */
  list(): (string | undefined)[] {
    return [...this.values];
  }
}

const FIRST_CAPACITY = 1024;

function grown<T extends Float64Array | Int32Array>(column: T, capacity: number): T {
  const bigger = new (column.constructor as new (n: number) => T)(capacity);
  bigger.set(column);
  return bigger;
}

/**
 * Events column by column: a time and one value id per state field each. A million events take
 * about 30 MB this way; as objects (no pointer compression in Node) they took 110 MB.
 */
export class EventColumns {
  length = 0;
  at = new Float64Array(FIRST_CAPACITY);
  state: Int32Array[] = STATE_FIELDS.map(() => new Int32Array(FIRST_CAPACITY));

  constructor(readonly values: ValueTable) {}

  /** Room for one more; returns its index. */
  protected claim(): number {
    if (this.length === this.at.length) this.grow(this.at.length * 2);
    return this.length++;
  }

  protected grow(capacity: number): void {
    this.at = grown(this.at, capacity);
    this.state = this.state.map((c) => grown(c, capacity));
  }

  push(at: number, ids: ArrayLike<number>): number {
    const i = this.claim();
    this.at[i] = at;
    for (let k = 0; k < STATE_FIELDS.length; k++) this.state[k]![i] = ids[k]!;
    return i;
  }

  /** Event `i` as the object the audit reads. */
  event(i: number): TicketEvent {
    const { values, state } = this;
    return {
      at: this.at[i]!, queue: values.value(state[0]![i]!), status: values.value(state[1]![i]!),
      assignee: values.value(state[2]![i]!), tier: values.value(state[3]![i]!), priority: values.value(state[4]![i]!),
    };
  }

  /** Events `start` to `end` (exclusive), built afresh on every call. */
  events(start: number, end: number): TicketEvent[] {
    const out = new Array<TicketEvent>(end - start);
    for (let i = start; i < end; i++) out[i - start] = this.event(i);
    return out;
  }
}

/**
 * History rows as read, in file order: what each row set and, from diffs, the values before it.
 * Rows of one ticket are chained (`next`), so no ticket keeps an array of its own while reading.
 */
export class HistoryRows extends EventColumns {
  next = new Int32Array(FIRST_CAPACITY);
  /** Values before each row (diffs only), allocated when the first one is read. */
  before: Int32Array[] | undefined;

  protected override grow(capacity: number): void {
    super.grow(capacity);
    this.next = grown(this.next, capacity);
    if (this.before) this.before = this.before.map((c) => grown(c, capacity));
  }

  private readonly setIds = new Int32Array(STATE_FIELDS.length);
  private readonly beforeIds = new Int32Array(STATE_FIELDS.length);

  /** One row; `after` is the ticket's previous row (-1 for its first), chained to this one. */
  add(at: number, set: StateValues, before: StateValues | undefined, after: number): number {
    for (let k = 0; k < STATE_FIELDS.length; k++) this.setIds[k] = this.values.id(set[STATE_FIELDS[k]!]);
    if (before !== undefined) for (let k = 0; k < STATE_FIELDS.length; k++) this.beforeIds[k] = this.values.id(before[STATE_FIELDS[k]!]);
    return this.addIds(at, this.setIds, before === undefined ? undefined : this.beforeIds, after);
  }

  /** One row whose values are ids already (of this table): `set` and `before` hold STATE_FIELDS.length each. */
  addIds(at: number, set: ArrayLike<number>, before: ArrayLike<number> | undefined, after: number): number {
    const i = this.claim();
    this.at[i] = at;
    this.next[i] = -1;
    if (after >= 0) this.next[after] = i;
    for (let k = 0; k < STATE_FIELDS.length; k++) this.state[k]![i] = set[k]!;
    if (before !== undefined) {
      const columns = (this.before ??= STATE_FIELDS.map(() => new Int32Array(this.at.length)));
      for (let k = 0; k < STATE_FIELDS.length; k++) columns[k]![i] = before[k]!;
    }
    return i;
  }

  /** The value before row `i` of field number `k` (NO_VALUE when the row did not say). */
  beforeId(k: number, i: number): number {
    return this.before?.[k]![i] ?? NO_VALUE;
  }
}
