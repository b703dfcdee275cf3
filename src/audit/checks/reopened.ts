import type { Segment, TicketReplay } from '../replay.js';
import { defineCheck, noHistory, withoutHistory, worst, type RuleOf } from './check.js';

type ReopenedRule = RuleOf<'reopened', { max: number }>;

export const reopened = defineCheck<ReopenedRule, { max: number }>({
  id: 'reopened',
  title: 'reopened too often',
  description: 'reopened more times than the limit: left a closed status for one that is not closed',
  needs: 'the history of statuses (when it was closed, and each time it left a closed status)',
  options: {
    max: { schema: { type: 'integer', minimum: 0 }, description: 'flag a ticket reopened more often than this (0: any reopen).', required: true },
  },
  compile: (doc) => ({ max: doc.max }),
  neverFires: (_rule, { closedStatuses }) => (closedStatuses === 0
    ? { message: 'the framework lists no closed statuses (statuses.closed), so no ticket is ever closed, nor reopened', hint: 'list the statuses that end a ticket\'s life under statuses.closed' }
    : undefined),
  limits: (replay) => (withoutHistory(replay) ? noHistory(replay, 'when it was closed and reopened') : undefined),
  run(replay, rule) {
    const reopens = reopensOf(replay);
    if (reopens.length <= rule.max) return [];
    const over = reopens[rule.max]!;
    return [{
      at: over.after.start,
      queue: over.after.queue,
      rawQueue: over.after.event.queue,
      expectedQueue: undefined,
      message: `reopened ${times(reopens.length)} (limit ${rule.max}): ${reopens.map(reopenWords).join(', ')}`,
      businessMinutes: null,
      evidence: { reopens: reopens.length, reopenedAt: reopens.map((r) => new Date(r.after.start).toISOString()), limit: rule.max },
    }];
  },
  // Reopens of the tickets that were ever closed: the ones the limit applies to.
  measure: (replay) => (replay.segments.some((s) => s.closed) ? worst('max', [reopensOf(replay).length]) : []),
  whyNot(replay, rule) {
    const reopens = reopensOf(replay);
    if (reopens.length > 0) return `reopened ${times(reopens.length)} (limit ${rule.max}): ${reopens.map(reopenWords).join(', ')}`;
    return replay.segments.some((s) => s.closed) ? 'closed, never reopened' : 'never closed';
  },
});

interface Reopen { before: Segment; after: Segment }

/** Each move from a closed status to one that is not closed, in time order. */
function reopensOf(replay: TicketReplay): Reopen[] {
  const out: Reopen[] = [];
  const segments = replay.segments;
  for (let i = 1; i < segments.length; i++) {
    if (segments[i - 1]!.closed && !segments[i]!.closed) out.push({ before: segments[i - 1]!, after: segments[i]! });
  }
  return out;
}

const reopenWords = ({ before, after }: Reopen) =>
  `${new Date(after.start).toISOString()} ("${before.event.status ?? ''}" -> "${after.event.status ?? ''}")`;

const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
