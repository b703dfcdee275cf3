import { STATE_FIELDS, type StateField } from '../model/ticket.js';
import { EMPTY_VALUE, NO_VALUE, type EventColumns, type HistoryRows } from './event-columns.js';

const FIELDS = STATE_FIELDS.length;

/** Where one ticket's timeline lies in the store: events `start` to `end` (exclusive). */
export interface TimelineRange {
  start: number;
  end: number;
}

/**
 * Sorts a ticket's history rows by time (file order for ties) and carries each value forward until
 * a row changes it. Before the first row that mentions a field, the field holds the old value that
 * row gives (diffs), or, if no row ever mentions it, the ticket list's current value. When old
 * values say how the ticket started, a first event at its creation holds that state.
 *
 * `first` is the ticket's first row in `rows` (the rest are chained to it); the timeline is appended to `into`.
 */
export function buildTimeline(rows: HistoryRows, first: number, current: Partial<Record<StateField, string>>,
  created: number | undefined, into: EventColumns): TimelineRange {
  const order = rowsInOrder(rows, first);
  const { state, fromDiffs } = initialState(rows, order, current);
  const start = into.length;
  if (fromDiffs && created !== undefined && created < rows.at[order[0]!]!) into.push(created, state);
  const carried = Int32Array.from(state);
  for (const row of order) {
    for (let k = 0; k < FIELDS; k++) {
      const set = rows.state[k]![row]!;
      if (set !== NO_VALUE) carried[k] = set === EMPTY_VALUE ? NO_VALUE : set;
    }
    into.push(rows.at[row]!, carried);
  }
  return { start, end: into.length };
}

/** The chain of rows from `first`, by time and then file order; rows read in order (the usual case) need no sort. */
function rowsInOrder(rows: HistoryRows, first: number): number[] {
  const order: number[] = [];
  let sorted = true;
  for (let row = first; row >= 0; row = rows.next[row]!) {
    const previous = order[order.length - 1];
    if (previous !== undefined) {
      const d = rows.at[previous]! - rows.at[row]!;
      sorted &&= d < 0 || (d === 0 && previous < row);
    }
    order.push(row);
  }
  // Row numbers are positions among every row read: equal times keep file order.
  return sorted ? order : order.sort((a, b) => rows.at[a]! - rows.at[b]! || a - b);
}

function initialState(rows: HistoryRows, order: number[], current: Partial<Record<StateField, string>>): { state: number[]; fromDiffs: boolean } {
  const state: number[] = [];
  let fromDiffs = false;
  for (let k = 0; k < FIELDS; k++) {
    const row = order.find((r) => rows.state[k]![r] !== NO_VALUE || rows.beforeId(k, r) !== NO_VALUE);
    if (row === undefined) {
      state.push(rows.values.id(current[STATE_FIELDS[k]!]));
      continue;
    }
    const before = rows.beforeId(k, row);
    if (before !== NO_VALUE) fromDiffs = true;
    state.push(before === EMPTY_VALUE ? NO_VALUE : before);
  }
  return { state, fromDiffs };
}
