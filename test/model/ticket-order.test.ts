import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTicketIds, sortByTicketId } from '../../src/model/ticket.js';

const id = fc.oneof(
  fc.integer({ min: -50, max: 5000 }).map(String),
  fc.constantFrom('', '0', '00', '007', '1e3', '1000', ' 12', '12 ', '0x10', '16', 'Infinity', 'NaN', '-0', '1.5', '1.50'),
  fc.string({ maxLength: 6 }),
);

describe('sortByTicketId', () => {
  it('orders exactly as sorting with compareTicketIds', () => {
    fc.assert(fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
      const items = ids.map((x, i) => ({ id: x, i }));
      expect(sortByTicketId([...items])).toEqual([...items].sort((a, b) => compareTicketIds(a.id, b.id)));
    }), { numRuns: 300 });
  });

  it.each([
    [['10', 'A-2', '9', ''], ['', '9', '10', 'A-2']],
    [['2', '02', '1'], ['1', '02', '2']],
  ])('%j -> %j', (ids, sorted) => {
    expect(sortByTicketId(ids.map((x) => ({ id: x }))).map((t) => t.id)).toEqual(sorted);
  });
});
