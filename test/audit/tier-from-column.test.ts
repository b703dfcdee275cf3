import { describe, expect, it } from 'vitest';
import { replayTicket } from '../../src/audit/replay.js';
import { InputErrors } from '../../src/errors.js';
import { withEvents } from '../../src/model/ticket.js';
import { at, findingsOf, frameworkFrom, ticket, type Step } from '../support/tickets.js';

// Queues recognised by the tier field (`matchTier`) when their names are teams no framework lists,
// the way the VINST log names hundreds of teams and says each one's level in "ST Level".
const text = `version: 1
name: levels
calendars:
  office: { timezone: UTC, hours: { mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"] } }
statuses: { closed: [Resolved] }
queues:
  level-1: { tier: 1, matchTier: [L1, /^tier ?1$/i] }
  level-2: { tier: 2, match: [/ 2nd$/i], matchTier: [L2] }
  desk: { tier: 1, match: [Service Desk] }
routing:
  - { when: { field: source, equals: Phone }, queue: desk }
  - queue: level-1
rules:
  - { id: l1-limit, check: under-escalated, severity: warn, from: level-1, to: level-2, after: 30m }
  - { id: ping-pong, check: ping-pong, severity: warn, maxQueueChanges: 3 }
`;
const fw = frameworkFrom(text);

/** A ticket whose events carry these tier values, one per step. */
function tiered(steps: Step[], tiers: (string | undefined)[]) {
  const t = ticket(steps);
  return withEvents(t, t.events().map((e, i) => ({ ...e, tier: tiers[i] })));
}

describe('a queue recognised by the tier field (matchTier)', () => {
  it.each<[string, Step[], (string | undefined)[], (string | undefined)[]]>([
    ['unknown team names, tier L1 then L2', [['2026-10-05 09:00', 'V30', 'New'], ['2026-10-05 09:10', 'G97', 'In Progress']], ['L1', 'L2'], ['level-1', 'level-2']],
    ['a pattern of tier values ("Tier 1")', [['2026-10-05 09:00', 'Team X', 'New']], ['Tier 1'], ['level-1']],
    ['a board name wins over the tier value', [['2026-10-05 09:00', 'Service Desk', 'New']], ['L2'], ['desk']],
    ['a board name pattern ("J11 2nd") needs no tier at all', [['2026-10-05 09:00', 'J11 2nd', 'New']], [undefined], ['level-2']],
    ['a tier value no queue names: not a queue of the framework', [['2026-10-05 09:00', 'V30', 'New']], ['L9'], [undefined]],
    ['no tier value and an unknown name', [['2026-10-05 09:00', 'V30', 'New']], [undefined], [undefined]],
  ])('%s', (_name, steps, tiers, queues) => {
    const replay = replayTicket(tiered(steps, tiers), fw, at('2026-10-05 12:00'));
    expect(replay.segments.map((s) => s.queue?.id)).toEqual(queues);
  });

  it('moves between teams of one level are one stay: the level limit counts across them', () => {
    const steps: Step[] = [['2026-10-05 09:00', 'V30', 'New'], ['2026-10-05 09:20', 'V31', 'In Progress'], ['2026-10-05 09:40', 'G97', 'In Progress']];
    expect(findingsOf(fw, tiered(steps, ['L1', 'L1', 'L2']), 'l1-limit')).toHaveLength(1);
    expect(findingsOf(fw, tiered(steps, ['L1', 'L1', 'L2']), 'ping-pong')).toHaveLength(0);
    // Near miss: 25 minutes at level 1 over two teams.
    const quick: Step[] = [['2026-10-05 09:00', 'V30', 'New'], ['2026-10-05 09:15', 'V31', 'In Progress'], ['2026-10-05 09:25', 'G97', 'In Progress']];
    expect(findingsOf(fw, tiered(quick, ['L1', 'L1', 'L2']), 'l1-limit')).toHaveLength(0);
  });

  it('a tier value may belong to one queue only; tier patterns are checked like board patterns', () => {
    const twice = text.replace('matchTier: [L2]', 'matchTier: [l1]');
    expect(() => frameworkFrom(twice)).toThrow(/"l1" already means queue "level-1" \(queues\.level-2\.matchTier\[0\]\)/);
    const unsafe = text.replace('matchTier: [L2]', 'matchTier: ["/^(?=L)/"]');
    try {
      frameworkFrom(unsafe);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputErrors);
      expect((e as InputErrors).errors.map((p) => p.message)).toEqual([
        expect.stringMatching(/^invalid regular expression \/\^\(\?=L\)\/: .*\(queues\.level-2\.matchTier\[0\]\)$/),
      ]);
    }
  });
});
