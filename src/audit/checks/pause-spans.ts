import type { BusinessCalendar } from '../../framework/calendar.js';
import type { Framework } from '../../framework/model.js';
import { accumulate, describeLimit, limitAt, ticketCalendar } from '../clock.js';
import { cameDown, firstHolding, type TicketReplay } from '../replay.js';
import { missedDeEscalation, type MissedDeEscalationRule } from './missed-de-escalation.js';
import { underEscalated, type UnderEscalatedRule } from './under-escalated.js';

/** An unbroken run of segments in judged pause statuses (switching from one to another continues it). */
export interface PauseSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  /** The statuses held, in order, each once. */
  statuses: string[];
}

export function pauseSpans(replay: TicketReplay, isJudged: (status: string) => boolean): PauseSpan[] {
  const out: PauseSpan[] = [];
  let current: PauseSpan | undefined;
  replay.segments.forEach((seg, i) => {
    const status = seg.event.status;
    if (seg.closed || status === undefined || !isJudged(status)) {
      current = undefined;
      return;
    }
    if (!current) out.push(current = { first: i, last: i, start: seg.start, end: seg.end, statuses: [] });
    current.last = i;
    current.end = seg.end;
    if (!current.statuses.includes(status)) current.statuses.push(status);
  });
  return out;
}

export interface RunningLimit {
  rule: UnderEscalatedRule | MissedDeEscalationRule;
  /** Running minutes left before the limit would be passed. */
  remaining: number;
  limitText: string;
  calendar: BusinessCalendar;
}

/**
 * The time limits running when segment `index` begins: escalation and de-escalation rules that
 * judge the stay it is in, whose criterion held by then, and whose limit was not yet passed.
 */
export function runningLimitsAt(replay: TicketReplay, framework: Framework, index: number): RunningLimit[] {
  const stint = replay.stints[replay.stintOf[index]!]!;
  const at = replay.segments[index]!.start;
  const out: RunningLimit[] = [];
  for (const rule of framework.rules) {
    if (!underEscalated.owns(rule) && !missedDeEscalation.owns(rule)) continue;
    if (!stint.queue || !rule.from.has(stint.queue)) continue;
    if (underEscalated.owns(rule) && cameDown(replay, stint)) continue;
    const trigger = firstHolding(replay, { ...stint, last: index }, rule.when);
    if (!trigger || trigger.at > at) continue;
    const calendar = ticketCalendar(replay, stint.queue, rule.clock);
    const limit = underEscalated.owns(rule) ? rule.after : rule.grace;
    const limits = limitAt(replay.segments, limit, calendar);
    const before = Math.max(trigger.index, index - 1);
    const l = limits(before);
    if (l === undefined) continue;
    const { minutes, crossedAt } = accumulate(replay.segments, trigger.index, index - 1, trigger.at, calendar, limits);
    if (crossedAt !== undefined || minutes >= l) continue;
    out.push({ rule, remaining: l - minutes, limitText: describeLimit(limit, replay.segments[before]!.priority), calendar });
  }
  return out;
}
