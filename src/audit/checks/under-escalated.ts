import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import { accumulate, calendarFor } from '../clock.js';
import { cameDown, firstHolding, stintEnding } from '../replay.js';
import { round, type Check, type Observation } from './check.js';

export const underEscalated: Check<'under-escalated'> = {
  meta: {
    id: 'under-escalated',
    title: 'Under-escalated',
    description: 'Stayed in a queue past its time limit, or while an escalation criterion held, without moving where the rule says.',
  },
  run(replay, rule, framework) {
    const out: Observation[] = [];
    for (const stint of replay.stints) {
      // A ticket that came down from a higher tier was already judged there.
      if (!stint.queue || !rule.from.has(stint.queue) || cameDown(replay, stint)) continue;
      const trigger = firstHolding(replay, stint, rule.when);
      if (trigger === undefined) continue;
      const calendar = calendarFor(stint.queue, rule.clock, framework.defaultCalendar);
      const limit = durationMinutes(rule.after, calendar);
      const from = replay.segments[trigger]!.start;
      const { minutes, crossedAt } = accumulate(replay.segments, trigger, stint.last, from, calendar, limit);
      if (crossedAt === undefined) continue;
      const target = rule.to.map((q) => q.id).join(' or ');
      const criterion = rule.when ? ' after an escalation criterion held' : '';
      out.push({
        at: crossedAt,
        queue: stint.queue,
        expectedQueue: rule.to[0],
        message: `sat ${formatMinutes(minutes)} in ${stint.queue.id}${criterion} (limit ${rule.after.text}) `
          + `without moving to ${target}; ${stintEnding(replay, stint)}`,
        businessMinutes: round(minutes - limit),
        evidence: {
          enteredAt: new Date(stint.start).toISOString(),
          minutesInQueue: round(minutes),
          limitMinutes: round(limit),
          calendar: calendar.id,
        },
      });
    }
    return out;
  },
};
