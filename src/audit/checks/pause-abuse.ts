import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import type { LimitDocument } from '../../framework/document.js';
import { limitFor, type Limit } from '../../framework/limit.js';
import type { Framework, Queue } from '../../framework/model.js';
import { fold } from '../../text/fold.js';
import { describeLimit, ticketCalendar } from '../clock.js';
import type { TicketReplay } from '../replay.js';
import { pauseSpans, runningLimitsAt, type PauseSpan } from './pause-spans.js';
import { clockWords, defineCheck, noHistory, OPTION_SCHEMAS, round, withoutHistory, worst, type Observation, type RuleOf, type Measurement } from './check.js';

type PauseAbuseRule = RuleOf<'pause-abuse', {
  /** Folded paused-status names judged; undefined: every paused status. */
  statuses: Set<string> | undefined;
  maxPause: Limit | undefined;
  beforeBreach: Limit | undefined;
  maxTotal: Limit | undefined;
}>;

export const pauseAbuse = defineCheck<PauseAbuseRule, {
  statuses?: string[];
  maxPause?: LimitDocument;
  /** A pause entered with less than this left of a running time limit, that outlasted what was left. */
  beforeBreach?: LimitDocument;
  maxTotal?: LimitDocument;
}>({
  id: 'pause-abuse',
  title: 'a pause held too long or used to hide a breach',
  description: 'a pause status held past its limit, or entered just before a time limit ran out and held past it (the pause hid a breach)',
  needs: 'the history of statuses',
  options: {
    statuses: { schema: OPTION_SCHEMAS.names, description: 'the paused statuses judged (default: every status in statuses.paused).' },
    maxPause: { schema: OPTION_SCHEMAS.limit, description: 'a pause held longer than this (business clock unless `clock: wall`).' },
    beforeBreach: { schema: OPTION_SCHEMAS.limit, description: 'a pause entered with less than this left of a running escalation or de-escalation limit, and held past what was left.' },
    maxTotal: { schema: OPTION_SCHEMAS.limit, description: 'all of a ticket\'s pauses in `statuses` added up longer than this (every \'Waiting on User\' spell together).' },
  },
  compile(doc, kit) {
    if (doc.maxPause === undefined && doc.beforeBreach === undefined && doc.maxTotal === undefined) {
      kit.report([], 'a pause-abuse rule needs `maxPause`, `beforeBreach`, `maxTotal` or several', 'e.g. maxPause: 5d');
    }
    const known = new Set(kit.pausedStatuses.map(fold));
    doc.statuses?.forEach((s, i) => {
      if (!known.has(fold(s))) kit.reportUnknown(['statuses', i], 'paused status', s, kit.pausedStatuses, 'list it under statuses.paused first');
    });
    return {
      statuses: doc.statuses ? new Set(doc.statuses.map(fold)) : undefined,
      maxPause: kit.optionalLimit('maxPause', doc.maxPause), beforeBreach: kit.optionalLimit('beforeBreach', doc.beforeBreach),
      maxTotal: kit.optionalLimit('maxTotal', doc.maxTotal),
    };
  },
  neverFires: (_rule, { pausedStatuses }) => (pausedStatuses === 0
    ? { message: 'the framework lists no paused statuses (statuses.paused), so no ticket is ever paused', hint: 'list the statuses that stop the clocks under statuses.paused' }
    : undefined),
  limits: (replay) => (withoutHistory(replay) ? noHistory(replay, 'when it was paused') : undefined),
  run: (replay, rule, framework) => observe(replay, rule, assess(replay, rule, framework)),
  measure: (replay, rule, framework) => measureOf(rule, assess(replay, rule, framework)),
  judge(replay, rule, framework) {
    const assessed = assess(replay, rule, framework);
    return { observations: observe(replay, rule, assessed), measurements: measureOf(rule, assessed) };
  },
  whyNot(replay, rule, framework) {
    const spans = judgedSpans(replay, rule, framework);
    if (spans.length === 0) return 'never paused';
    const parts: string[] = [];
    if (rule.maxPause) {
      const longest = spans.reduce((a, s) => (s.minutes > a.minutes ? s : a));
      parts.push(`longest pause ${formatMinutes(longest.minutes, longest.dayMinutes)} of ${longest.clock}, limit ${longest.maxText}`);
    }
    if (rule.maxTotal) {
      const total = totalPaused(replay, rule, spans);
      parts.push(`${spans.length} pause${spans.length === 1 ? '' : 's'}, ${formatMinutes(total.minutes, total.dayMinutes)} of ${total.clock} in all, limit ${total.limitText}`);
    }
    if (rule.beforeBreach) {
      const close = spans.map((s) => s.nearest).filter((n) => n !== undefined)
        .sort((a, b) => a.remaining - b.remaining)[0];
      parts.push(close
        ? `closest to a limit: paused with ${formatMinutes(close.remaining)} left of ${close.ruleId} (margin ${close.marginText}), and the pause ${close.outlasted ? 'outlasted it' : `lasted only ${formatMinutes(close.pauseMinutes)}`}`
        : 'no pause began while a time limit was running');
    }
    return parts.join('; ');
  },
});

