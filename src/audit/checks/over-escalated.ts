import type { LimitDocument } from '../../framework/document.js';
import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import { DEFAULT_PRIORITY_KEY, limitFor, type Limit } from '../../framework/limit.js';
import type { Framework, Queue } from '../../framework/model.js';
import type { FrameworkProblem } from '../../framework/problem.js';
import type { RuleContext } from '../../framework/rule-kind.js';
import { accumulate, describeLimit, ticketCalendar } from '../clock.js';
import { enteredClosed, firstHolding, previousStint, type Stint, type TicketReplay } from '../replay.js';
import { defineCheck, neverMoved, noHistory, OPTION_SCHEMAS, round, withoutHistory, worst, type Observation, type RuleOf } from './check.js';
import { underEscalated, type UnderEscalatedRule } from './under-escalated.js';

export type OverEscalatedRule = RuleOf<'over-escalated', { to: Set<Queue>; minEffort: Limit }>;

export const overEscalated = defineCheck<OverEscalatedRule, {
  /** Queues whose entry is judged (default: every queue above the lowest tier). */
  to?: string | string[];
  /** Time the lower queue must have spent before moving up without a criterion. */
  minEffort?: LimitDocument;
}>({
  id: 'over-escalated',
  title: 'moved up without cause',
  description: 'entered a higher tier with no escalation criterion: skipped the entry tier, or moved up before the minimum effort',
  needs: 'the queue a ticket entered first and the stay before each move up (history, or a counter of 0 moves)',
  options: {
    to: { schema: OPTION_SCHEMAS.queueRefs, description: 'the queues whose entry is judged (default: every queue above the lowest tier).' },
    minEffort: { schema: OPTION_SCHEMAS.limit, description: 'time a lower queue must have worked the ticket before it may move up without an escalation criterion.' },
  },
  compile(doc, kit) {
    const lowest = Math.min(...kit.queues.map((q) => q.tier));
    const to = doc.to === undefined ? kit.queues.filter((q) => q.tier > lowest) : kit.queueRefs('to', doc.to);
    return { to: new Set(to), minEffort: kit.limit('minEffort', doc.minEffort) };
  },
  problems: (rule, context) => contradictingLimits(rule, context),
  neverFires(rule, { queues, written }) {
    const lowest = Math.min(...queues.map((q) => q.tier));
    if (![...rule.to].every((q) => q.tier <= lowest)) return undefined;
    return written(rule, 'to')
      ? { message: `every queue in \`to\` is at the lowest tier (${lowest}), so nothing can move up into it`, hint: 'name the higher queues in `to`, or leave `to` out' }
      : { message: `every queue of the framework is at tier ${lowest}, so nothing can move up`, hint: 'give the senior queues a higher tier, or disable the rule' };
  },
  limits: (replay) => (withoutHistory(replay) && !neverMoved(replay) ? noHistory(replay, 'the queue it entered first') : undefined),
  run: (replay, rule, framework) => observe(replay, judgeEntries(replay, rule, framework)),
  measure: (replay, rule, framework) => measureOf(judgeEntries(replay, rule, framework)),
  judge(replay, rule, framework) {
    const entries = judgeEntries(replay, rule, framework);
    return { observations: observe(replay, entries), measurements: measureOf(entries) };
  },
  whyNot(replay, rule, framework) {
    const entries = judgeEntries(replay, rule, framework);
    if (entries.length === 0) return `never entered ${[...rule.to].map((q) => q.id).join(' or ')}`;
    return entries.map((e) => {
      const how = `entered ${e.stint.queue!.id} ${e.prev ? `from ${e.prev.queue?.id ?? e.prev.rawQueue ?? 'no queue'}` : 'directly'}`;
      switch (e.verdict) {
        case 'closed': return `${how} while closed: not an escalation (see work-after-closure)`;
        case 'entry': return `${how}: work may start in ${e.stint.queue!.id} (an entry queue)`;
        case 'home': return `${how}: routing puts this work at tier ${replay.home?.tier ?? '?'}, so it belongs there`;
        case 'not-up': return `${how}: not a move up from a lower tier`;
        case 'no-limit': return `${how}: no minimum effort for this priority`;
        case 'effort': return `${how} after ${formatMinutes(e.effort)} of effort, minimum ${e.minEffortText}`;
        case 'criterion': return `${how} while escalation rule ${e.criterion} applied`;
        default: return `${how} without a criterion`;
      }
    }).join('; ');
  },
});

