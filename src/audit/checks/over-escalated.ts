import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import type { Framework, Queue, UnderEscalatedRule } from '../../framework/model.js';
import { accumulate, calendarFor } from '../clock.js';
import { previousStint, type Stint, type TicketReplay } from '../replay.js';
import { round, type Check, type Observation } from './check.js';

export const overEscalated: Check<'over-escalated'> = {
  meta: {
    id: 'over-escalated',
    title: 'Over-escalated',
    description: 'Entered a higher tier with no escalation criterion holding: skipped the entry tier, or moved up before the lower tier had its minimum effort.',
  },
  run(replay, rule, framework) {
    const out: Observation[] = [];
    const homeTier = replay.home?.tier;
    for (const stint of replay.stints) {
      const queue = stint.queue;
      if (!queue || !rule.to.has(queue)) continue;
      // Work whose home is at this tier or above belongs here however it arrives.
      if (homeTier === undefined || homeTier >= queue.tier) continue;
      const prev = previousStint(replay, stint);
      if (prev && (!prev.queue || prev.queue.tier >= queue.tier)) continue;
      const effort = prev ? effortIn(replay, prev, framework) : 0;
      const minEffort = durationMinutes(rule.minEffort, calendarFor(prev?.queue, rule.clock, framework.defaultCalendar));
      if (effort >= minEffort || criterionHeld(replay, framework, prev, stint, effort)) continue;
      const spent = accumulate(replay.segments, stint.first, stint.last, stint.start, calendarFor(queue, undefined, framework.defaultCalendar)).minutes;
      out.push({
        at: stint.start,
        queue,
        expectedQueue: prev?.queue ?? replay.home,
        message: prev
          ? `moved from ${prev.queue!.id} to ${queue.id} after ${formatMinutes(effort)} of tier-${prev.queue!.tier} effort (minimum ${rule.minEffort.text}) with no escalation criterion holding`
          : `entered ${queue.id} (tier ${queue.tier}) directly; routing puts this work in ${replay.home!.id} (tier ${homeTier}) and no escalation criterion held`,
        businessMinutes: round(spent),
        costedMinutes: { minutes: spent, tier: queue.tier, homeTier },
        evidence: {
          from: prev?.queue?.id ?? null,
          effortMinutes: round(effort),
          minEffortMinutes: round(minEffort),
          routedTo: replay.home?.id ?? null,
          minutesAtHigherTier: round(spent),
        },
      });
    }
    return out;
  },
};

function effortIn(replay: TicketReplay, stint: Stint, framework: Framework): number {
  const calendar = calendarFor(stint.queue, undefined, framework.defaultCalendar);
  return accumulate(replay.segments, stint.first, stint.last, stint.start, calendar).minutes;
}

/**
 * An escalation is justified when an escalation rule leading into the queue applies: its condition
 * held when the ticket moved, or (for a pure time limit) the lower queue's time was up.
 */
function criterionHeld(replay: TicketReplay, framework: Framework, prev: Stint | undefined, stint: Stint, effort: number): boolean {
  const into: Queue = stint.queue!;
  const moment = replay.view(replay.segments[stint.first]!.event);
  return framework.rules.some((r): boolean => {
    if (r.check !== 'under-escalated' || !r.to.includes(into)) return false;
    if (prev?.queue && !r.from.has(prev.queue)) return false;
    if (r.when) return r.when(moment);
    return prev !== undefined && effort >= timeLimit(r, prev, framework);
  });
}

function timeLimit(rule: UnderEscalatedRule, prev: Stint, framework: Framework): number {
  return durationMinutes(rule.after, calendarFor(prev.queue, rule.clock, framework.defaultCalendar));
}
