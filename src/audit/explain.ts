import type { Framework } from '../framework/model.js';
import type { Finding } from '../model/finding.js';
import type { Ticket } from '../model/ticket.js';
import { zoneClock } from '../time/zone.js';
import { auditTicket, compareFindings } from './audit.js';
import { round } from './checks/check.js';
import { checkOf } from './checks/index.js';
import { pauseSpans } from './checks/pause-spans.js';
import { accumulate, ticketCalendar } from './clock.js';
import { queueName, stayOutcome, type TicketReplay } from './replay.js';

/** One row of the timeline: the state after an event, until the next one. */
export interface ExplainedEvent {
  at: string;
  /** Local time in the framework's time zone, like `2026-10-05 09:00 Mon`. */
  local: string;
  queue: string | null;
  /** The board/queue name as exported. */
  board: string | null;
  tier: number | null;
  status: string | null;
  assignee: string | null;
  priority: string | null;
  state: 'running' | 'paused' | 'closed';
  /** Until the next event (or the as-of time): every minute, and the minutes of the business calendar. */
  wallMinutes: number;
  businessMinutes: number;
}

/** An unbroken stay in one queue. */
export interface ExplainedStay {
  queue: string;
  tier: number | null;
  from: string;
  to: string;
  /** `from` in local time, like `local` of an event. */
  fromLocal: string;
  calendar: string;
  wallMinutes: number;
  /** Running business time: what the queue's clocks counted. */
  businessMinutes: number;
  /** Business time spent paused or closed. */
  stoppedMinutes: number;
  ending: string;
  /** How long a business day of its calendar is: what `3d` in the framework and in messages means here. */
  businessDayMinutes: number;
}

export interface ExplainedPause {
  from: string;
  to: string;
  fromLocal: string;
  toLocal: string;
  statuses: string[];
  queue: string;
  wallMinutes: number;
  businessMinutes: number;
  stillPaused: boolean;
}

export interface ExplainedRule {
  id: string;
  check: string;
  severity: string;
  description: string;
  fired: boolean;
  /** What the data did not let the rule judge on this ticket (null: it judged all of it). */
  notJudged: { reason: string; partly: boolean } | null;
  findings: Pick<Finding, 'id' | 'at' | 'message' | 'queue' | 'expectedQueue' | 'businessMinutes' | 'cost'>[];
  /** Why it fired, or why not, in plain words. */
  explanation: string;
}

