import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import { limitFor } from '../../framework/limit.js';
import type { Framework, OverEscalatedRule, Queue } from '../../framework/model.js';
import { accumulate, describeLimit, ticketCalendar } from '../clock.js';
import { enteredClosed, firstHolding, previousStint, type Stint, type TicketReplay } from '../replay.js';
import { neverMoved, noHistory, round, withoutHistory, worst, type Check, type Observation } from './check.js';

export const overEscalated: Check<'over-escalated'> = {
  meta: {
    id: 'over-escalated',
    title: 'Over-escalated',
    description: 'Entered a higher tier with no escalation criterion holding: skipped the entry tier, or moved up before the lower tier had its minimum effort.',
  },
  limits: (replay) => (withoutHistory(replay) && !neverMoved(replay) ? noHistory(replay, 'the queue it entered first') : undefined),
  run(replay, rule, framework) {
    const out: Observation[] = [];
    const home = replay.home;
    for (const entry of judgeEntries(replay, rule, framework)) {
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
  },
  // The effort before each move up that minEffort judges (a direct entry is none): a minimum, so the least of them.
  measure: (replay, rule, framework) => worst('minEffort', judgeEntries(replay, rule, framework)
    .flatMap((e) => (e.verdict === 'effort' || e.verdict === 'criterion' || e.verdict === 'unjustified' ? [e.effort] : [])), true),
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
};

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
    if (r.check !== 'under-escalated' || !r.to.includes(into)) return false;
    // Only a rule that judged where the ticket came from can have sent it up: a direct entry has no such queue.
    if (!prev?.queue || !r.from.has(prev.queue)) return false;
    if (r.when) return r.when(atMove) || firstHolding(replay, prev, r.when) !== undefined;
    const d = limitFor(r.after, replay.segments[prev.last]!.priority);
    return d !== undefined && effort >= durationMinutes(d, ticketCalendar(replay, prev.queue, r.clock));
  })?.id;
}
