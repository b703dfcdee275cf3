import { describe, expect, it } from 'vitest';
import { zoneClock } from '../../src/time/zone.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('ZoneClock.toUtc', () => {
  const ny = zoneClock('America/New_York');
  it.each([
    ['winter', [2026, 1, 15, 12, 0], '2026-01-15T17:00:00.000Z'],
    ['summer', [2026, 7, 1, 12, 0], '2026-07-01T16:00:00.000Z'],
    ['spring-forward gap moves forward', [2026, 3, 8, 2, 30], '2026-03-08T07:30:00.000Z'],
    ['fall-back overlap takes the earlier instant', [2026, 11, 1, 1, 30], '2026-11-01T05:30:00.000Z'],
    ['just after fall-back overlap', [2026, 11, 1, 2, 0], '2026-11-01T07:00:00.000Z'],
  ] as const)('%s', (_name, parts, want) => {
    const [y, m, d, h, mi] = parts;
    expect(iso(ny.toUtc(y, m, d, h, mi))).toBe(want);
  });

  it('round-trips through toLocal', () => {
    const utc = ny.toUtc(2026, 11, 1, 3, 15);
    expect(ny.toLocal(utc)).toMatchObject({ year: 2026, month: 11, day: 1, hour: 3, minute: 15, weekday: 0 });
  });

  it('handles zones east of UTC (Europe/Brussels fall-back)', () => {
    const be = zoneClock('Europe/Brussels');
    expect(iso(be.toUtc(2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(be.toUtc(2026, 3, 29, 2, 30))).toBe('2026-03-29T01:30:00.000Z');
  });
});
