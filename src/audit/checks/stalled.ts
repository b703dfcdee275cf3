import { WALL_CLOCK } from '../../framework/calendar.js';
import { durationMinutes, formatMinutes } from '../../framework/duration.js';
import { limitFor } from '../../framework/limit.js';
import type { LimitDocument } from '../../framework/document.js';
import type { Limit } from '../../framework/limit.js';
import { describeLimit, ticketCalendar } from '../clock.js';
import type { TicketReplay } from '../replay.js';
import { clockWords, defineCheck, noHistory, OPTION_SCHEMAS, round, withoutHistory, worst, type Observation, type RuleOf, type Measurement } from './check.js';

type StalledRule = RuleOf<'stalled', { idle: Limit | undefined; maxAge: Limit | undefined }>;

export const stalled = defineCheck<StalledRule, {
  /** No activity for this long (business clock unless `clock: wall`). */
  idle?: LimitDocument;
  /** Open longer than this since creation (wall clock unless `clock: business`). */
  maxAge?: LimitDocument;
}>({
  id: 'stalled',
  title: 'idle or aged',
  description: 'no activity for longer than the idle limit, or open past the age limit, as of `--as-of`',
  needs: '`idle`: the events (history; a row: its last update, for an open ticket); `maxAge`: the creation date and whether it is open (`clock: business`: the pauses, so history)',
  options: {
    idle: { schema: OPTION_SCHEMAS.limit, description: 'no activity for this long (business clock unless `clock: wall`).' },
    maxAge: { schema: OPTION_SCHEMAS.limit, description: 'open longer than this since creation (wall clock unless `clock: business`).' },
  },
  compile(doc, kit) {
    if (doc.idle === undefined && doc.maxAge === undefined) kit.report([], 'a stalled rule needs `idle`, `maxAge` or both', 'e.g. idle: 3d');
    return { idle: kit.optionalLimit('idle', doc.idle), maxAge: kit.optionalLimit('maxAge', doc.maxAge) };
  },
  limits(replay, rule) {
    if (!withoutHistory(replay)) return undefined;
    // A ticket row's last update is its last activity: for an open ticket, the quiet spell since then is a fact.
    const open = !replay.segments[replay.segments.length - 1]!.closed;
    const unseen = [
      rule.idle ? (open ? 'its quiet spells before its last update' : 'its quiet spells before it was closed') : '',
      rule.maxAge && rule.clock === 'business' ? 'the time it spent paused' : '',
    ].filter(Boolean);
    if (unseen.length === 0) return undefined;
    const judged = (rule.idle !== undefined && open) || (rule.maxAge !== undefined && rule.clock !== 'business');
    return noHistory(replay, unseen.join(' and '), judged);
  },
  run: (replay, rule) => observe(replay, rule, assess(replay, rule)),
  measure: (replay, rule) => measureOf(assess(replay, rule)),
  judge(replay, rule) {
    const assessed = assess(replay, rule);
    return { observations: observe(replay, rule, assessed), measurements: measureOf(assessed) };
  },
  whyNot(replay, rule) {
    const parts: string[] = [];
    if (rule.idle) {
      const spells = quietSpells(replay, rule);
      const longest = spells.reduce<Spell | undefined>((a, s) => (!a || s.minutes > a.minutes ? s : a), undefined);
      parts.push(longest
        ? `longest quiet spell ${formatMinutes(longest.minutes, longest.dayMinutes)} of ${longest.clock}, limit ${longest.limitText}`
        : 'never running (paused or closed all along)');
    }
    if (rule.maxAge) {
      const age = ageOf(replay, rule);
      parts.push(age.closed ? 'closed at the as-of time, so not aged' : `open ${formatMinutes(age.minutes)} since created, limit ${age.limitText}`);
    }
    return parts.join('; ');
  },
});

/** What both the findings and the measurements of a ticket rest on: its quiet spells and its age, as the rule asks. */
interface Assessed { spells: Spell[] | undefined; age: Age | undefined }

const assess = (replay: TicketReplay, rule: StalledRule): Assessed => ({
  spells: rule.idle ? quietSpells(replay, rule) : undefined,
  age: rule.maxAge ? ageOf(replay, rule) : undefined,
});

function observe(replay: TicketReplay, rule: StalledRule, { spells, age }: Assessed): Observation[] {
  const out: Observation[] = [];
  if (spells) {
    const first = spells.find((s) => s.over);
    if (first) out.push(idleFinding(replay, first, spells));
  }
  if (age?.over) out.push(ageFinding(replay, rule, age));
  return out;
}

function measureOf({ spells, age }: Assessed): Measurement[] {
  const out: Measurement[] = [];
  if (spells) out.push(...worst('idle', spells.flatMap((s) => (s.limit === Infinity ? [] : [s.minutes]))));
  // Only an open ticket has an age the limit applies to.
  if (age && !age.closed && age.limit !== Infinity) out.push(...worst('maxAge', [age.minutes]));
  return out;
}

interface Spell {
  index: number;
  minutes: number;
  limit: number;
  limitText: string;
  over: boolean;
  at: number;
  dayMinutes: number;
  clock: string;
}

