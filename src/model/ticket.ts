/** Canonical ticket fields every preset and mapping file maps export columns onto. */
export const CANONICAL_FIELDS = [
  'id', 'at', 'queue', 'status', 'priority', 'type', 'subtype', 'source', 'assignee', 'tier',
  'created', 'updated', 'closed', 'hours', 'summary', 'company', 'onsite',
  // When the ticket entered the queue it is in, for ticket lists that say so.
  'queueSince',
  // Counters some exports give instead of history: queue changes, or queues passed through.
  'reassignments', 'stations',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Fields whose value changes along a timeline; each event carries all of them, carried forward. */
export const STATE_FIELDS = ['queue', 'status', 'assignee', 'tier', 'priority'] as const;
export type StateField = (typeof STATE_FIELDS)[number];

/** The state of a ticket right after something happened to it. Times are epoch milliseconds. */
export interface TicketEvent {
  at: number;
  queue: string | undefined;
  status: string | undefined;
  assignee: string | undefined;
  tier: string | undefined;
  priority: string | undefined;
}

/** How much of a ticket's past the export told us. */
export type HistoryKind = 'full' | 'snapshot';

export interface Ticket {
  id: string;
  /** Latest known value of every canonical text field (ids, dates and numbers are typed below). */
  fields: Partial<Record<CanonicalField, string>>;
  created: number | undefined;
  updated: number | undefined;
  closed: number | undefined;
  hours: number | undefined;
  onsite: boolean | undefined;
  /** Every column of the ticket's latest row, by header name as exported (duplicates suffixed " #2"). */
  raw: Record<string, string>;
  /**
   * Its events, ordered by time (equal times keep file order); never empty. A loaded ticket builds
   * them from the load's shared columns on each call: call once per use.
   */
  events(): TicketEvent[];
  history: HistoryKind;
  /**
   * Queue changes as the PSA counted them (ServiceNow `reassignment_count`, Zendesk `Group stations`
   * minus one), when the export has such a counter. Checks use it when `history` is 'snapshot'.
   */
  queueChanges?: number;
  /** When the ticket entered its current queue, when a ticket list says so (`queueSince`): a stay a row can show. */
  queueSince?: number;
}

/** A ticket holding its events in an array of its own: a timeline cut at the as-of time, a ticket built by hand. */
export const withEvents = (ticket: Omit<Ticket, 'events'>, events: TicketEvent[]): Ticket => ({ ...ticket, events: () => events });

/** A ticket that tells when its last event happened without building its events (a loaded ticket does). */
export interface KnowsLastEvent {
  readonly lastEventAt: number;
}

/** Ticket ids compare as numbers when both are numeric, so 9 sorts before 10; otherwise by code unit. */
export function compareTicketIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by {@link compareTicketIds}, reading each id as a number once instead of at every comparison. */
export function sortByTicketId<T extends { id: string }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, n: item.id === '' ? NaN : Number(item.id) }));
  keyed.sort((a, b) => (Number.isFinite(a.n) && Number.isFinite(b.n) && a.n !== b.n ? a.n - b.n
    : a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return keyed.map((k) => k.item);
}
