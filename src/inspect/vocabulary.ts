import type { Framework, Queue } from '../framework/model.js';
import type { QueueSeen, StatusSeen } from '../model/inspect.js';
import type { Ticket } from '../model/ticket.js';

interface Tally { tickets: number; current: number; closedDates: number }

// Status names that can only mean "done" (English, French, Spanish, Portuguese, German), and words of
// waiting. "Onsite Complete" is not done: a closed word must be the whole name.
const CLOSED_NAME = /^(closed?|clos|resolved?|solved|completed?|cancell?ed|done|finished|fermée?|clôturée?|résolue?|cerrado|resuelto|cancelado|fechado|resolvido|concluído|erledigt|geschlossen|gelöst)$/i;
const WAITING_WORD = /\b(wait(ing)?|awaiting|pending|on hold|scheduled|deferred|suspended|en attente|en espera|esperando|pendiente|aguardando|pendente|wartend)\b/i;

/** Tickets with a closed date that must end in a status before it looks closed by the data alone. */
const MIN_EVIDENCE = 3;

/** Distinct values of one state field along every timeline: tickets ever in it, tickets in it at the end. */
function tally(tickets: Ticket[], field: 'queue' | 'status'): { seen: Map<string, Tally>; never: number } {
  const seen = new Map<string, Tally>();
  let never = 0;
  for (const t of tickets) {
    const values = new Set<string>();
    const events = t.events();
    for (const e of events) if (e[field] !== undefined) values.add(e[field]);
    if (values.size === 0) never++;
    for (const v of values) {
      let entry = seen.get(v);
      if (!entry) seen.set(v, (entry = { tickets: 0, current: 0, closedDates: 0 }));
      entry.tickets++;
    }
    const last = events[events.length - 1]![field];
    if (last !== undefined) {
      const entry = seen.get(last)!;
      entry.current++;
      if (t.closed !== undefined) entry.closedDates++;
    }
  }
  return { seen, never };
}

/** Most tickets first, then by name. */
const byCount = <T extends { name: string; tickets: number }>(a: T, b: T) => b.tickets - a.tickets || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function queuesSeen(tickets: Ticket[], framework: Framework): { queues: QueueSeen[]; never: number } {
  const { seen, never } = tally(tickets, 'queue');
  const byTier = tierQueues(tickets, framework);
  const queues = [...seen].map(([name, t]): QueueSeen => {
    const named = framework.resolveQueue(name);
    const queue = named ?? byTier.get(name);
    return { name, tickets: t.tickets, current: t.current, queue: queue?.id ?? null, tier: queue?.tier ?? null,
      by: named ? 'name' : queue ? 'tier' : null };
  });
  return { queues: queues.sort(byCount), never };
}

/** For names no queue matches: the queue the tier values of their events resolve to most often (`matchTier`). */
function tierQueues(tickets: Ticket[], framework: Framework): Map<string, Queue> {
  const counts = new Map<string, Map<Queue, number>>();
  for (const t of tickets) {
    for (const e of t.events()) {
      if (e.queue === undefined || framework.resolveQueue(e.queue)) continue;
      const queue = framework.resolveTier(e.tier);
      if (!queue) continue;
      const forName = counts.get(e.queue) ?? counts.set(e.queue, new Map()).get(e.queue)!;
      forName.set(queue, (forName.get(queue) ?? 0) + 1);
    }
  }
  const out = new Map<string, Queue>();
  for (const [name, byQueue] of counts) out.set(name, [...byQueue].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}

/**
 * The framework knows a status when it lists it as paused or closed; every other status is open to the
 * audit (its clocks run). An unlisted status is flagged, and more loudly when it looks closed or paused.
 */
export function statusesSeen(tickets: Ticket[], framework: Framework): { statuses: StatusSeen[]; never: number } {
  const { seen, never } = tally(tickets, 'status');
  const statuses = [...seen].map(([name, t]): StatusSeen => {
    const treatedAs = framework.isClosed(name) ? 'closed' : framework.isPaused(name) ? 'paused' : 'open';
    const known = treatedAs !== 'open';
    const looksClosed = CLOSED_NAME.test(name.trim()) || (t.closedDates >= MIN_EVIDENCE && t.closedDates * 2 > t.current);
    const looksLike = known ? null : looksClosed ? 'closed' : WAITING_WORD.test(name) ? 'paused' : null;
    return { name, tickets: t.tickets, current: t.current, treatedAs, known, looksLike };
  });
  return { statuses: statuses.sort(byCount), never };
}
