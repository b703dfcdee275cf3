/**
 * The instants an export or a flag may name. Ticket data before 1990 or from the 22nd century is a
 * typo or a misread epoch, and a far-future instant would make every open ticket's business clock
 * run for centuries (the audit walks calendars day by day), so such values are refused, never guessed.
 */
export const PLAUSIBLE_FROM = Date.UTC(1990, 0, 1);
export const PLAUSIBLE_UNTIL = Date.UTC(2100, 0, 1);

export function isPlausibleInstant(ms: number): boolean {
  return ms >= PLAUSIBLE_FROM && ms < PLAUSIBLE_UNTIL;
}

/** For messages: "between 1990-01-01 and 2099-12-31 (UTC)". */
export function plausibleRangeText(): string {
  return `between ${isoDay(PLAUSIBLE_FROM)} and ${isoDay(PLAUSIBLE_UNTIL - 1)} (UTC)`;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