function observe(replay: TicketReplay, entries: Entry[]): Observation[] {
  const out: Observation[] = [];
  const home = replay.home;
  for (const entry of entries) {
    if (entry.verdict !== 'unjustified') continue;
    const { stint, prev, effort, minEffort } = entry;
    const queue = stint.queue!;
    // A ticket row says where the ticket sits, not how long it was paused there: no time, no price.
    const spent = withoutHistory(replay) ? undefined
      : accumulate(replay.segments, stint.first, stint.last, stint.start, ticketCalendar(replay, queue, undefined)).minutes;
    const lowerTier = home?.tier ?? prev?.queue?.tier;
    const routed = home ? `routing puts this work in ${home.id} (tier ${home.tier})` : 'no routing entry places this work';
    out.push({
      at: stint.start,
      queue,
      expectedQueue: prev?.queue ?? home,
      message: prev
        ? `moved from ${prev.queue!.id} to ${queue.id} after ${formatMinutes(effort)} of tier-${prev.queue!.tier} effort (minimum ${entry.minEffortText}) with no escalation criterion holding`
        : `entered ${queue.id} (tier ${queue.tier}) directly; ${routed} and no escalation criterion held`,
      businessMinutes: spent === undefined ? null : round(spent),
      ...(spent !== undefined && lowerTier !== undefined ? { costedMinutes: { minutes: spent, tier: queue.tier, homeTier: lowerTier } } : {}),
      evidence: {
        from: prev?.queue?.id ?? null,
        effortMinutes: round(effort),
        minEffortMinutes: round(minEffort),
        routedTo: replay.home?.id ?? null,
        minutesAtHigherTier: spent === undefined ? null : round(spent),
      },
    });
  }
  return out;
}

// The effort before each move up that minEffort judges (a direct entry is none): a minimum, so the least of them.
const measureOf = (entries: Entry[]) => worst('minEffort', entries
  .flatMap((e) => (e.verdict === 'effort' || e.verdict === 'criterion' || e.verdict === 'unjustified' ? [e.effort] : [])), true);

interface Entry {
  stint: Stint;
  prev: Stint | undefined;
  verdict: 'closed' | 'entry' | 'home' | 'not-up' | 'no-limit' | 'effort' | 'criterion' | 'unjustified';
  effort: number;
  minEffort: number;
  minEffortText: string;
  criterion?: string;
}

/** Every entry into a judged queue, and what (if anything) justified it. */
function judgeEntries(replay: TicketReplay, rule: OverEscalatedRule, framework: Framework): Entry[] {
  const out: Entry[] = [];
  const homeTier = replay.home?.tier;
  for (const stint of replay.stints) {
    const queue = stint.queue;
    if (!queue || !rule.to.has(queue)) continue;
    const prev = previousStint(replay, stint);
    const base = { stint, prev, effort: 0, minEffort: 0, minEffortText: '' };
    // Moves made while closed are not escalations; work-after-closure judges them.
    if (enteredClosed(replay, stint)) { out.push({ ...base, verdict: 'closed' }); continue; }
    // Work may start in an entry queue, or at the lowest tier: created there, it skipped nothing.
    if (!prev && queue.entry) { out.push({ ...base, verdict: 'entry' }); continue; }
    if (!prev && queue.tier <= lowestTier(framework)) { out.push({ ...base, verdict: 'not-up' }); continue; }
    // Work whose home is at this tier or above belongs here however it arrives; without a home, only effort and criteria excuse it.
    if (homeTier !== undefined && homeTier >= queue.tier) { out.push({ ...base, verdict: 'home' }); continue; }
    if (prev && (!prev.queue || prev.queue.tier >= queue.tier)) { out.push({ ...base, verdict: 'not-up' }); continue; }
    const priority = replay.segments[stint.first]!.priority;
    const effort = prev ? effortIn(replay, prev) : 0;
    const d = limitFor(rule.minEffort, priority);
    const minEffort = d ? durationMinutes(d, ticketCalendar(replay, prev?.queue, rule.clock)) : 0;
    const entry = { ...base, effort, minEffort, minEffortText: describeLimit(rule.minEffort, priority) };
    const criterion = criterionHeld(replay, framework, prev, stint, effort);
    // Entering directly is no effort at all, whatever the minimum (or its absence for this priority).
    if (prev && !d) out.push({ ...entry, verdict: 'no-limit' });
    else if (prev && effort >= minEffort) out.push({ ...entry, verdict: 'effort' });
    else if (criterion) out.push({ ...entry, verdict: 'criterion', criterion });
    else out.push({ ...entry, verdict: 'unjustified' });
  }
  return out;
}

