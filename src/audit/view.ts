import type { FieldView } from '../framework/condition.js';
import type { Ticket, TicketEvent } from '../model/ticket.js';

/** Conditions read the ticket's latest fields, with the state fields taken from one moment. */
export function ticketView(ticket: Ticket, state: TicketEvent | undefined): FieldView {
  return {
    field(name) {
      switch (name) {
        case 'queue': return state?.queue ?? ticket.fields.queue;
        case 'status': return state?.status ?? ticket.fields.status;
        case 'assignee': return state?.assignee ?? ticket.fields.assignee;
        case 'tier': return state?.tier ?? ticket.fields.tier;
        case 'priority': return state?.priority ?? ticket.fields.priority;
        case 'onsite': return ticket.onsite === undefined ? undefined : String(ticket.onsite);
        case 'hours': return ticket.hours === undefined ? undefined : String(ticket.hours);
        default: return own(ticket.fields, name);
      }
    },
    column(name) {
      const hit = own(ticket.raw, name);
      if (hit !== undefined) return hit;
      const want = name.trim().toLowerCase();
      const key = Object.keys(ticket.raw).find((k) => k.trim().toLowerCase() === want);
      return key === undefined ? undefined : ticket.raw[key];
    },
  };
}

// Names come from the framework: `toString` or `constructor` must not reach Object.prototype.
function own(record: Partial<Record<string, string>>, name: string): string | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
