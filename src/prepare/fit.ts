import { nearestRank, round } from '../model/numbers.js';
import type { AuditOutcome } from '../audit/audit.js';
import { checkOf } from '../audit/checks/index.js';
import { fold } from '../text/fold.js';
import type { MeasuredValues, PathTally } from '../audit/fit-tally.js';
import { WALL_CLOCK } from '../framework/calendar.js';
import { durationMinutes, formatMinutes, type Duration } from '../framework/duration.js';
import type { Limit } from '../framework/limit.js';
import type { CompiledRule, Framework } from '../framework/model.js';
import type { ComplyAt, FitVerdict, FrameworkFit, LimitFit, PathFit, Percentiles, RuleCoverage, RuleFit, Unplaced } from '../model/result.js';

/** A rule "fires on most" of the tickets it judges above this share: the limit or the staffing is off. */
export const FIRES_ON_MOST = 0.5;

/**
 * Status names that suggest a pause or a closure, for statuses the framework lists as neither: in
 * English, and the words of the Spanish, Portuguese, French and German exports PSAs write.
 */
const LOOKS_PAUSED = /wait|pend|hold|paus|suspend|await|defer|schedul|esper|aguard|attente|wart|warte/i;
const LOOKS_CLOSED = /clos|resolv|solved|done|complet|cancel|finish|fixed|reject|abandon|cerrad|resuelt|fechad|resolvid|ferm|résolu|geschlossen|gelöst|erledigt/i;

/** Whether the framework still fits the audited data: per rule figures, what it leaves unplaced, the moves taken. */
export function frameworkFit(outcome: AuditOutcome, framework: Framework): FrameworkFit {
  return {
    rules: framework.rules.map((rule, i) => ruleFit(rule, outcome.rules[i]!, outcome.fit.measured[i]!, framework)),
    unplaced: unplaced(outcome, framework),
    paths: outcome.fit.paths.map((p) => pathFit(p, framework)).sort((a, b) => b.tickets - a.tickets || byText(a.from, b.from) || byText(a.to, b.to)),
  };
}

export { nearestRank };


function ruleFit(rule: CompiledRule, coverage: RuleCoverage, measured: Map<string, MeasuredValues>, framework: Framework): RuleFit {
  const limits = limitsOf(rule).map(({ key, limit }) => limitFit(key, limit, measured.get(key)));
  const main = limits[0];
  // A limit's share is of the tickets it applied to (those measured), not of every ticket the rule looked at.
  const base = main && main.tickets > 0 ? Math.max(main.tickets, coverage.fired) : coverage.judged;
  const verdict: FitVerdict = coverage.judged === 0 ? 'not-judged' : coverage.fired === 0 ? 'never-fired'
    : coverage.fired / base > FIRES_ON_MOST ? 'fires-on-most' : 'fires-on-some';
  return {
    id: rule.id, check: rule.check, judged: coverage.judged, fired: coverage.fired, notJudged: coverage.notJudged,
    limit: main?.limit ?? null, measured: main?.measured ?? null, complyAt: main?.complyAt ?? null, limits,
    notJudgedReasons: coverage.notJudgedReasons.map((r) => ({ ...r })),
    verdict, advice: advice(verdict, coverage, main, base, mainMinutes(rule, framework)),
  };
}

type RuleLimit = Limit | number;

/**
 * The main limit in minutes, for the advice only, when one number stands for it: a fixed limit, its
 * days at the default calendar's day length (24 hours on the wall clock). Undefined per priority.
 */
function mainMinutes(rule: CompiledRule, framework: Framework): number | undefined {
  const main = limitsOf(rule)[0];
  if (main === undefined) return undefined;
  if (typeof main.limit === 'number') return main.limit;
  const d = main.limit.fallback;
  if (!d || main.limit.byPriority.size > 0) return undefined;
  return durationMinutes(d, rule.clock === 'wall' ? WALL_CLOCK : framework.defaultCalendar);
}

/** The rule's limits in the order of its keys: durations (possibly per priority) and counts. */
function limitsOf(rule: CompiledRule): { key: string; limit: RuleLimit }[] {
  const out: { key: string; limit: RuleLimit }[] = [];
  for (const [key, value] of Object.entries(rule)) {
    if (isLimit(value)) out.push({ key, limit: value });
    else if (typeof value === 'number' && key !== 'id') out.push({ key, limit: value });
  }
  return out;
}

