import type { Predicate } from '../../framework/condition.js';
import type { ConditionDocument, LimitDocument } from '../../framework/document.js';
import { formatMinutes } from '../../framework/duration.js';
import type { Limit } from '../../framework/limit.js';
import type { Queue } from '../../framework/model.js';
import { accumulate, describeLimit, limitAt, ticketCalendar } from '../clock.js';
import { firstHolding, queueName, stayOutcome, stintEnding, type Moment, type Stint, type TicketReplay } from '../replay.js';
import { clockWords, defineCheck, noHistory, OPTION_SCHEMAS, round, withoutHistory, worst, type Observation, type RuleOf } from './check.js';

export type MissedDeEscalationRule = RuleOf<'missed-de-escalation', { from: Set<Queue>; to: Queue[]; when: Predicate; grace: Limit }>;

export const missedDeEscalation = defineCheck<MissedDeEscalationRule, {
  from: string | string[];
  to: string | string[];
  when: ConditionDocument;
  grace?: LimitDocument;
}>({
  id: 'missed-de-escalation',
  title: 'should have come back down',
  description: 'a de-escalation criterion held (onsite done, user error) and the ticket stayed up past the grace period',
  needs: 'the history of statuses within each stay',
  options: {
    from: { schema: OPTION_SCHEMAS.queueRefs, description: 'the higher queue(s) the ticket should leave.', required: true },
    to: { schema: OPTION_SCHEMAS.queueRefs, description: 'the queue(s) the ticket should move back to.', required: true },
    when: { schema: OPTION_SCHEMAS.condition, description: 'the de-escalation criterion, usually a status.', required: true },
    grace: { schema: OPTION_SCHEMAS.limit, description: 'time allowed to move the ticket back down once `when` holds (default 0m).' },
  },
  compile(doc, kit) {
    const from = kit.queueRefs('from', doc.from);
    const to = kit.queueRefs('to', doc.to);
    kit.reportOverlap(from, to);
    return { from: new Set(from), to, when: kit.condition(doc.when), grace: kit.limit('grace', doc.grace) };
  },
  moves: (rule) => rule,
  limits: (replay) => (withoutHistory(replay) ? noHistory(replay, 'when its status changed and where it was then') : undefined),
  run: (replay, rule) => observe(replay, rule, judgeStays(replay, rule)),
  measure: (replay, rule) => measureOf(judgeStays(replay, rule)),
  judge(replay, rule) {
    const stays = judgeStays(replay, rule);
    return { observations: observe(replay, rule, stays), measurements: measureOf(stays) };
  },
  whyNot(replay, rule) {
    const stays = judgeStays(replay, rule);
    if (stays.length === 0) return `never in ${[...rule.from].map((q) => q.id).join(' or ')}`;
    return stays.map((stay) => (stay.trigger
      ? `${stayOutcome(replay, stay.stint)} ${formatMinutes(stay.minutes)} of ${stay.clock} after the criterion held, grace ${stay.graceText}`
      : `in ${queueName(stay.stint)}, but the de-escalation criterion never held`)).join('; ');
  },
});

function observe(replay: TicketReplay, rule: MissedDeEscalationRule, stays: Stay[]): Observation[] {
  const out: Observation[] = [];
  for (const stay of stays) {
    if (!stay.trigger || stay.crossedAt === undefined) continue;
    const { stint, trigger, minutes, grace } = stay;
    const queue = stint.queue!;
    const seg = replay.segments[trigger.index]!;
    const target = rule.to.map((q) => q.id).join(' or ');
    const lowest = Math.min(...rule.to.map((q) => q.tier));
    out.push({
      at: stay.crossedAt,
      queue,
      expectedQueue: rule.to[0],
      message: `status became "${seg.event.status ?? ''}" in ${queue.id}; it stayed ${formatMinutes(minutes)} `
        + `(grace ${stay.graceText}) instead of moving to ${target}; ${stintEnding(replay, stint)}`,
      businessMinutes: round(minutes - grace),
      costedMinutes: { minutes: minutes - grace, tier: queue.tier, homeTier: lowest },
      evidence: {
        criterionAt: new Date(trigger.at).toISOString(),
        status: seg.event.status ?? null,
        minutesAfterCriterion: round(minutes),
        graceMinutes: round(grace),
      },
    });
  }
  return out;
}

const measureOf = (stays: Stay[]) => worst('grace', stays.flatMap((s) => (s.trigger === undefined ? [] : [s.minutes])));

interface Stay {
  stint: Stint;
  trigger: Moment | undefined;
  minutes: number;
  crossedAt: number | undefined;
  grace: number;
  graceText: string;
  clock: string;
}

function judgeStays(replay: TicketReplay, rule: MissedDeEscalationRule): Stay[] {
  const out: Stay[] = [];
  for (const stint of replay.stints) {
    if (!stint.queue || !rule.from.has(stint.queue)) continue;
    const trigger = firstHolding(replay, stint, rule.when);
    const calendar = ticketCalendar(replay, stint.queue, rule.clock);
    if (trigger === undefined) {
      out.push({ stint, trigger, minutes: 0, crossedAt: undefined, grace: 0, graceText: '', clock: clockWords(calendar) });
      continue;
    }
    const limits = limitAt(replay.segments, rule.grace, calendar);
    const { minutes, crossedAt, crossedIndex } = accumulate(replay.segments, trigger.index, stint.last, trigger.at, calendar, limits);
    const at = crossedIndex ?? stint.last;
    out.push({
      stint, trigger, minutes, crossedAt, grace: limits(at) ?? 0,
      graceText: describeLimit(rule.grace, replay.segments[at]!.priority), clock: clockWords(calendar),
    });
  }
  return out;
}
