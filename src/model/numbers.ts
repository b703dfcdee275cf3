/** Rounded to cents (two decimals): money, minutes and figures in reports. */
export const round = (n: number): number => Math.round(n * 100) / 100;

/** Nearest rank: the smallest value with at least share q of the values at or below it (exact on known data). */
export function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}
