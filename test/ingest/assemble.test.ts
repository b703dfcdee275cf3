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
    const tickets = a.build();
    expect(tickets.map((t) => t.id)).toEqual(['INC2', 'INC3']);
    expect(tickets[1]!.timeline.map((e) => [e.at, e.status])).toEqual([[5, 'z'], [10, 'a'], [10, 'b'], [10, 'c']]);
    expect(tickets[0]!.timeline.map((e) => [e.at, e.status])).toEqual([[3, 'x']]);
  });

  it('tickets come out in id order (numbers as numbers), whatever order their rows came in', () => {
    const a = new TicketAssembler();
    for (const [id, at] of [['10', 1], ['9', 2], ['10', 3], ['100', 4], ['9', 5]] as const) a.addEvent(id, row(id, at, { queue: `q${at}` }));
    const tickets = a.build();
    expect(tickets.map((t) => t.id)).toEqual(['9', '10', '100']);
    expect(tickets.map((t) => t.timeline.map((e) => e.queue))).toEqual([['q2', 'q5'], ['q1', 'q3'], ['q4']]);
  });
});
