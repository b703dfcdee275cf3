/** A parsed duration: whole days are kept apart because a business "day" is calendar.dayMinutes long. */
export interface Duration {
  /** The text as written (trimmed), for messages. */
  text: string;
  days: number;
  /** Hours and minutes parts, in minutes. */
  minutes: number;
}

const PART = /(\d+(?:\.\d+)?)([dhm])\s*/y;
const UNIT_ORDER = 'dhm';

/**
 * '30m', '4h', '1h30m', '3d', '2d4h', '0m', '1h 30m', '1.5h'. Units are required, lower-case (so 'M'
 * cannot be mistaken for months), each at most once and in d-h-m order. Undefined when malformed.
 */
export function parseDuration(text: string): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let days = 0;
  let minutes = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const m = PART.exec(trimmed);
    if (!m) return undefined;
    const unit = UNIT_ORDER.indexOf(m[2]!);
    if (unit <= lastUnit) return undefined;
    lastUnit = unit;
    const value = Number(m[1]);
    if (!Number.isFinite(value)) return undefined;
    if (unit === 0) days += value;
    else minutes += unit === 1 ? value * 60 : value;
  }
  return { text: trimmed, days, minutes };
}

/** Minutes of a duration on a calendar: days * calendar.dayMinutes + minutes. */
export function durationMinutes(d: Duration, calendar: { dayMinutes: number }): number {
  return d.days * calendar.dayMinutes + d.minutes;
}

/** Human form of minutes for messages: 0m, 45m, 4h12m, 3d2h (d = 1440 wall minutes unless dayMinutes given), rounding to whole minutes. */
export function formatMinutes(minutes: number, dayMinutes = 1440): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  const total = Math.round(Math.abs(minutes));
  if (total === 0) return '0m';
  const days = dayMinutes > 0 && Number.isFinite(dayMinutes) ? Math.floor(total / dayMinutes) : 0;
  const rest = days > 0 ? total - days * dayMinutes : total;
  const hours = Math.floor(rest / 60);
  const mins = Math.round(rest - hours * 60);
  const text = (days ? `${days}d` : '') + (hours ? `${hours}h` : '') + (mins ? `${mins}m` : '');
  return minutes < 0 ? `-${text}` : text;
}
