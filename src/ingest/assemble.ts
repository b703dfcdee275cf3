import { InputError } from '../errors.js';
import { STATE_FIELDS, type CanonicalField, type StateField, type Ticket } from '../model/ticket.js';
import { EventColumns, HistoryRows, NO_VALUE, ValueTable, type StateValues } from './event-columns.js';
import { RawColumns } from './raw-columns.js';
import { StoredTicket, type TicketFields } from './stored-ticket.js';
import { buildTimeline, type TimelineRange } from './timeline.js';

/** A field change read from a diff or text history row; '' means empty. */
export interface Change {
  field: StateField;
  from: string | undefined;
  to: string;
}

/** One export row, read into canonical values; `cells` and `keys` keep every raw column. */
export interface RowData {
  fields: Partial<Record<CanonicalField, string>>;
  at: number | undefined;
  created: number | undefined;
  updated: number | undefined;
  closed: number | undefined;
  /** When the ticket entered its current queue (a ticket list's `queueSince` column). */
  queueSince?: number | undefined;
  hours: number | undefined;
  onsite: boolean | undefined;
  /** History rows that name what changed (diffs, sentences). */
  changes: Change[] | undefined;
  /** Queue changes the PSA counted (reassignment_count, group stations - 1). */
  counter: number | undefined;
  /** A second id history files may use for this ticket (ServiceNow sys_id). */
  altId: string | undefined;
  cells: string[];
  keys: string[];
  file: string;
  line: number;
}

interface Draft {
  snapshot: RowData | undefined;
  latest: RowData | undefined;
  /** The ticket's first and last history rows (-1: none yet) and how many it has. */
  firstRow: number;
  lastRow: number;
  events: number;
  /** Where the ticket's first history row is, for a message about history without a ticket row. */
  firstEvent: { file: string; line: number } | undefined;
}

/**
 * The history rows one part of a file was read into (by a worker, see parallel/), as numbers, for the
 * main thread to append: its tickets in the order first met, and its rows in file order.
 */
export interface AssembledPart {
  tickets: string[];
  /** Per ticket: its first row, its number of rows, the (part's) line of its first row, its latest row whole. */
  firstRows: Int32Array;
  events: Int32Array;
  firstLines: Int32Array;
  latest: RowData[];
  /** The part's value table: the values of `state` and `before` by id. */
  values: (string | undefined)[];
  length: number;
  at: Float64Array;
  state: Int32Array[];
  next: Int32Array;
  before: Int32Array[] | undefined;
}

/** A ticket met only in a history, and where its first row is. */
export interface HistoryOnly {
  id: string;
  file: string;
  line: number;
}

/**
 * Collects rows of every file by ticket id, in any order, and builds tickets with ordered timelines.
 * Only the latest row of each ticket is kept whole; history rows keep just their state values, in columns.
 */
export class TicketAssembler {
  private readonly drafts = new Map<string, Draft>();
  private readonly values = new ValueTable();
  private readonly rows = new HistoryRows(this.values);
  private readonly altIds = new Map<string, string>();
  historyRows = 0;

  addSnapshot(id: string, row: RowData): void {
    const draft = this.draft(id);
    if (draft.snapshot) {
      throw new InputError(`ticket "${id}" appears twice in a ticket list (first on line ${draft.snapshot.line})`,
        { file: row.file, line: row.line }, 'a ticket list has one row per ticket; pass an event log (one row per update) with --history');
    }
    draft.snapshot = row;
    if (row.altId !== undefined && row.altId !== id) this.altIds.set(row.altId, id);
  }

  addEvent(id: string, row: RowData): void {
    const draft = this.draft(id);
    const f = row.fields;
    let set: StateValues = f;
    let before: StateValues | undefined;
    if (row.changes?.length) {
      set = { queue: f.queue, status: f.status, assignee: f.assignee, tier: f.tier, priority: f.priority };
      for (const c of row.changes) {
        set[c.field] = c.to;
        if (c.from !== undefined) (before ??= {})[c.field] = c.from;
      }
    }
    const at = row.at!;
    draft.lastRow = this.rows.add(at, set, before, draft.lastRow);
    if (draft.firstRow < 0) draft.firstRow = draft.lastRow;
    draft.events++;
    draft.firstEvent ??= { file: row.file, line: row.line };
    this.historyRows++;
    if (!draft.latest || at >= draft.latest.at!) draft.latest = row;
  }

