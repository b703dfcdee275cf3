import { CATEGORIES, SEVERITY_RANK, type Category, type Finding, type Severity } from '../model/finding.js';
import type { QueueSummary } from '../model/result.js';

const tickets = new Intl.Collator('en', { numeric: true });

export interface TicketTotal {
  ticket: string;
  summary: string | null;
  findings: number;
  worst: Severity;
  categories: Category[];
  cost: number | null;
}

/** Tickets by their worst severity, then number of findings, then cost: the ones to look at first. */
export function topTickets(findings: readonly Finding[], limit: number): TicketTotal[] {
  const byTicket = new Map<string, TicketTotal>();
  for (const f of findings) {
    const t = byTicket.get(f.ticket)
      ?? byTicket.set(f.ticket, { ticket: f.ticket, summary: null, findings: 0, worst: f.severity, categories: [], cost: null }).get(f.ticket)!;
    t.findings++;
    t.summary ??= f.summary;
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[t.worst]) t.worst = f.severity;
    if (!t.categories.includes(f.category)) t.categories.push(f.category);
    if (f.cost !== null) t.cost = (t.cost ?? 0) + f.cost;
  }
  for (const t of byTicket.values()) t.categories.sort((a, b) => CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b));
  return [...byTicket.values()].sort((a, b) => SEVERITY_RANK[b.worst] - SEVERITY_RANK[a.worst]
    || b.findings - a.findings
    || (b.cost ?? 0) - (a.cost ?? 0)
    || tickets.compare(a.ticket, b.ticket)).slice(0, limit);
}

/** Queues with findings or tickets over their limit, most findings first. */
export function topQueues(queues: readonly QueueSummary[], limit: number): QueueSummary[] {
  return queues.filter((q) => q.findings > 0 || q.overLimit > 0)
    .sort((a, b) => b.findings - a.findings || b.overLimit - a.overLimit || (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0))
    .slice(0, limit);
}
