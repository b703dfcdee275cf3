import { describe, expect, it } from 'vitest';
import { ticketView } from '../../src/audit/view.js';
import { ticket } from '../support/tickets.js';

describe('ticketView: framework names never reach Object.prototype', () => {
  const t = ticket([['2026-10-05 09:00', 'Help Desk', 'New']], { type: 'Workstation' }, { raw: { Board: 'Help Desk', toString: 'column value' } });
  const view = ticketView(t, t.events()[0]);

  it.each([
    ['column', 'Board', 'Help Desk'],
    ['column', 'board', 'Help Desk'],
    ['column', 'toString', 'column value'],
    ['column', 'constructor', undefined],
    ['column', 'hasOwnProperty', undefined],
    ['column', '__proto__', undefined],
    ['field', 'type', 'Workstation'],
    ['field', 'constructor', undefined],
    ['field', 'toString', undefined],
    ['field', '__proto__', undefined],
  ] as const)('%s %s -> %s', (kind, name, expected) => {
    expect(view[kind](name)).toBe(expected);
  });
});