const lowestTier = (framework: Framework) => Math.min(...framework.queues.map((q) => q.tier));

function effortIn(replay: TicketReplay, stint: Stint): number {
  const calendar = ticketCalendar(replay, stint.queue, undefined);
  return accumulate(replay.segments, stint.first, stint.last, stint.start, calendar).minutes;
}

/**
 * An escalation is justified when an escalation rule leading into the queue applies: its condition
 * held in the lower queue or when the ticket moved, or (for a pure time limit) the lower
 * queue's time was up. Returns the id of that rule.
 */
function criterionHeld(replay: TicketReplay, framework: Framework, prev: Stint | undefined, stint: Stint, effort: number): string | undefined {
  const into: Queue = stint.queue!;
  const atMove = replay.viewAt(stint.first, stint.start);
  return framework.rules.find((r): boolean => {
    if (!underEscalated.owns(r) || !r.to.includes(into)) return false;
    // Only a rule that judged where the ticket came from can have sent it up: a direct entry has no such queue.
    if (!prev?.queue || !r.from.has(prev.queue)) return false;
    if (r.when) return r.when(atMove) || firstHolding(replay, prev, r.when) !== undefined;
    const d = limitFor(r.after, replay.segments[prev.last]!.priority);
    return d !== undefined && effort >= durationMinutes(d, ticketCalendar(replay, prev.queue, r.clock));
  })?.id;
}

/**
 * A `minEffort` at least as long as a pure time limit (`after`, no `when`) on the same move leaves
 * no right moment: moving up earlier is over-escalated, later under-escalated.
 */
function contradictingLimits(effort: OverEscalatedRule, { rules, index }: RuleContext): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const budgets = rules.filter(underEscalated.owns).filter((r) => r.when === undefined);
  for (const budget of budgets) {
    if ((effort.clock ?? 'business') !== (budget.clock ?? 'business')) continue;
    const move = pairs(budget).find(([from, to]) => effort.to.has(to) && to.tier > from.tier);
    if (!move) continue;
    const [from, to] = move;
    const clash = firstClash(effort.minEffort, budget.after, from, effort.clock ?? 'business');
    if (!clash) continue;
    const forPriority = clash.priority === undefined ? '' : ` for priority ${clash.priority}`;
    problems.push({
      path: ['rules', index(effort), 'minEffort'],
      message: `minEffort ${clash.effort.text}${forPriority} is not shorter than the time limit ${clash.budget.text} of rule "${budget.id}" (${from.id} -> ${to.id}): moving up earlier is over-escalated and later under-escalated, so no escalation by time is ever right`,
      hint: `make minEffort shorter than ${clash.budget.text}, or give rule "${budget.id}" more time`,
    });
  }
  return problems;
}

function pairs(rule: UnderEscalatedRule): [Queue, Queue][] {
  return [...rule.from].flatMap((from) => rule.to.map((to): [Queue, Queue] => [from, to]));
}

/** The first priority (or the common limit) for which the effort is not shorter than the budget. */
function firstClash(effort: Limit, budget: Limit, from: Queue, clock: 'business' | 'wall') {
  const day = { dayMinutes: clock === 'wall' ? 1440 : from.calendar.dayMinutes };
  const classes = [undefined, ...new Set([...effort.byPriority.keys(), ...budget.byPriority.keys()])];
  for (const priority of classes) {
    const e = priority === undefined ? effort.fallback : limitFor(effort, priority);
    const b = priority === undefined ? budget.fallback : limitFor(budget, priority);
    if (e && b && durationMinutes(e, day) > 0 && durationMinutes(e, day) >= durationMinutes(b, day)) {
      return { priority: priority === DEFAULT_PRIORITY_KEY ? undefined : priority, effort: e, budget: b };
    }
  }
  return undefined;
}
