import type { Predicate } from '../../framework/condition.js';
import type { ConditionDocument, LimitDocument } from '../../framework/document.js';
import { formatMinutes, type Duration } from '../../framework/duration.js';
import type { Limit } from '../../framework/limit.js';
import type { Queue } from '../../framework/model.js';
import type { FrameworkProblem } from '../../framework/problem.js';
import type { RuleContext } from '../../framework/rule-kind.js';
import { accumulate, describeLimit, limitAt, ticketCalendar } from '../clock.js';
import { cameDown, firstHolding, queueName, stayOutcome, stintEnding, type Stint, type TicketReplay } from '../replay.js';
import { clockWords, defineCheck, noHistory, OPTION_SCHEMAS, round, withoutHistory, worst, type Observation, type RuleOf } from './check.js';

export type UnderEscalatedRule = RuleOf<'under-escalated', { from: Set<Queue>; to: Queue[]; when: Predicate | undefined; after: Limit }>;

export const underEscalated = defineCheck<UnderEscalatedRule, {
  from: string | string[];
  to: string | string[];
  when?: ConditionDocument;
  /** Time the ticket may spend in `from` (default 0: as soon as `when` holds). */
  after?: LimitDocument;
}>({
  id: 'under-escalated',
  title: 'stayed too long below where it belongs',
  description: 'stayed in a queue past its time limit (business time, pauses excluded), or while an escalation criterion held, without moving where the rule says',
  needs: 'the ticket\'s history: each stay, its start and its running time (a row with `queueSince`: the current stay, see above)',
  options: {
    from: { schema: OPTION_SCHEMAS.queueRefs, description: 'the lower queue(s) the ticket should leave.', required: true },
    to: { schema: OPTION_SCHEMAS.queueRefs, description: 'the queue(s) the ticket should move to.', required: true },
    when: { schema: OPTION_SCHEMAS.condition, description: 'the escalation criterion (default: none, only time counts).' },
    after: { schema: OPTION_SCHEMAS.limit, description: 'time the ticket may spend in `from` once `when` holds (default 0: at once).' },
  },
  compile(doc, kit) {
    const from = kit.queueRefs('from', doc.from);
    const to = kit.queueRefs('to', doc.to);
    kit.reportOverlap(from, to);
    return { from: new Set(from), to, when: doc.when ? kit.condition(doc.when) : undefined, after: kit.limit('after', doc.after) };
  },
  moves: (rule) => rule,
  problems: (rule, context) => limitless(rule, context),
  limits(replay, rule) {
    if (!withoutHistory(replay)) return undefined;
    const { queueSince, updated } = replay.ticket;
    // A row that says since when the ticket is in its queue shows that stay: on the wall clock, or on the
    // business clock when the row was not updated since (its status then is the status of the whole stay).
    const known = queueSince !== undefined && (rule.clock === 'wall' || (updated !== undefined && updated <= queueSince));
    return known ? noHistory(replay, 'its stays before the current one', true) : noHistory(replay, 'how long it stayed in each queue');
  },
  run: (replay, rule) => observe(replay, rule, judgeStays(replay, rule)),
  measure: (replay, rule) => measureOf(judgeStays(replay, rule)),
  judge(replay, rule) {
    const stays = judgeStays(replay, rule);
    return { observations: observe(replay, rule, stays), measurements: measureOf(stays) };
  },
  whyNot(replay, rule) {
    const stays = judgeStays(replay, rule);
    if (stays.length === 0) return `never in ${[...rule.from].map((q) => q.id).join(' or ')}`;
    return stays.map((stay) => {
      const where = queueName(stay.stint);
      if (stay.kind === 'came-down') return `came back down to ${where} from a higher tier: a de-escalation, not judged`;
      if (stay.kind === 'no-criterion') return `in ${where}, but the escalation criterion never held`;
      if (stay.limitText === 'none') return `in ${where}, no limit for this priority`;
      return `${stayOutcome(replay, stay.stint)} after ${formatMinutes(stay.minutes)} of ${clockWords(stay.calendar)}`
        + `${rule.when ? ' once the criterion held' : ''}, limit ${stay.limitText}`;
    }).join('; ');
  },
});