/** The judged pauses and, when the rule limits it, their total: what the findings and the measurements rest on. */
interface Assessed { spans: JudgedSpan[]; total: TotalPause | undefined }

function assess(replay: TicketReplay, rule: PauseAbuseRule, framework: Framework): Assessed {
  const spans = judgedSpans(replay, rule, framework);
  return { spans, total: rule.maxTotal ? totalPaused(replay, rule, spans) : undefined };
}

function observe(replay: TicketReplay, rule: PauseAbuseRule, { spans, total }: Assessed): Observation[] {
  const out: Observation[] = [];
  for (const span of spans) {
    if (span.overAt !== undefined) out.push(tooLong(replay, rule, span));
    if (span.hidden) out.push(hidBreach(replay, span));
  }
  if (total?.overAt !== undefined) out.push(tooLongInAll(replay, rule, total));
  return out;
}

function measureOf(rule: PauseAbuseRule, { spans, total }: Assessed): Measurement[] {
  const out: Measurement[] = [];
  if (rule.maxPause) out.push(...worst('maxPause', spans.flatMap((s) => (s.maxMinutes === Infinity ? [] : [s.minutes]))));
  if (total && spans.length > 0) out.push(...worst('maxTotal', [total.minutes]));
  // A pause that outlasted a running limit complies when it began more than beforeBreach before the breach: a minimum.
  if (rule.beforeBreach) out.push(...worst('beforeBreach', spans.flatMap((s) => (s.nearest?.outlasted ? [s.nearest.remaining] : [])), true));
  return out;
}

interface NearBreach {
  ruleId: string;
  expectedQueue: Queue | undefined;
  /** Running minutes of the limit left when the pause began. */
  remaining: number;
  limitText: string;
  marginText: string;
  /** The pause, measured on that limit's clock as if it had been running. */
  pauseMinutes: number;
  within: boolean;
  outlasted: boolean;
}

interface JudgedSpan extends PauseSpan {
  minutes: number;
  dayMinutes: number;
  clock: string;
  maxText: string;
  maxMinutes: number;
  overAt: number | undefined;
  /** The running limit it came closest to hiding, and whether it did. */
  nearest: NearBreach | undefined;
  hidden: boolean;
}

function judgedSpans(replay: TicketReplay, rule: PauseAbuseRule, framework: Framework): JudgedSpan[] {
  const statuses = rule.statuses;
  return pauseSpans(replay, (status) => framework.isPaused(status) && (!statuses || statuses.has(status.trim().toLowerCase())))
    .map((span) => {
      const seg = replay.segments[span.first]!;
      const calendar = ticketCalendar(replay, seg.queue, rule.clock);
      const { minutes, overAt, maxMinutes } = measure(replay, rule, span);
      const nearest = rule.beforeBreach ? nearestBreach(replay, rule, framework, span) : undefined;
      return {
        ...span, minutes, overAt, maxMinutes, nearest, hidden: !!nearest && nearest.within && nearest.outlasted, dayMinutes: calendar.dayMinutes,
        clock: clockWords(calendar), maxText: rule.maxPause ? describeLimit(rule.maxPause, seg.priority) : '',
      };
    });
}

/** The pause's length on the rule's clock (each segment on its queue's calendar), and when it passed maxPause. */
function measure(replay: TicketReplay, rule: PauseAbuseRule, span: PauseSpan) {
  const priority = replay.segments[span.first]!.priority;
  const d = rule.maxPause ? limitFor(rule.maxPause, priority) : undefined;
  let minutes = 0;
  let overAt: number | undefined;
  let maxMinutes = Infinity;
  for (let i = span.first; i <= span.last; i++) {
    const seg = replay.segments[i]!;
    const calendar = ticketCalendar(replay, seg.queue, rule.clock);
    const limit = d === undefined ? Infinity : durationMinutes(d, calendar);
    if (i === span.first) maxMinutes = limit;
    const m = calendar.minutesBetween(seg.start, seg.end);
    if (overAt === undefined && minutes + m > limit) overAt = calendar.addMinutes(seg.start, limit - minutes);
    minutes += m;
  }
  return { minutes, overAt, maxMinutes };
}

/** Of the time limits running when the pause began, the one it hid (or came closest to hiding). */
function nearestBreach(replay: TicketReplay, rule: PauseAbuseRule, framework: Framework, span: PauseSpan): NearBreach | undefined {
  const priority = replay.segments[span.first]!.priority;
  let best: NearBreach | undefined;
  for (const running of runningLimitsAt(replay, framework, span.first)) {
    const calendar = running.calendar;
    const margin = limitFor(rule.beforeBreach!, priority);
    if (!margin) continue;
    let pauseMinutes = 0;
    for (let i = span.first; i <= span.last; i++) pauseMinutes += calendar.minutesBetween(replay.segments[i]!.start, replay.segments[i]!.end);
    const near: NearBreach = {
      ruleId: running.rule.id, expectedQueue: running.rule.to[0], remaining: running.remaining, limitText: running.limitText,
      marginText: describeLimit(rule.beforeBreach!, priority), pauseMinutes,
      within: running.remaining <= durationMinutes(margin, calendar), outlasted: pauseMinutes > running.remaining,
    };
    // A limit the pause hid beats one it did not; then the one with the least time left.
    const hid = (n: NearBreach) => n.within && n.outlasted;
    if (!best || (hid(near) && !hid(best)) || (hid(near) === hid(best) && near.remaining < best.remaining)) best = near;
  }
  return best;
}

