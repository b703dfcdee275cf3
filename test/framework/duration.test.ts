import { describe, expect, it } from 'vitest';
import { durationMinutes, formatMinutes, parseDuration } from '../../src/framework/duration.js';

describe('parseDuration', () => {
  it.each<[string, { days: number; minutes: number }]>([
    ['30m', { days: 0, minutes: 30 }],
    ['4h', { days: 0, minutes: 240 }],
    ['1h30m', { days: 0, minutes: 90 }],
    ['1h 30m', { days: 0, minutes: 90 }],
    ['3d', { days: 3, minutes: 0 }],
    ['2d4h', { days: 2, minutes: 240 }],
    ['90m', { days: 0, minutes: 90 }],
    ['0m', { days: 0, minutes: 0 }],
    ['1.5h', { days: 0, minutes: 90 }],
    [' 2d 1h 5m ', { days: 2, minutes: 65 }],
  ])('%j is valid', (text, want) => {
    expect(parseDuration(text)).toEqual({ text: text.trim(), ...want });
  });

  it.each([
    '', '   ', '30', '-1h', '1.5.h', '1x', '1w', '.5h', '1.h', 'h', '1 h', '30m1h', '1h1h', '4H', '1M', '1h,30m', 'abc',
  ])('%j is malformed', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('durationMinutes', () => {
  it.each<[string, number, number]>([
    ['2d4h', 600, 2 * 600 + 240],
    ['2d4h', 1440, 2 * 1440 + 240],
    ['1.5d', 480, 720],
    ['45m', 600, 45],
  ])('%s on a %d-minute day -> %d', (text, dayMinutes, want) => {
    expect(durationMinutes(parseDuration(text)!, { dayMinutes })).toBe(want);
  });
});

describe('formatMinutes', () => {
  it.each<[number, number | undefined, string]>([
    [0, undefined, '0m'],
    [0.4, undefined, '0m'],
    [45, undefined, '45m'],
    [44.6, undefined, '45m'],
    [60, undefined, '1h'],
    [252, undefined, '4h12m'],
    [1439, undefined, '23h59m'],
    [1440, undefined, '1d'],
    [3 * 1440 + 120, undefined, '3d2h'],
    [3 * 1440 + 125, undefined, '3d2h5m'],
    [1500, 600, '2d5h'],
    [599.6, 600, '1d'],
    [-90, undefined, '-1h30m'],
  ])('%d (day %s) -> %s', (minutes, dayMinutes, want) => {
    expect(formatMinutes(minutes, dayMinutes)).toBe(want);
  });
});
