import { accumulate, ticketCalendar } from '../clock.js';
import { cameDown, enteredClosed, queueName } from '../replay.js';
import { defineCheck, neverMoved, noHistory, round, withoutHistory, type Observation, type RuleOf } from './check.js';

export const misrouted = defineCheck<RuleOf<'misrouted', object>>({
  id: 'misrouted',
  title: 'right tier, wrong purpose',
  description: 'worked in a queue of the right tier but the wrong purpose',
  needs: 'the stays, and whether each was entered by coming down (history, or a counter of 0 moves)',
  options: {},
  compile: () => ({}),
  neverFires(_rule, { queues, routing }) {
    if (routing.length === 0) {
      return { message: 'misrouted compares the queue with where routing puts the work, and the framework has no routing', hint: 'add routing entries, or disable the rule' };
    }
    const homes = new Set(routing.map((r) => r.queue));
    if ([...homes].some((home) => queues.some((q) => q !== home && q.tier === home.tier))) return undefined;
    return { message: 'no queue that routing names shares its tier with another queue, so work can never sit in a wrong queue of the right tier',
      hint: 'misrouted judges queues of one tier; the escalation checks judge the others' };
  },
  // A row of a ticket that never moved says where it was worked; one that moved does not say how it got there.
  limits: (replay) => (withoutHistory(replay) && !neverMoved(replay) ? noHistory(replay, 'whether it came down from a higher tier') : undefined),
  run(replay, rule) {
    const home = replay.home;
    if (!home) return [];
    const out: Observation[] = [];
    for (const stint of replay.stints) {
      const queue = stint.queue;
      // Coming down from a higher tier is a de-escalation, judged by its own rules.
      // Moves made while closed are not work; work-after-closure judges them.
      if (!queue || queue === home || queue.tier !== home.tier || cameDown(replay, stint) || enteredClosed(replay, stint)) continue;
      const calendar = ticketCalendar(replay, queue, rule.clock);
      const minutes = accumulate(replay.segments, stint.first, stint.last, stint.start, calendar).minutes;
      out.push({
        at: stint.start,
        queue,
        expectedQueue: home,
        message: `worked in ${queue.id}, but routing puts this work in ${home.id}`
          + (home.purpose ? ` (${home.purpose.replace(/[.]$/, '')})` : ''),
        businessMinutes: round(minutes),
        evidence: {
          routedTo: home.id,
          source: replay.ticket.fields.source ?? null,
          type: replay.ticket.fields.type ?? null,
          minutesInQueue: round(minutes),
        },
      });
    }
    return out;
  },
  // No limit: it compares the queue with the routing home, nothing to measure.
  measure: () => [],
  whyNot(replay) {
    const home = replay.home;
    if (!home) return 'no routing entry applies to this ticket';
    const elsewhere = replay.stints.filter((s) => s.queue !== home);
    if (elsewhere.length === 0) return `worked only in ${home.id}, where routing puts it`;
    const others = [...new Set(elsewhere.map(queueName))].join(', ');
    return `routing puts it in ${home.id}; its other queues (${others}) are at another tier, unknown, or reached by coming down`;
  },
});