const isLimit = (v: unknown): v is Limit => typeof v === 'object' && v !== null && 'byPriority' in v && 'fallback' in v;

/** The limit at which at least share q of the tickets comply: values at or below it, or at or above it for a minimum. */
export function complianceLimit(sorted: readonly number[], q: number, atLeast: boolean): number {
  return atLeast ? sorted[sorted.length - Math.max(1, Math.ceil(q * sorted.length))]! : nearestRank(sorted, q);
}

function limitFit(key: string, limit: RuleLimit, values: MeasuredValues | undefined): LimitFit {
  const sorted = [...(values?.values ?? [])].sort((a, b) => a - b);
  const atLeast = values?.atLeast ?? key === 'minEffort';
  const measured: Percentiles | null = sorted.length === 0 ? null : {
    p50: round(nearestRank(sorted, 0.5)), p90: round(nearestRank(sorted, 0.9)), p95: round(nearestRank(sorted, 0.95)), max: round(sorted.at(-1)!),
  };
  const perPriority = typeof limit !== 'number' && limit.byPriority.size > 0;
  const complyAt: ComplyAt | null = sorted.length === 0 || perPriority ? null
    : { p80: round(complianceLimit(sorted, 0.8, atLeast)), p90: round(complianceLimit(sorted, 0.9, atLeast)), p95: round(complianceLimit(sorted, 0.95, atLeast)) };
  return { key, limit: writtenLimit(limit), unit: typeof limit === 'number' ? 'count' : 'minutes', atLeast, tickets: sorted.length, measured, complyAt };
}

function writtenLimit(limit: RuleLimit): LimitFit['limit'] {
  if (typeof limit === 'number') return limit;
  if (limit.byPriority.size === 0) return limit.fallback?.text ?? '';
  const out: Record<string, string> = {};
  for (const [id, d] of limit.byPriority) out[id] = d.text;
  if (limit.fallback) out['default'] = (limit.fallback as Duration).text;
  return out;
}

/**
 * A figure of a limit's unit, in words: minutes in hours and minutes, never days (a business day is
 * its calendar's length, a wall day 24 hours: "3d" would mean either).
 */
export function amount(value: number, unit: LimitFit['unit']): string {
  return unit === 'count' ? String(value) : formatMinutes(value, Infinity);
}

/** A limit as written, per priority as "p1 15m, default 1h"; a minimum marked with `atLeast` ("≥ 15m"); "-" for none. */
export function limitWords(l: LimitFit | undefined, atLeast = ''): string {
  if (l === undefined) return '-';
  if (typeof l.limit === 'object') return Object.entries(l.limit).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${l.atLeast ? atLeast : ''}${l.limit}`;
}

const pct = (n: number, d: number) => `${Math.round((n / d) * 100)}%`;

function advice(verdict: FitVerdict, c: RuleCoverage, main: LimitFit | undefined, base: number, limitMinutes: number | undefined): string {
  const of = base === c.judged ? `the ${c.judged} tickets it judged` : `the ${base} tickets its ${main!.key} applied to`;
  const figures = main?.measured && main.tickets > 0
    ? ` Measured ${main.key} on ${main.tickets} tickets: median ${amount(main.measured.p50, main.unit)}, p90 ${amount(main.measured.p90, main.unit)}, `
      + `max ${amount(main.measured.max, main.unit)}, against a limit of ${limitWords(main)}`
      + (!main.complyAt ? '.' : main.atLeast
        ? `; 80% of them would meet a minimum of ${amount(main.complyAt.p80, main.unit)}, 95% one of ${amount(main.complyAt.p95, main.unit)}.`
        : `; 80% of them would comply at ${amount(main.complyAt.p80, main.unit)}, 95% at ${amount(main.complyAt.p95, main.unit)}.`)
    : '';
  switch (verdict) {
    case 'not-judged':
      if (c.notJudgedReasons.length === 0) return 'Judged no ticket: no audited ticket came where it applies.';
      return `Judged no ticket, the data does not show what it needs: ${c.notJudgedReasons.map((r) => `${r.reason} (${r.tickets} tickets)`).join('; ')}.`;
    case 'never-fired':
      if (main && main.tickets === 0) {
        return `Never fired, and what its ${main.key} limits never happened on the ${c.judged} tickets it judged: no ticket came where it applies `
          + '(its queues, statuses or conditions match nothing in the data), so the framework may describe queues or steps this desk does not use.';
      }
      return `Never fired on ${of}: either the work follows it, or it no longer matches how tickets move `
        + `(its queues, conditions or limit); the figures cannot tell which.${figures}`;
    case 'fires-on-most':
      return `Fired on ${pct(c.fired, base)} of ${of}: a rule most tickets break describes something other than `
        + `the desk's practice.${figures} ${suggestion(main, limitMinutes)}`;
    case 'fires-on-some':
      return `Fired on ${c.fired} of ${of} (${pct(c.fired, base)}).${figures}`;
  }
}

