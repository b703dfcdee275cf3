import { describe, expect, it } from 'vitest';
import { audit, compareFindings } from '../../src/audit/audit.js';
import type { Ticket } from '../../src/model/ticket.js';
import { at, defaultFramework, ticket } from '../support/tickets.js';

const fw = defaultFramework();
// Tickets with several findings each: sat too long in triage, bounced, left idle.
const busy = (id: string): Ticket => ticket([
  ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 11:00', 'Support', 'In Progress'],
  ['2026-10-05 11:30', 'Help Desk', 'In Progress'], ['2026-10-08 16:00', 'Support', 'In Progress'],
], { id });
const ids = ['10', '9', '100', 'A-1', '2', 'a-1'];

describe('findings order', () => {
  const inOrder = audit([...ids].sort().map(busy), fw, { asOf: at('2026-10-20 10:00') }).findings;

  it('has several findings per ticket to order', () => {
    expect(inOrder.length).toBeGreaterThan(2 * ids.length);
  });

  it.each([
    ['as given', ids],
    ['reversed', [...ids].reverse()],
    ['by number', ['2', '9', '10', '100', 'A-1', 'a-1']],
  ])('is by ticket, instant, rule whatever the ticket order: %s', (_name, order) => {
    const findings = audit(order.map(busy), fw, { asOf: at('2026-10-20 10:00') }).findings;
    expect(findings.map((f) => f.id)).toEqual(inOrder.map((f) => f.id));
    expect([...findings].sort(compareFindings)).toEqual(findings);
  });
});
