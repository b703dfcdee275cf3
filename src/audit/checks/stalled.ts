import { WALL_CLOCK } from '../../framework/calendar.js';
import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import type { Framework, StalledRule } from '../../framework/model.js';
import { calendarFor } from '../clock.js';
import type { TicketReplay } from '../replay.js';
import { round, type Check, type Observation } from './check.js';

export const stalled: Check<'stalled'> = {
  meta: {
    id: 'stalled',
    title: 'Stalled',
    description: 'No activity for longer than the idle limit (pauses excluded), or still open past the age limit.',
  },
  run(replay, rule, framework) {
    const out: Observation[] = [];
    if (rule.idle) out.push(...idleGap(replay, rule, framework));
    if (rule.maxAge) out.push(...aged(replay, rule, framework));
    return out;
  },
};

/** The first quiet spell over the limit; each gap between events is one segment of the replay. */
function idleGap(replay: TicketReplay, rule: StalledRule, framework: Framework): Observation[] {
  let first: Observation | undefined;
  let count = 0;
  let longest = 0;
  for (const seg of replay.segments) {
    if (!seg.active) continue;
    const calendar = calendarFor(seg.queue, rule.clock, framework.defaultCalendar);
    const limit = durationMinutes(rule.idle!, calendar);
    const minutes = calendar.minutesBetween(seg.start, seg.end);
    if (minutes <= limit) continue;
    count++;
    longest = Math.max(longest, minutes);
    first ??= {
      at: calendar.addMinutes(seg.start, limit),
      queue: seg.queue,
      rawQueue: seg.event.queue,
      expectedQueue: undefined,
      message: `no activity for ${formatMinutes(minutes, calendar.dayMinutes)} of ${calendar === WALL_CLOCK ? 'wall' : 'business'} time `
        + `(limit ${rule.idle!.text}) after ${new Date(seg.start).toISOString()}`,
      businessMinutes: round(minutes),
      evidence: { lastActivity: new Date(seg.start).toISOString(), idleMinutes: round(minutes), limitMinutes: round(limit) },
    };
  }
  if (!first) return [];
  first.evidence.gapsOverLimit = count;
  first.evidence.longestIdleMinutes = round(longest);
  return [first];
}

function aged(replay: TicketReplay, rule: StalledRule, framework: Framework): Observation[] {
  const last = replay.segments[replay.segments.length - 1];
  if (!last || last.closed) return [];
  const created = replay.ticket.created ?? replay.segments[0]!.start;
  // Age is calendar age unless the rule asks for business time.
  const calendar = rule.clock === 'business' ? calendarFor(last.queue, 'business', framework.defaultCalendar) : WALL_CLOCK;
  const limit = durationMinutes(rule.maxAge!, calendar);
  const age = calendar.minutesBetween(created, replay.asOf);
  if (age <= limit) return [];
  return [{
    at: calendar.addMinutes(created, limit),
    queue: last.queue,
    rawQueue: last.event.queue,
    expectedQueue: undefined,
    message: `still open ${formatMinutes(age, calendar.dayMinutes)} after it was created (limit ${rule.maxAge!.text})`,
    businessMinutes: round(age - limit),
    evidence: { created: new Date(created).toISOString(), ageMinutes: round(age), limitMinutes: round(limit), status: last.event.status ?? null },
  }];
}
