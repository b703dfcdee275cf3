import { InputError } from '../errors.js';
import type { CanonicalField, StateField, Ticket, TicketEvent } from '../model/ticket.js';
import { RawColumns } from './raw-columns.js';
import { buildTimeline, EventLog } from './timeline.js';

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
  events: EventLog;
  /** Where the ticket's first history row is, for a message about history without a ticket row. */
  firstEvent: { file: string; line: number } | undefined;
}

/** A ticket met only in a history, and where its first row is. */
export interface HistoryOnly {
  id: string;
  file: string;
  line: number;
}

/**
 * Collects rows of every file by ticket id, in any order, and builds tickets with ordered timelines.
 * Only the latest row of each ticket is kept whole; events keep just their (interned) state values.
 */
export class TicketAssembler {
  private readonly drafts = new Map<string, Draft>();
  private readonly strings = new Map<string, string>();
  private readonly altIds = new Map<string, string>();
  private seq = 0;
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
    // Built once, in the shape of every TicketEvent: the timeline fills it in where it is.
    const event: TicketEvent = {
      at: row.at!, queue: this.intern(f.queue), status: this.intern(f.status), assignee: this.intern(f.assignee),
      tier: this.intern(f.tier), priority: this.intern(f.priority),
    };
    let before: Partial<Record<StateField, string>> | undefined;
    for (const c of row.changes ?? []) {
      event[c.field] = this.intern(c.to);
      if (c.from !== undefined) (before ??= {})[c.field] = this.intern(c.from);
    }
    draft.events.add(event, this.seq++, before);
    draft.firstEvent ??= { file: row.file, line: row.line };
    this.historyRows++;
    if (!draft.latest || event.at >= draft.latest.at!) draft.latest = row;
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
    for (const [id, draft] of this.drafts) out.push(buildTicket(id, draft, raw));
    return out;
  }

  /** History filed under a ticket's second id (sys_audit's documentkey) moves to the ticket. */
  private joinAltIds(): void {
    for (const [alt, id] of this.altIds) {
      const from = this.drafts.get(alt);
      if (!from || from.snapshot) continue;
      const to = this.draft(id);
      to.events.take(from.events);
      if (from.latest && (!to.latest || from.latest.at! >= to.latest.at!)) to.latest = from.latest;
      this.drafts.delete(alt);
    }
    this.altIds.clear();
  }

  private draft(id: string): Draft {
    let d = this.drafts.get(id);
    if (!d) {
      d = { snapshot: undefined, latest: undefined, events: new EventLog(), firstEvent: undefined };
      this.drafts.set(id, d);
    }
    return d;
  }

  private intern(s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    const hit = this.strings.get(s);
    if (hit !== undefined) return hit;
    this.strings.set(s, s);
    return s;
  }
}

function buildTicket(id: string, draft: Draft, columns: RawColumns): Ticket {
  const snap = draft.snapshot;
  const last = draft.latest;
  const created = snap?.created ?? last?.created;
  const closed = snap?.closed ?? last?.closed;
  const updated = snap?.updated ?? last?.updated;
  const snapFields = definedOnly(snap?.fields ?? {});
  const timeline = draft.events.length ? buildTimeline(draft.events, snapFields, created) : snapshotTimeline(snapFields, created, updated, closed, snap!);
  const end = timeline[timeline.length - 1]!;
  const fields = { ...last?.fields, ...definedOnly(pickState(end)), ...snapFields };
  const rawRow = snap ?? last!;
  const raw = columns.record(rawRow.keys, rawRow.cells);
  const ticket: Ticket = {
    id, fields, created: created ?? timeline[0]!.at, updated, closed,
    hours: snap?.hours ?? last?.hours, onsite: snap?.onsite ?? last?.onsite,
    raw, timeline, history: draft.events.length ? 'full' : 'snapshot',
  };
  const counted = snap?.counter ?? last?.counter;
  if (counted !== undefined) ticket.queueChanges = counted;
  return ticket;
}

function pickState(e: TicketEvent): Partial<Record<StateField, string | undefined>> {
  return { queue: e.queue, status: e.status, assignee: e.assignee, tier: e.tier, priority: e.priority };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Without history, the best a ticket row allows: in its current queue from creation to its last change. */
function snapshotTimeline(fields: Ticket['fields'], created: number | undefined, updated: number | undefined,
  closed: number | undefined, row: RowData): TicketEvent[] {
  const start = created ?? updated ?? closed;
  if (start === undefined) {
    throw new InputError(`ticket "${fields.id ?? ''}" has no date at all (created, updated or closed)`,
      { file: row.file, line: row.line }, 'map a created or updated column, or pass its change history');
  }
  const state = { queue: fields.queue, assignee: fields.assignee, tier: fields.tier, priority: fields.priority };
  const events: TicketEvent[] = [{ at: start, ...state, status: undefined }];
  const end = closed ?? updated;
  if (end !== undefined && end >= start) events.push({ at: end, ...state, status: fields.status });
  else events[0]!.status = fields.status;
  return events;
}