function observe(replay: TicketReplay, rule: UnderEscalatedRule, stays: Stay[]): Observation[] {
  const out: Observation[] = [];
  for (const stay of stays) {
    if (stay.kind !== 'timed' || stay.crossedAt === undefined) continue;
    const { stint, minutes, limitMinutes, limitText, calendar } = stay;
    const queue = stint.queue!;
    const target = rule.to.map((q) => q.id).join(' or ');
    const criterion = rule.when ? ' after an escalation criterion held' : '';
    out.push({
      at: stay.crossedAt,
      queue,
      expectedQueue: rule.to[0],
      message: `sat ${formatMinutes(minutes)} of ${clockWords(calendar)} in ${queue.id}${criterion} (limit ${limitText}) `
        + `without moving to ${target}; ${stintEnding(replay, stint)}`,
      businessMinutes: round(minutes - limitMinutes),
      evidence: {
        enteredAt: new Date(stint.start).toISOString(),
        minutesInQueue: round(minutes),
        limitMinutes: round(limitMinutes),
        calendar: calendar.id,
        ...(stay.priority !== undefined ? { priority: stay.priority } : {}),
      },
    });
  }
  return out;
}

const measureOf = (stays: Stay[]) => worst('after', stays.flatMap((s) => (s.kind === 'timed' && s.limitText !== 'none' ? [s.minutes] : [])));

type Stay =
  | { kind: 'came-down'; stint: Stint }
  | { kind: 'no-criterion'; stint: Stint }
  | { kind: 'timed'; stint: Stint; minutes: number; crossedAt: number | undefined; limitMinutes: number; limitText: string;
      priority: string | undefined; calendar: ReturnType<typeof ticketCalendar> };

/** Every stay in a `from` queue, with the running time the rule counts and where the limit was passed. */
function judgeStays(replay: TicketReplay, rule: UnderEscalatedRule): Stay[] {
  const out: Stay[] = [];
  for (const stint of replay.stints) {
    if (!stint.queue || !rule.from.has(stint.queue)) continue;
    // A ticket that came down from a higher tier was already judged there.
    if (cameDown(replay, stint)) {
      out.push({ kind: 'came-down', stint });
      continue;
    }
    const trigger = firstHolding(replay, stint, rule.when);
    if (trigger === undefined) {
      out.push({ kind: 'no-criterion', stint });
      continue;
    }
    const calendar = ticketCalendar(replay, stint.queue, rule.clock);
    const limits = limitAt(replay.segments, rule.after, calendar);
    const { minutes, crossedAt, crossedIndex } = accumulate(replay.segments, trigger.index, stint.last, trigger.at, calendar, limits);
    // The limit that was passed, or the one in force at the end of the stay.
    const at = crossedIndex ?? stint.last;
    const priority = replay.segments[at]!.priority;
    out.push({
      kind: 'timed', stint, minutes, crossedAt, calendar, priority,
      limitMinutes: limits(at) ?? 0, limitText: describeLimit(rule.after, priority),
    });
  }
  return out;
}

/** A rule with no `when` and no time in `after` flags every ticket that enters its queues. */
function limitless(rule: UnderEscalatedRule, { index, written }: RuleContext): FrameworkProblem[] {
  if (rule.when !== undefined || !durations(rule.after).every((d) => d.days === 0 && d.minutes === 0)) return [];
  const i = index(rule);
  return [{
    path: written(rule, 'after') ? ['rules', i, 'after'] : ['rules', i],
    message: `an under-escalated rule with no \`when\` and no time in \`after\` flags every ticket the moment it enters ${[...rule.from].map((q) => q.id).join(', ')}`,
    hint: 'give the queue time (after: 30m), or say when it must escalate (when: ...)',
  }];
}

const durations = (limit: Limit): Duration[] => [...(limit.fallback ? [limit.fallback] : []), ...limit.byPriority.values()];
