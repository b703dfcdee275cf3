import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import { accumulate, calendarFor } from '../clock.js';
import { firstHolding, stintEnding } from '../replay.js';
import { round, type Check, type Observation } from './check.js';

export const missedDeEscalation: Check<'missed-de-escalation'> = {
  meta: {
    id: 'missed-de-escalation',
    title: 'Missed de-escalation',
    description: 'A de-escalation criterion held (onsite done, user error found) and the ticket stayed in the higher queue past the grace period.',
  },
  run(replay, rule, framework) {
    const out: Observation[] = [];
    for (const stint of replay.stints) {
      if (!stint.queue || !rule.from.has(stint.queue)) continue;
      const trigger = firstHolding(replay, stint, rule.when);
      if (trigger === undefined) continue;
      const calendar = calendarFor(stint.queue, rule.clock, framework.defaultCalendar);
      const grace = durationMinutes(rule.grace, calendar);
      const seg = replay.segments[trigger]!;
      const { minutes, crossedAt } = accumulate(replay.segments, trigger, stint.last, seg.start, calendar, grace);
      if (crossedAt === undefined) continue;
      const target = rule.to.map((q) => q.id).join(' or ');
      const lowest = Math.min(...rule.to.map((q) => q.tier));
      out.push({
        at: crossedAt,
        queue: stint.queue,
        expectedQueue: rule.to[0],
        message: `status became "${seg.event.status ?? ''}" in ${stint.queue.id}; it stayed ${formatMinutes(minutes)} `
          + `(grace ${rule.grace.text}) instead of moving to ${target}; ${stintEnding(replay, stint)}`,
        businessMinutes: round(minutes - grace),
        costedMinutes: { minutes: minutes - grace, tier: stint.queue.tier, homeTier: lowest },
        evidence: {
          criterionAt: new Date(seg.start).toISOString(),
          status: seg.event.status ?? null,
          minutesAfterCriterion: round(minutes),
          graceMinutes: round(grace),
        },
      });
    }
    return out;
  },
};
