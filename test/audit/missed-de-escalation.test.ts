import { describe, expect, it } from 'vitest';
import { defaultFramework, findingsOf, ticket, type Step } from '../support/tickets.js';

const fw = defaultFramework();
const onsite = { onsite: 'true' };

describe('missed de-escalation', () => {
  it.each<[string, string, Step[], number]>([
    ['onsite complete, back to the NOC 3 hours later', 'onsite-done-back-to-noc', [
      ['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 11:00', 'Support', 'Onsite Complete'], ['2026-10-05 14:00', 'NOC', 'In Progress'], ['2026-10-05 15:00', 'NOC', 'Closed']], 0],
    ['onsite complete, still in Support 5 hours later', 'onsite-done-back-to-noc', [
      ['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 11:00', 'Support', 'Onsite Complete'], ['2026-10-05 16:00', 'Support', 'Closed']], 1],
    ['onsite complete at 17:00, NOC next morning at 10:30 (3.5 business hours)', 'onsite-done-back-to-noc', [
      ['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 17:00', 'Support', 'Onsite Complete'], ['2026-10-06 10:30', 'NOC', 'In Progress'], ['2026-10-06 11:00', 'NOC', 'Closed']], 0],
    ['user error found, back to triage after 50 minutes', 'user-error-back-to-triage', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Support', 'User Error'], ['2026-10-05 10:50', 'Help Desk', 'In Progress'], ['2026-10-05 11:00', 'Help Desk', 'Resolved']], 0],
    ['user error found, still in Support 70 minutes later', 'user-error-back-to-triage', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'In Progress'], ['2026-10-05 10:00', 'Support', 'User Error'], ['2026-10-05 11:10', 'Support', 'Resolved']], 1],
    ['password reset waits on the customer for a day (paused) then closes', 'user-error-back-to-triage', [
      ['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:20', 'Support', 'Password Reset'], ['2026-10-05 09:30', 'Support', 'Waiting on Customer'], ['2026-10-06 15:00', 'Support', 'Closed']], 0],
  ])('%s', (_name, rule, steps, expected) => {
    expect(findingsOf(fw, ticket(steps, onsite), rule)).toHaveLength(expected);
  });

  it('says which status triggered it and where the ticket should have gone', () => {
    const [f] = findingsOf(fw, ticket([['2026-10-05 09:00', 'Support', 'New'], ['2026-10-05 11:00', 'Support', 'Onsite Complete'], ['2026-10-05 16:00', 'Support', 'Closed']], onsite), 'onsite-done-back-to-noc');
    expect(f).toMatchObject({ category: 'missed-de-escalation', queue: 'support', expectedQueue: 'noc', at: '2026-10-05T19:00:00.000Z', businessMinutes: 60 });
    expect(f!.message).toContain('"Onsite Complete"');
  });
});