/** Each running gap between events is one quiet spell, measured on the queue's clock. */
function quietSpells(replay: TicketReplay, rule: StalledRule): Spell[] {
  const out: Spell[] = [];
  // Without history only the spell since the last update is known: the rest is the gap from creation to it.
  const from = withoutHistory(replay) ? replay.segments.length - 1 : 0;
  replay.segments.forEach((seg, index) => {
    if (!seg.active || index < from) return;
    const calendar = ticketCalendar(replay, seg.queue, rule.clock);
    const d = limitFor(rule.idle!, seg.priority);
    const limit = d === undefined ? Infinity : durationMinutes(d, calendar);
    const minutes = calendar.minutesBetween(seg.start, seg.end);
    out.push({
      index, minutes, limit, limitText: describeLimit(rule.idle!, seg.priority), over: minutes > limit,
      at: minutes > limit ? calendar.addMinutes(seg.start, limit) : seg.end, dayMinutes: calendar.dayMinutes, clock: clockWords(calendar),
    });
  });
  return out;
}

function idleFinding(replay: TicketReplay, first: Spell, spells: Spell[]): Observation {
  const seg = replay.segments[first.index]!;
  const over = spells.filter((s) => s.over);
  return {
    at: first.at,
    queue: seg.queue,
    rawQueue: seg.event.queue,
    expectedQueue: undefined,
    message: `no activity for ${formatMinutes(first.minutes, first.dayMinutes)} of ${first.clock} `
      + `(limit ${first.limitText}) after ${new Date(seg.start).toISOString()}`,
    businessMinutes: round(first.minutes),
    // The time past the limit is the delay; an engineer's rate is no price for waiting, so only a stated delay rate prices it.
    delayMinutes: first.minutes - first.limit,
    evidence: {
      lastActivity: new Date(seg.start).toISOString(), idleMinutes: round(first.minutes), limitMinutes: round(first.limit),
      gapsOverLimit: over.length, longestIdleMinutes: round(Math.max(...over.map((s) => s.minutes))),
    },
  };
}

interface Age { closed: boolean; minutes: number; limit: number; limitText: string; over: boolean; created: number; crossedAt: number | undefined }

function ageOf(replay: TicketReplay, rule: StalledRule): Age {
  const last = replay.segments[replay.segments.length - 1]!;
  const created = replay.ticket.created ?? replay.segments[0]!.start;
  // Age is calendar age unless the rule asks for business time.
  const calendar = rule.clock === 'business' ? ticketCalendar(replay, last.queue, 'business') : WALL_CLOCK;
  const d = limitFor(rule.maxAge!, last.priority);
  const limit = d === undefined ? Infinity : durationMinutes(d, calendar);
  const { minutes, crossedAt } = rule.clock === 'business' ? businessAge(replay, created, limit)
    : { minutes: calendar.minutesBetween(created, replay.asOf), crossedAt: limit === Infinity ? undefined : calendar.addMinutes(created, limit) };
  return { closed: last.closed, minutes, limit, limitText: describeLimit(rule.maxAge!, last.priority), over: !last.closed && minutes > limit, created, crossedAt };
}

/**
 * Business age: running time since creation, each stretch on the calendar of the queue it was in,
 * paused and closed time left out (what `clock: business` means for every other limit).
 */
function businessAge(replay: TicketReplay, created: number, limit: number): { minutes: number; crossedAt: number | undefined } {
  const segments = replay.segments;
  // Time before the first event (a history that starts after creation) counts in the first queue.
  const lead = created < segments[0]!.start ? [{ start: created, end: segments[0]!.start, queue: segments[0]!.queue, active: true }] : [];
  let minutes = 0;
  let crossedAt: number | undefined;
  for (const seg of [...lead, ...segments]) {
    if (!seg.active || seg.end <= created) continue;
    const calendar = ticketCalendar(replay, seg.queue, 'business');
    const start = Math.max(seg.start, created);
    const m = calendar.minutesBetween(start, seg.end);
    if (crossedAt === undefined && minutes + m > limit) crossedAt = calendar.addMinutes(start, limit - minutes);
    minutes += m;
  }
  return { minutes, crossedAt };
}

function ageFinding(replay: TicketReplay, rule: StalledRule, age: Age): Observation {
  const last = replay.segments[replay.segments.length - 1]!;
  const calendar = rule.clock === 'business' ? ticketCalendar(replay, last.queue, 'business') : WALL_CLOCK;
  return {
    at: age.crossedAt ?? calendar.addMinutes(age.created, age.limit),
    queue: last.queue,
    rawQueue: last.event.queue,
    expectedQueue: undefined,
    message: `still open ${formatMinutes(age.minutes, calendar.dayMinutes)}${rule.clock === 'business' ? ' of business time (paused time left out)' : ''} `
      + `after it was created (limit ${age.limitText})`,
    businessMinutes: round(age.minutes - age.limit),
    evidence: { created: new Date(age.created).toISOString(), ageMinutes: round(age.minutes), limitMinutes: round(age.limit), status: last.event.status ?? null },
  };
}
