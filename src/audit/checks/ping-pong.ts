import type { Framework } from '../../framework/model.js';
import { firstHolding, queueName, type Stint, type TicketReplay } from '../replay.js';
import { defineCheck, noHistory, withoutHistory, worst, type Observation, type RuleOf } from './check.js';
import { missedDeEscalation } from './missed-de-escalation.js';

type PingPongRule = RuleOf<'ping-pong', { maxQueueChanges: number | undefined; returns: boolean }>;

export const pingPong = defineCheck<PingPongRule, {
  maxQueueChanges?: number;
  /** Flag any return to a queue the ticket had left (returns under a de-escalation rule excepted). */
  returns?: boolean;
}>({
  id: 'ping-pong',
  title: 'bounced between queues',
  description: 'more queue changes than the limit, or a return to a queue it had left (not counting de-escalations)',
  needs: 'the path of queues (history), or the export\'s counter for `maxQueueChanges` alone',
  options: {
    maxQueueChanges: { schema: { type: 'integer', minimum: 1 }, description: 'flag a ticket that changes queue more often than this.' },
    returns: { schema: { type: 'boolean' }, description: 'flag any return to a queue the ticket had left (returns under a de-escalation rule excepted).' },
  },
  compile: (doc) => ({ maxQueueChanges: doc.maxQueueChanges, returns: doc.returns ?? true }),
  neverFires: (rule) => (rule.maxQueueChanges === undefined && !rule.returns
    ? { message: 'it has no maxQueueChanges and returns: false', hint: 'set maxQueueChanges, or returns: true' } : undefined),
  limits(replay, rule) {
    if (!withoutHistory(replay)) return undefined;
    if (replay.ticket.queueChanges === undefined || rule.maxQueueChanges === undefined) return noHistory(replay, 'the queues it passed through');
    return rule.returns ? noHistory(replay, 'whether it returned to a queue it had left', true) : undefined;
  },
  run(replay, rule, framework) {
    const counted = countedChanges(replay);
    if (counted !== undefined) return judgeCount(replay, rule.maxQueueChanges, counted);
    const stints = replay.stints;
    const changes = stints.length - 1;
    const tooMany = rule.maxQueueChanges !== undefined && changes > rule.maxQueueChanges;
    const firstReturn = rule.returns ? findReturn(replay, framework) : undefined;
    if (!tooMany && firstReturn === undefined) return [];
    const path = stints.map(queueName);
    const over = tooMany ? stints[rule.maxQueueChanges! + 1]! : undefined;
    const at = Math.min(over?.start ?? Infinity, firstReturn?.start ?? Infinity);
    const reasons = [
      tooMany ? `changed queue ${changes} times (limit ${rule.maxQueueChanges})` : '',
      firstReturn ? `returned to ${queueName(firstReturn)} after leaving it` : '',
    ].filter(Boolean);
    const observation: Observation = {
      at,
      queue: firstReturn?.queue ?? over?.queue,
      rawQueue: (firstReturn ?? over)?.rawQueue,
      expectedQueue: undefined,
      message: `${reasons.join(' and ')}: ${path.join(' -> ')}`,
      businessMinutes: null,
      evidence: { queueChanges: changes, path, returnedTo: firstReturn ? queueName(firstReturn) : null },
    };
    return [observation];
  },
  measure: (replay, rule) => (rule.maxQueueChanges === undefined ? []
    : worst('maxQueueChanges', [countedChanges(replay) ?? replay.stints.length - 1])),
  whyNot(replay, rule) {
    const counted = countedChanges(replay);
    if (counted !== undefined) {
      const limit = rule.maxQueueChanges === undefined ? 'no count limit' : `limit ${rule.maxQueueChanges}`;
      return `the export's counter says ${counted} queue change${counted === 1 ? '' : 's'} (${limit}); returns cannot be seen without history`;
    }
    const changes = replay.stints.length - 1;
    const limit = rule.maxQueueChanges === undefined ? '' : ` (limit ${rule.maxQueueChanges})`;
    const returns = rule.returns ? ', and no return to a queue it had left (returns by de-escalation do not count)' : '';
    return `${changes} queue change${changes === 1 ? '' : 's'}${limit}${returns}: ${replay.stints.map(queueName).join(' -> ')}`;
  },
});

/** A snapshot-only ticket whose export counts its queue changes (reassignment_count, Group stations). */
function countedChanges(replay: TicketReplay): number | undefined {
  const { ticket } = replay;
  return ticket.history === 'snapshot' ? ticket.queueChanges : undefined;
}

/** Degraded mode: only the count can be judged; the finding points at the current queue. */
function judgeCount(replay: TicketReplay, limit: number | undefined, changes: number): Observation[] {
  if (limit === undefined || changes <= limit) return [];
  const last = replay.stints[replay.stints.length - 1];
  if (!last) return [];
  return [{
    at: last.start,
    queue: last.queue,
    rawQueue: last.rawQueue,
    expectedQueue: undefined,
    message: `changed queue ${changes} times according to the export's counter (limit ${limit}); the path is not in the export`,
    businessMinutes: null,
    evidence: { queueChanges: changes, path: null, returnedTo: null, counted: true },
  }];
}

/** The first stint that goes back to a queue left earlier, unless a de-escalation rule sent it there. */
function findReturn(replay: TicketReplay, framework: Framework): Stint | undefined {
  const seen = new Set<string>();
  const stints = replay.stints;
  for (let i = 0; i < stints.length; i++) {
    const key = queueName(stints[i]!);
    if (seen.has(key) && !isDeEscalation(replay, framework, stints[i - 1]!, stints[i]!)) return stints[i];
    seen.add(key);
  }
  return undefined;
}

function isDeEscalation(replay: TicketReplay, framework: Framework, from: Stint, to: Stint): boolean {
  if (!from.queue || !to.queue) return false;
  return framework.rules.some((r) => missedDeEscalation.owns(r) && r.from.has(from.queue!)
    && r.to.includes(to.queue!) && firstHolding(replay, from, r.when) !== undefined);
}
