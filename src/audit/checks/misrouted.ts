import { accumulate, calendarFor } from '../clock.js';
import { cameDown } from '../replay.js';
import { round, type Check, type Observation } from './check.js';

export const misrouted: Check<'misrouted'> = {
  meta: {
    id: 'misrouted',
    title: 'Misrouted',
    description: 'Routing says the work belongs to one queue, but it was worked in another queue of the same tier.',
  },
  run(replay, rule, framework) {
    const home = replay.home;
    if (!home) return [];
    const out: Observation[] = [];
    for (const stint of replay.stints) {
      const queue = stint.queue;
      // Coming down from a higher tier is a de-escalation, judged by its own rules.
      if (!queue || queue === home || queue.tier !== home.tier || cameDown(replay, stint)) continue;
      const calendar = calendarFor(queue, rule.clock, framework.defaultCalendar);
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
};
