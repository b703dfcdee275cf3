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
 * `own` are the ticket's rows in `rows`, in file order (see `HistoryRows.bySlot`); the timeline is
 * appended to `into`.
 */
export function buildTimeline(rows: HistoryRows, own: Int32Array, current: Partial<Record<StateField, string>>,
  created: number | undefined, into: EventColumns): TimelineRange {
  const order = rowsInOrder(rows, own);
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

/** The rows by time, file order for ties; rows read in order (the usual case) need no sort. */
function rowsInOrder(rows: HistoryRows, own: Int32Array): number[] {
  const order = Array.from(own);
  for (let i = 1; i < order.length; i++) {
    // Row numbers are positions in the file: sorting by them as well keeps file order for equal times.
    if (rows.at[order[i - 1]!]! > rows.at[order[i]!]!) return order.sort((a, b) => rows.at[a]! - rows.at[b]! || a - b);
  }
  return order;
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