export interface TicketExplanation {
  ticket: { id: string; summary: string | null; company: string | null; priority: string | null; source: string | null;
    type: string | null; subtype: string | null };
  asOf: string;
  timezone: string;
  framework: string;
  /** Where routing puts the work. */
  home: string | null;
  events: ExplainedEvent[];
  stays: ExplainedStay[];
  pauses: ExplainedPause[];
  rules: ExplainedRule[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One ticket as the audit sees it: its timeline, stays and pauses, and for every rule whether it
 * fired and why. Undefined when the ticket was created after `asOf` (the audit leaves it out).
 */
export function explainTicket(ticket: Ticket, framework: Framework, asOf: number): TicketExplanation | undefined {
  const outcome = auditTicket(ticket, framework, asOf);
  if (!outcome) return undefined;
  const { replay } = outcome;
  outcome.findings.sort(compareFindings);
  const local = localFormatter(framework.defaultCalendar.timezone);
  const f = ticket.fields;
  return {
    ticket: { id: ticket.id, summary: f.summary ?? null, company: f.company ?? null, priority: f.priority ?? null,
      source: f.source ?? null, type: f.type ?? null, subtype: f.subtype ?? null },
    asOf: iso(asOf),
    timezone: framework.defaultCalendar.timezone,
    framework: framework.name,
    home: replay.home?.id ?? null,
    events: explainEvents(replay, local),
    stays: explainStays(replay, local),
    pauses: pauseSpans(replay, (s) => framework.isPaused(s)).map((p) => {
      const seg = replay.segments[p.first]!;
      const calendar = ticketCalendar(replay, seg.queue, undefined);
      return {
        from: iso(p.start), to: iso(p.end), fromLocal: local(p.start), toLocal: local(p.end), statuses: p.statuses, queue: queueName(replay.stints[replay.stintOf[p.first]!]!),
        wallMinutes: round((p.end - p.start) / 60_000), businessMinutes: round(calendar.minutesBetween(p.start, p.end)),
        stillPaused: p.last === replay.segments.length - 1 && p.end === replay.asOf,
      };
    }),
    rules: framework.rules.map((rule): ExplainedRule => {
      const own = outcome.findings.filter((x) => x.rule === rule.id);
      const check = checkOf(rule);
      const limitation = check.limits(replay, rule) ?? null;
      const unjudged = limitation && `${limitation.partly ? 'judged only in part' : 'not judged'}: ${limitation.reason}`;
      return {
        id: rule.id, check: rule.check, severity: rule.severity, description: rule.description,
        fired: own.length > 0,
        notJudged: limitation && { reason: limitation.reason, partly: limitation.partly },
        findings: own.map((x) => ({ id: x.id, at: x.at, message: x.message, queue: x.queue, expectedQueue: x.expectedQueue,
          businessMinutes: x.businessMinutes, cost: x.cost })),
        explanation: own.length > 0
          ? own.map((x) => `${x.message}${x.expectedQueue ? `; ${ruleNoun(rule.check)} ${rule.id} expected ${x.expectedQueue}` : ''}`).join('; ')
          + (unjudged && limitation?.partly ? `; ${unjudged}` : '')
          : unjudged && !limitation?.partly ? unjudged
          : `did not fire: ${check.whyNot(replay, rule, framework)}${unjudged ? `; ${unjudged}` : ''}`,
      };
    }),
  };
}

const ruleNoun = (check: string) =>
  check === 'under-escalated' ? 'escalation rule' : check === 'missed-de-escalation' ? 'de-escalation rule' : 'rule';

function explainEvents(replay: TicketReplay, local: (ms: number) => string): ExplainedEvent[] {
  return replay.segments.map((seg) => {
    const calendar = ticketCalendar(replay, seg.queue, undefined);
    return {
      at: iso(seg.start), local: local(seg.start),
      queue: seg.queue?.id ?? null, board: seg.event.queue ?? null, tier: seg.queue?.tier ?? null,
      status: seg.event.status ?? null, assignee: seg.event.assignee ?? null, priority: seg.event.priority ?? null,
      state: seg.closed ? 'closed' : seg.active ? 'running' : 'paused',
      wallMinutes: round((seg.end - seg.start) / 60_000), businessMinutes: round(calendar.minutesBetween(seg.start, seg.end)),
    };
  });
}

function explainStays(replay: TicketReplay, local: (ms: number) => string): ExplainedStay[] {
  return replay.stints.map((stint) => {
    const calendar = ticketCalendar(replay, stint.queue, undefined);
    const running = accumulate(replay.segments, stint.first, stint.last, stint.start, calendar).minutes;
    return {
      queue: queueName(stint), tier: stint.queue?.tier ?? null, from: iso(stint.start), to: iso(stint.end), fromLocal: local(stint.start),
      calendar: calendar.id,
      wallMinutes: round((stint.end - stint.start) / 60_000), businessMinutes: round(running),
      stoppedMinutes: round(calendar.minutesBetween(stint.start, stint.end) - running),
      ending: stayOutcome(replay, stint),
      businessDayMinutes: calendar.dayMinutes,
    };
  });
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

export function localFormatter(timezone: string): (ms: number) => string {
  const clock = zoneClock(timezone);
  return (ms) => {
    const p = clock.toLocal(ms);
    return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${WEEKDAYS[p.weekday]}`;
  };
}
