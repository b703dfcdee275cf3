import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();

describe('ping-pong', () => {
  it.each<[string, Step[], number]>([
    ['Help Desk -> Support -> Help Desk with no reason', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Help Desk', 'In Progress'], ['2026-10-05 10:10', 'Help Desk', 'Resolved']], 1],
    ['Help Desk -> Support -> Help Desk after User Error (a de-escalation)', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 09:40', 'Support', 'User Error'],
      ['2026-10-05 10:00', 'Help Desk', 'In Progress'], ['2026-10-05 10:10', 'Help Desk', 'Resolved']], 0],
    ['three changes, no return', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 09:40', 'Support', 'Onsite Complete'],
      ['2026-10-05 10:00', 'NOC', 'In Progress'], ['2026-10-05 10:10', 'Network Operations', 'Resolved']], 0],
    ['four changes', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 09:40', 'Support', 'User Error'],
      ['2026-10-05 10:00', 'Help Desk', 'In Progress'], ['2026-10-05 10:10', 'NOC', 'In Progress'], ['2026-10-05 10:20', 'Projects', 'In Progress']], 1],
  ])('%s', (_name, steps, expected) => {
    expect(findingsOf(fw, ticket(steps), 'ping-pong')).toHaveLength(expected);
  });

  it('shows the path it took', () => {
    const [f] = findingsOf(fw, ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Help Desk', 'Resolved']]), 'ping-pong');
    expect(f!.evidence).toMatchObject({ queueChanges: 2, path: ['triage', 'support', 'triage'], returnedTo: 'triage' });
    expect(f!.message).toBe('returned to triage after leaving it: triage -> support -> triage');
  });

  describe('by the export\'s counter alone (snapshot-only tickets)', () => {
    const snapshot = (counted: number | undefined) => ticket([['2026-10-05 09:00', 'Support', 'In Progress']], {}, { history: 'snapshot', queueChanges: counted });

    it.each<[string, number | undefined, number]>([
      ['4 counted changes, limit 3', 4, 1],
      ['3 counted changes, limit 3', 3, 0],
      ['no counter', undefined, 0],
    ])('%s', (_name, counted, expected) => {
      expect(findingsOf(fw, snapshot(counted), 'ping-pong')).toHaveLength(expected);
    });

    it('says the path is not in the export', () => {
      const [f] = findingsOf(fw, snapshot(5), 'ping-pong');
      expect(f!.message).toBe("changed queue 5 times according to the export's counter (limit 3); the path is not in the export");
      expect(f!.evidence).toMatchObject({ queueChanges: 5, path: null, counted: true });
    });

    it('ignores the counter when the history is there', () => {
      const full = ticket([['2026-10-05 09:00', 'Support', 'In Progress']], {}, { queueChanges: 9 });
      expect(findingsOf(fw, full, 'ping-pong')).toHaveLength(0);
    });
  });
});