  /** What this assembler holds, when it read one part of one history file (and nothing else). */
  exportPart(): AssembledPart {
    const drafts = [...this.drafts.values()];
    if (this.altIds.size > 0 || drafts.some((d) => d.snapshot !== undefined)) throw new Error('only a history part can be exported');
    const { rows } = this;
    const n = rows.length;
    return {
      tickets: [...this.drafts.keys()],
      firstRows: Int32Array.from(drafts, (d) => d.firstRow),
      events: Int32Array.from(drafts, (d) => d.events),
      firstLines: Int32Array.from(drafts, (d) => d.firstEvent!.line),
      latest: drafts.map((d) => d.latest!),
      values: this.values.list(),
      length: n,
      at: rows.at.slice(0, n),
      state: rows.state.map((c) => c.slice(0, n)),
      next: rows.next.slice(0, n),
      before: rows.before?.map((c) => c.slice(0, n)),
    };
  }

  /**
   * Appends a part read elsewhere, exactly as if its rows had been added here one by one: `lineOffset`
   * turns the part's line numbers into the file's.
   */
  absorb(part: AssembledPart, file: string, lineOffset: number): void {
    const ids = part.values.map((v) => this.values.id(v));
    const drafts = part.tickets.map((id) => this.draft(id));
    const owner = new Int32Array(part.length);
    part.firstRows.forEach((first, t) => {
      for (let i = first; i >= 0; i = part.next[i]!) owner[i] = t;
    });
    const set = new Int32Array(STATE_FIELDS.length);
    const before = part.before && new Int32Array(STATE_FIELDS.length);
    for (let i = 0; i < part.length; i++) {
      const draft = drafts[owner[i]!]!;
      for (let k = 0; k < STATE_FIELDS.length; k++) set[k] = ids[part.state[k]![i]!]!;
      if (before) for (let k = 0; k < STATE_FIELDS.length; k++) before[k] = ids[part.before![k]![i]!]!;
      draft.lastRow = this.rows.addIds(part.at[i]!, set, before, draft.lastRow);
      if (draft.firstRow < 0) draft.firstRow = draft.lastRow;
    }
    drafts.forEach((draft, t) => {
      draft.events += part.events[t]!;
      draft.firstEvent ??= { file, line: part.firstLines[t]! + lineOffset };
      const latest = part.latest[t]!;
      latest.line += lineOffset;
      if (!draft.latest || latest.at! >= draft.latest.at!) draft.latest = latest;
    });
    this.historyRows += part.length;
  }

  /** Tickets that have history but no row in any ticket list, in the order first met. */
  historyOnly(): HistoryOnly[] {
    this.joinAltIds();
    return [...this.drafts].flatMap(([id, d]) => (d.snapshot || !d.firstEvent ? [] : [{ id, ...d.firstEvent }]));
  }

  get hasSnapshots(): boolean {
    for (const d of this.drafts.values()) if (d.snapshot) return true;
    return false;
  }

  build(): Ticket[] {
    this.joinAltIds();
    const out: Ticket[] = [];
    const raw = new RawColumns();
    const timelines = new EventColumns(this.values);
    for (const [id, draft] of this.drafts) out.push(buildTicket(id, draft, raw, this.rows, timelines));
    this.drafts.clear();
    return out;
  }

  /** History filed under a ticket's second id (sys_audit's documentkey) moves to the ticket. */
  private joinAltIds(): void {
    for (const [alt, id] of this.altIds) {
      const from = this.drafts.get(alt);
      if (!from || from.snapshot) continue;
      const to = this.draft(id);
      // Chained after the ticket's own rows; the timeline sorts them by time and file position.
      if (from.firstRow >= 0) {
        if (to.lastRow >= 0) this.rows.next[to.lastRow] = from.firstRow;
        else to.firstRow = from.firstRow;
        to.lastRow = from.lastRow;
        to.events += from.events;
      }
      if (from.latest && (!to.latest || from.latest.at! >= to.latest.at!)) to.latest = from.latest;
      this.drafts.delete(alt);
    }
    this.altIds.clear();
  }

