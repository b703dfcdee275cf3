import { InputError } from '../errors.js';
import type { CanonicalField, Ticket, TicketEvent } from '../model/ticket.js';

/** One export row, read into canonical values; `cells` and `keys` keep every raw column. */
export interface RowData {
  fields: Partial<Record<CanonicalField, string>>;
  at: number | undefined;
  created: number | undefined;
  updated: number | undefined;
  closed: number | undefined;
  hours: number | undefined;
  onsite: boolean | undefined;
  cells: string[];
  keys: string[];
  file: string;
  line: number;
}

interface EventRow extends TicketEvent {
  seq: number;
}

interface Draft {
  snapshot: RowData | undefined;
  latest: RowData | undefined;
  events: EventRow[];
}

const STATE = ['queue', 'status', 'assignee', 'tier', 'priority'] as const;

/**
 * Collects rows of every file by ticket id, in any order, and builds tickets with ordered timelines.
 * Only the latest row of each ticket is kept whole; events keep just their (interned) state values.
 */
export class TicketAssembler {
  private readonly drafts = new Map<string, Draft>();
  private readonly strings = new Map<string, string>();
  private seq = 0;
  historyRows = 0;

  addSnapshot(id: string, row: RowData): void {
    const draft = this.draft(id);
    if (draft.snapshot) {
      throw new InputError(`ticket "${id}" appears twice in a ticket list (first on line ${draft.snapshot.line})`,
        { file: row.file, line: row.line }, 'a ticket list has one row per ticket; pass change history as a separate file');
    }
    draft.snapshot = row;
  }

  addEvent(id: string, row: RowData): void {
    const draft = this.draft(id);
    const at = row.at!;
    const event: EventRow = { at, seq: this.seq++, queue: undefined, status: undefined, assignee: undefined, tier: undefined, priority: undefined };
    for (const f of STATE) event[f] = this.intern(row.fields[f]);
    draft.events.push(event);
    this.historyRows++;
    if (!draft.latest || at >= draft.latest.at!) draft.latest = row;
  }

  /** Ticket ids that have history but no row in any ticket list. */
  historyOnlyIds(): string[] {
    return [...this.drafts].filter(([, d]) => !d.snapshot).map(([id]) => id);
  }

  get hasSnapshots(): boolean {
    for (const d of this.drafts.values()) if (d.snapshot) return true;
    return false;
  }

  build(): Ticket[] {
    const out: Ticket[] = [];
    for (const [id, draft] of this.drafts) out.push(buildTicket(id, draft));
    return out;
  }

  private draft(id: string): Draft {
    let d = this.drafts.get(id);
    if (!d) {
      d = { snapshot: undefined, latest: undefined, events: [] };
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

function buildTicket(id: string, draft: Draft): Ticket {
  const snap = draft.snapshot;
  const last = draft.latest;
  const fields = { ...last?.fields, ...definedOnly(snap?.fields ?? {}) };
  const created = snap?.created ?? last?.created;
  const closed = snap?.closed ?? last?.closed;
  const updated = snap?.updated ?? last?.updated;
  const rawRow = snap ?? last!;
  const raw: Record<string, string> = {};
  rawRow.keys.forEach((k, i) => { raw[k] = rawRow.cells[i] ?? ''; });
  const timeline = draft.events.length ? carryForward(draft.events) : snapshotTimeline(fields, created, updated, closed, snap!);
  return {
    id, fields, created: created ?? timeline[0]!.at, updated, closed,
    hours: snap?.hours ?? last?.hours, onsite: snap?.onsite ?? last?.onsite,
    raw, timeline, history: draft.events.length ? 'full' : 'snapshot',
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Sorts by time (file order for ties) and fills each event's blanks with the values before it. */
function carryForward(events: EventRow[]): TicketEvent[] {
  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const out: TicketEvent[] = [];
  let prev: TicketEvent | undefined;
  for (const e of events) {
    const next: TicketEvent = {
      at: e.at,
      queue: e.queue ?? prev?.queue, status: e.status ?? prev?.status, assignee: e.assignee ?? prev?.assignee,
      tier: e.tier ?? prev?.tier, priority: e.priority ?? prev?.priority,
    };
    out.push(next);
    prev = next;
  }
  return out;
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
