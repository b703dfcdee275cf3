import { CATEGORIES, type Category } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { formatCount, formatMoney, formatPercent } from './figures.js';
import { localTime } from './heading.js';

/** What a kind of finding is, in a sentence. */
const KIND_WORDS: Partial<Record<Category, string>> = {
  misrouted: 'misrouted tickets',
  stalled: 'stalled tickets',
  'over-escalated': 'over-escalated tickets',
  'under-escalated': 'under-escalated tickets (left at a tier past its limit)',
  'missed-de-escalation': 'missed de-escalations',
  'ping-pong': 'tickets bounced between queues (ping-pong)',
  'pause-abuse': 'pauses that stopped the clock too long (pause abuse)',
  'work-after-closure': 'work on closed tickets',
  reopened: 'tickets reopened too often',
};

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
const day = (iso: string, zone: string) => localTime(iso, zone).slice(0, 10);

/** The kind that costs most (by count when nothing is priced), and the queue with most findings of it. */
function biggest(report: Report): { kind: Category; count: number; cost: number | null; queue: string | null; inQueue: number } | undefined {
  const s = report.summary;
  const costs = s.costByCategory;
  const priced = costs !== null && CATEGORIES.some((c) => costs[c] > 0);
  const ranked = CATEGORIES.filter((c) => s.byCategory[c] > 0)
    .sort((a, b) => (priced ? costs![b] - costs![a] : 0) || s.byCategory[b] - s.byCategory[a] || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b));
  const kind = ranked[0];
  if (kind === undefined) return undefined;
  const top = [...s.queues].sort((a, b) => b.byCategory[kind] - a.byCategory[kind] || (a.queue < b.queue ? -1 : 1))[0];
  const inQueue = top?.byCategory[kind] ?? 0;
  return { kind, count: s.byCategory[kind], cost: priced && costs![kind] > 0 ? costs![kind] : null, queue: inQueue > 0 ? top!.queue : null, inQueue };
}

function trendSentence(report: Report): string {
  const t = report.summary.trend;
  const zone = report.framework.timezone;
  if (!t) return 'There is no earlier audit to compare with yet (see --baseline).';
  const points = Math.abs(t.delta * 100).toFixed(1);
  const change = points === '0.0' ? 'is unchanged' : `${t.delta > 0 ? 'rose' : 'fell'} by ${points} percentage points`;
  const first = t.points[0];
  const series = first && t.points.length > 2
    ? `; over the ${t.points.length} audits since ${day(first.asOf, zone)} it went from ${formatPercent(first.fitnessScore)} to ${formatPercent(t.fitnessScore)}`
    : '';
  return `Since the previous audit of ${day(t.previousAsOf, zone)} (${formatPercent(t.previousFitnessScore)}) it ${change}, with ${plural(t.newFindings, 'new finding')} and ${plural(t.resolvedFindings, 'finding')} resolved${series}.`;
}

/**
 * Three to five sentences from the figures, for the top of a report: how much was audited and found,
 * the biggest problem (its queue and cost), the fitness score and its trend, the total cost. Plain
 * text: each format escapes it (queue names come from the data).
 */
export function summaryInWords(report: Report): string[] {
  const s = report.summary;
  const zone = report.framework.timezone;
  const period = report.period ? ` from ${day(report.period.from, zone)} to ${day(report.period.to, zone)}` : '';
  const { error, warn, info } = s.bySeverity;
  const sentences = [s.findings === 0
    ? `The audit covers ${plural(s.tickets, 'ticket')}${period} and found nothing to report.`
    : `The audit covers ${plural(s.tickets, 'ticket')}${period} and found ${plural(s.findings, 'finding')}: ${formatCount(error)} error, ${formatCount(warn)} warn and ${formatCount(info)} info.`];
  const top = biggest(report);
  if (top) {
    const where = top.queue === null ? '' : `, ${top.inQueue === top.count ? 'all' : `${formatCount(top.inQueue)}`} of them in ${top.queue}`;
    const cost = top.cost === null ? '' : `, at an estimated ${formatMoney(top.cost, s.currency)}`;
    sentences.push(`The biggest problem is ${KIND_WORDS[top.kind] ?? top.kind}: ${plural(top.count, 'finding')}${where}${cost}.`);
  }
  sentences.push(`The fitness score is ${formatPercent(s.fitnessScore)}: the share of tickets with no finding at or above warn.`);
  sentences.push(trendSentence(report));
  if (s.estimatedCost !== null && s.findings > 0) {
    const part = s.pricedFindings < s.findings ? ` (${formatCount(s.pricedFindings)} of the ${formatCount(s.findings)} findings are priced)` : '';
    sentences.push(`In all, the findings are estimated to cost ${formatMoney(s.estimatedCost, s.currency)}${part}.`);
  }
  return sentences;
}