  private draft(id: string): Draft {
    let d = this.drafts.get(id);
    if (!d) {
      d = { snapshot: undefined, latest: undefined, firstRow: -1, lastRow: -1, events: 0, firstEvent: undefined };
      this.drafts.set(id, d);
    }
    return d;
  }
}

function buildTicket(id: string, draft: Draft, columns: RawColumns, rows: HistoryRows, timelines: EventColumns): Ticket {
  const snap = draft.snapshot;
  const last = draft.latest;
  const created = snap?.created ?? last?.created;
  const closed = snap?.closed ?? last?.closed;
  const updated = snap?.updated ?? last?.updated;
  const snapFields = definedOnly(snap?.fields ?? {});
  const range = draft.events ? buildTimeline(rows, draft.firstRow, snapFields, created, timelines)
    : snapshotTimeline(snapFields, created, updated, closed, enteredQueue(snap!), snap!, timelines);
  const fields = { ...last?.fields, ...definedOnly(stateAt(timelines, range.end - 1)), ...snapFields };
  const rawRow = snap ?? last!;
  const raw = columns.record(rawRow.keys, rawRow.cells);
  const ticket: TicketFields = {
    id, fields, created: created ?? timelines.at[range.start]!, updated, closed,
    hours: snap?.hours ?? last?.hours, onsite: snap?.onsite ?? last?.onsite,
    raw, history: draft.events ? 'full' : 'snapshot',
  };
  const counted = snap?.counter ?? last?.counter;
  if (counted !== undefined) ticket.queueChanges = counted;
  const since = draft.events ? undefined : enteredQueue(snap!);
  if (since !== undefined) ticket.queueSince = since;
  return new StoredTicket(ticket, timelines, range);
}

function stateAt(timelines: EventColumns, i: number): Partial<Record<StateField, string | undefined>> {
  const e = timelines.event(i);
  return { queue: e.queue, status: e.status, assignee: e.assignee, tier: e.tier, priority: e.priority };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] !== undefined) out[key] = o[key];
  return out;
}

/** When a ticket row says the ticket entered its queue; not when its counter says it never moved (it was created there). */
function enteredQueue(row: RowData): number | undefined {
  return row.counter === 0 ? undefined : row.queueSince;
}

/**
 * Without history, the best a ticket row allows: in its current queue from creation (or from when
 * the row says it entered it, with no queue known before) to its last change.
 */
function snapshotTimeline(fields: Ticket['fields'], created: number | undefined, updated: number | undefined,
  closed: number | undefined, queueSince: number | undefined, row: RowData, into: EventColumns): TimelineRange {
  const start = created ?? updated ?? closed;
  if (start === undefined) {
    throw new InputError(`ticket "${fields.id ?? ''}" has no date at all (created, updated or closed)`,
      { file: row.file, line: row.line }, 'map a created or updated column, or pass its change history');
  }
  const ids = STATE_FIELDS.map((f) => into.values.id(fields[f]));
  const status = STATE_FIELDS.indexOf('status');
  const first = into.length;
  const end = closed ?? updated;
  const queue = STATE_FIELDS.indexOf('queue');
  if (queueSince !== undefined && queueSince > start && (end === undefined || queueSince <= end)) {
    into.push(start, ids.map((id, k) => (k === status || k === queue ? NO_VALUE : id)));
    // Its status between entering the queue and the last update is not in the row.
    if (end !== undefined && end > queueSince) into.push(queueSince, ids.map((id, k) => (k === status ? NO_VALUE : id)));
    into.push(end ?? queueSince, ids);
  } else if (end !== undefined && end >= start) {
    into.push(start, ids.map((id, k) => (k === status ? NO_VALUE : id)));
    into.push(end, ids);
  } else {
    into.push(start, ids);
  }
  return { start: first, end: into.length };
}