/**
 * What the distribution suggests, said as a suggestion. A rule that fires on most tickets has its
 * median past its limit (under it, for a minimum), so how far past is what tells: near it, the
 * limit is a little tight; far past it, the rule measures another step than the desk takes there,
 * or a lasting backlog.
 */
function suggestion(main: LimitFit | undefined, limit: number | undefined): string {
  const m = main?.measured;
  if (!main || !m || limit === undefined || limit <= 0) {
    return main?.atLeast ? 'Either the minimum asks for more than the lower tier gives, or work moves up too soon; the figures cannot tell which.'
      : 'Either the limit is tighter than the work takes, or the queue lacks the staff to meet it; the figures cannot tell which.';
  }
  const at = (v: number) => amount(v, main.unit);
  const p80 = main.complyAt ? at(main.complyAt.p80) : undefined;
  if (main.atLeast) {
    return m.p50 < limit / 4
      ? `The median (${at(m.p50)}) is a small part of the minimum: the figures suggest the lower tier passes work on rather than works it, so the minimum describes another practice than this desk's; they cannot prove it.`
      : `The median (${at(m.p50)}) is near the minimum: the figures suggest a minimum a little higher than the lower tier's practice${p80 ? ` (80% of the tickets meet ${p80})` : ''}; they cannot prove it.`;
  }
  return m.p50 <= 2 * limit
    ? `The median (${at(m.p50)}) is within twice the limit: the figures suggest a limit a little tighter than the work takes${p80 ? ` (80% of the tickets comply at ${p80})` : ''}, more than a staffing gap; they cannot prove it.`
    : `The median (${at(m.p50)}) is more than twice the limit: the figures suggest the rule times another step than the desk takes there, or a lasting backlog (too few hands), more than a few slow tickets; they cannot tell which.`;
}

function unplaced(outcome: AuditOutcome, framework: Framework): Unplaced {
  const fit = outcome.fit;
  const named = (field: string, value: string) => framework.namedValues.get(field)?.has(fold(value)) === true;
  const byTickets = <T extends { tickets: number }>(key: (t: T) => string) => (a: T, b: T) => b.tickets - a.tickets || byText(key(a), key(b));
  return {
    queues: fit.unknownQueues.map((q) => ({ name: q.name, tickets: q.tickets })).sort(byTickets((q) => q.name)),
    statuses: fit.statuses.filter((s) => !framework.isPaused(s.name) && !framework.isClosed(s.name) && !named('status', s.name))
      .map((s) => ({ name: s.name, tickets: s.tickets, looksLike: looksLike(s.name) }))
      .sort(byTickets((s) => s.name)),
    // Without routing nothing places a value: listing every value would say only that.
    values: framework.routing.length === 0 ? [] : [...fit.unrouted].sort(byTickets((v) => `${v.field}\u0000${v.value}`)),
  };
}

function looksLike(status: string): 'pause' | 'closure' | null {
  return LOOKS_CLOSED.test(status) ? 'closure' : LOOKS_PAUSED.test(status) ? 'pause' : null;
}

/** Rules whose `from` and `to` name the move; routing when it took every ticket to its home. */
function pathFit(p: PathTally, framework: Framework): PathFit {
  const by = framework.rules.filter((r) => {
    const moves = checkOf(r).moves?.(r);
    return moves !== undefined && [...moves.from].some((q) => q.id === p.from) && [...moves.to].some((q) => q.id === p.to);
  }).map((r) => r.id);
  if (p.toHome === p.tickets) by.push('routing');
  return { from: p.from, to: p.to, tickets: p.tickets, described: by.length > 0, by };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