function tooLong(replay: TicketReplay, rule: PauseAbuseRule, span: JudgedSpan): Observation {
  const seg = replay.segments[span.first]!;
  const still = span.last === replay.segments.length - 1 && !seg.closed && replay.segments[span.last]!.end === replay.asOf;
  return {
    at: span.overAt!,
    queue: seg.queue,
    rawQueue: seg.event.queue,
    expectedQueue: undefined,
    message: `paused ("${span.statuses.join('", "')}") for ${formatMinutes(span.minutes, span.dayMinutes)} of ${span.clock} (limit ${span.maxText})`
      + (still ? '; still paused' : ''),
    businessMinutes: round(span.minutes - span.maxMinutes),
    evidence: {
      pausedAt: new Date(span.start).toISOString(), statuses: span.statuses, pauseMinutes: round(span.minutes),
      limitMinutes: round(span.maxMinutes), stillPaused: still, rule: rule.id,
    },
  };
}

interface TotalPause { minutes: number; overAt: number | undefined; overIndex: number | undefined; limitMinutes: number;
  limitText: string; dayMinutes: number; clock: string; pauses: number }

/** Every pause of the ticket added up on the rule's clock, and the instant the sum passed `maxTotal`. */
function totalPaused(replay: TicketReplay, rule: PauseAbuseRule, spans: JudgedSpan[]): TotalPause {
  const first = replay.segments[spans[0]?.first ?? 0]!;
  const firstCalendar = ticketCalendar(replay, first.queue, rule.clock);
  let minutes = 0;
  let overAt: number | undefined;
  let overIndex: number | undefined;
  let limitMinutes = Infinity;
  let limitText = describeLimit(rule.maxTotal!, first.priority);
  for (const span of spans) {
    for (let i = span.first; i <= span.last; i++) {
      const seg = replay.segments[i]!;
      const calendar = ticketCalendar(replay, seg.queue, rule.clock);
      const d = limitFor(rule.maxTotal!, seg.priority);
      const limit = d === undefined ? Infinity : durationMinutes(d, calendar);
      const m = calendar.minutesBetween(seg.start, seg.end);
      if (overAt === undefined && minutes + m > limit) {
        overAt = minutes >= limit ? seg.start : calendar.addMinutes(seg.start, limit - minutes);
        overIndex = i;
        limitMinutes = limit;
        limitText = describeLimit(rule.maxTotal!, seg.priority);
      }
      minutes += m;
    }
  }
  return { minutes, overAt, overIndex, limitMinutes, limitText, dayMinutes: firstCalendar.dayMinutes, clock: clockWords(firstCalendar), pauses: spans.length };
}

function tooLongInAll(replay: TicketReplay, rule: PauseAbuseRule, total: TotalPause): Observation {
  const seg = replay.segments[total.overIndex!]!;
  return {
    at: total.overAt!,
    queue: seg.queue,
    rawQueue: seg.event.queue,
    expectedQueue: undefined,
    message: `paused ${total.pauses} time${total.pauses === 1 ? '' : 's'} for ${formatMinutes(total.minutes, total.dayMinutes)} of ${total.clock} in all `
      + `(limit ${total.limitText} for all pauses together)`,
    businessMinutes: round(total.minutes - total.limitMinutes),
    evidence: { pauses: total.pauses, totalPauseMinutes: round(total.minutes), limitMinutes: round(total.limitMinutes), rule: rule.id },
  };
}

function hidBreach(replay: TicketReplay, span: JudgedSpan): Observation {
  const seg = replay.segments[span.first]!;
  const n = span.nearest!;
  const queue = seg.queue;
  return {
    at: span.start,
    queue,
    rawQueue: seg.event.queue,
    expectedQueue: n.expectedQueue,
    message: `paused ("${span.statuses[0]}") in ${queue?.id ?? seg.event.queue ?? 'no queue'} with ${formatMinutes(n.remaining)} left `
      + `of rule ${n.ruleId} (limit ${n.limitText}, margin ${n.marginText}); the pause lasted ${formatMinutes(n.pauseMinutes)}, `
      + 'so the limit would have been passed during it',
    businessMinutes: round(n.pauseMinutes - n.remaining),
    evidence: {
      pausedAt: new Date(span.start).toISOString(), status: span.statuses[0] ?? null, hiddenRule: n.ruleId,
      remainingMinutes: round(n.remaining), pauseMinutes: round(n.pauseMinutes),
    },
  };
}
