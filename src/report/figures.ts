import type { AuditSummary } from '../model/result.js';

const count = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1312 as `1,312`. */
export const formatCount = (n: number): string => count.format(n);

/** An amount with two decimals and the currency code after it when there is one: `1,900.50 EUR`. */
export function formatMoney(amount: number, currency: string | null): string {
  const text = money.format(amount);
  return currency === null ? text : `${text} ${currency}`;
}

/** A share (0..1) as `89.6%`. */
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** `8 (3 error, 3 warn, 2 info)`. */
export function formatFindingCount(summary: AuditSummary): string {
  const { error, warn, info } = summary.bySeverity;
  return `${formatCount(summary.findings)} (${formatCount(error)} error, ${formatCount(warn)} warn, ${formatCount(info)} info)`;
}

const NONE = '-';

/** A share that may be missing (no tickets, no limit): `-` when null. */
export const formatRate = (share: number | null): string => (share === null ? NONE : formatPercent(share));

/** A per-ticket average such as reassignments: two decimals, `-` when null. */
export const formatAverage = (value: number | null): string => (value === null ? NONE : value.toFixed(2));

/** A fitness change in percentage points: `+2.1 pp`, `-0.4 pp`, `±0.0 pp`. */
export function formatDelta(delta: number): string {
  const points = (delta * 100).toFixed(1);
  if (points === '0.0' || points === '-0.0') return '±0.0 pp';
  return delta > 0 ? `+${points} pp` : `${points} pp`;
}
