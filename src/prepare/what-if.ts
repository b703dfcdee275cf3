import type { AuditOutcome } from '../audit/audit.js';
import { compareTicketIds } from '../model/ticket.js';
import type { WhatIf, WhatIfChange } from '../model/result.js';

/**
 * The same tickets judged under two frameworks: findings per rule before and after, and every ticket
 * whose findings changed (one added, gone, or at another instant), with the rules that changed on it.
 */
export function compareOutcomes(before: AuditOutcome, after: AuditOutcome, changes: WhatIfChange[]): WhatIf {
  const ids = [...new Set([...before.rules.map((r) => r.id), ...after.rules.map((r) => r.id)])];
  const coverage = (o: AuditOutcome, id: string) => o.rules.find((r) => r.id === id);
  const rules = ids.map((id) => ({
    id,
    before: coverage(before, id)?.findings ?? 0, after: coverage(after, id)?.findings ?? 0,
    ticketsBefore: coverage(before, id)?.fired ?? 0, ticketsAfter: coverage(after, id)?.fired ?? 0,
    present: !coverage(after, id) ? 'before' as const : !coverage(before, id) ? 'after' as const : 'both' as const,
  }));
  const findingsOf = (o: AuditOutcome) => {
    const byTicket = new Map<string, Map<string, string[]>>();
    for (const f of o.findings) {
      const rules = byTicket.get(f.ticket) ?? byTicket.set(f.ticket, new Map()).get(f.ticket)!;
      (rules.get(f.rule) ?? rules.set(f.rule, []).get(f.rule)!).push(f.id);
    }
    return byTicket;
  };
  const a = findingsOf(before);
  const b = findingsOf(after);
  const tickets: WhatIf['tickets'] = [];
  for (const ticket of [...new Set([...a.keys(), ...b.keys()])].sort(compareTicketIds)) {
    const changed = ids.flatMap((id) => {
      const x = a.get(ticket)?.get(id) ?? [];
      const y = b.get(ticket)?.get(id) ?? [];
      const same = x.length === y.length && x.every((f, i) => f === y[i]);
      return same ? [] : [{ id, before: x.length, after: y.length }];
    });
    if (changed.length > 0) tickets.push({ ticket, rules: changed });
  }
  return { changes, rules, tickets };
}
