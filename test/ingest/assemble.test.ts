import { describe, expect, it } from 'vitest';
import { TicketAssembler, type RowData } from '../../src/ingest/assemble.js';

let line = 0;
const row = (id: string, at: number | undefined, fields: RowData['fields'] = {}, altId?: string): RowData => ({
  fields: { id, ...fields }, at, created: undefined, updated: at, closed: undefined, hours: undefined, onsite: undefined,
  changes: undefined, counter: undefined, altId, cells: [id], keys: ['id'], file: 'f.csv', line: ++line,
});

describe('ticket assembly', () => {
  it('history filed under a second id joins the ticket by time, then file position, among other tickets\' rows', () => {
    const a = new TicketAssembler();
    a.addSnapshot('INC3', { ...row('INC3', undefined, { status: 'now' }, 'sys3'), created: 1 });
    const history: [string, number, string][] = [['INC3', 10, 'a'], ['INC2', 3, 'x'], ['sys3', 10, 'b'], ['INC3', 10, 'c'], ['sys3', 5, 'z']];
    for (const [id, at, status] of history) a.addEvent(id, row(id, at, { status }));
    a.addSnapshot('INC2', { ...row('INC2', undefined), created: 1 });
    const tickets = new Map(a.build().map((t) => [t.id, t]));
    expect([...tickets.keys()].sort()).toEqual(['INC2', 'INC3']);
    expect(tickets.get('INC3')!.events().map((e) => [e.at, e.status])).toEqual([[5, 'z'], [10, 'a'], [10, 'b'], [10, 'c']]);
    expect(tickets.get('INC2')!.events().map((e) => [e.at, e.status])).toEqual([[3, 'x']]);
  });
});
