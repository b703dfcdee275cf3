import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayWidth, fitToWidth, formatInstant, formatMinutes, formatWallMinutes, sanitizeForTerminal, truncateToWidth, wrapAllToWidth, wrapToWidth,
} from '../../src/report/text.js';

const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// Random text rarely forms an escape sequence; these pieces do, in every combination.
const PIECES = ['\u001b', '[', ']', 'P', '\\', '\u0007', '\u009b', '\u009c', '\u009d', '0', ';', 'm', 'a', '\r', '\n', '\u202e'];
const terminalNoise = fc.oneof(fc.string({ unit: fc.constantFrom(...PIECES) }), fc.string({ unit: 'binary' }));

describe('sanitizeForTerminal', () => {
  it.each([
    ['CSI colour', 'a\u001b[31mred\u001b[0m', 'ared'],
    ['CSI cursor movement and erase', 'x\u001b[2J\u001b[1;1H\u001b[?25ly', 'xy'],
    ['C1 CSI', 'a\u009b2Jb', 'ab'],
    ['OSC window title ended by BEL', 'a\u001b]0;title\u0007b', 'ab'],
    ['OSC hyperlink ended by ST (ESC \\)', 'a\u001b]8;;https://x.test\u001b\\link\u001b]8;;\u001b\\b', 'alinkb'],
    ['OSC ended by C1 ST', 'a\u001b]2;t\u009cb', 'ab'],
    ['C1 OSC', 'a\u009d0;title\u0007b', 'ab'],
    ['DCS', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['unterminated OSC runs to the end', 'a\u001b]0;hidden rest', 'a'],
    ['two-byte escape (reset terminal)', 'a\u001bcb', 'ab'],
    ['charset designation', 'a\u001b(Bb', 'ab'],
    ['C0 controls', 'a\u0000\u0007\u0008b', 'ab'],
    ['C1 controls', 'a\u0080\u0086\u009ab', 'ab'],
    ['DEL', 'a\u007fb', 'ab'],
    ['LF', 'a\nb', 'a b'],
    ['CRLF is one space', 'a\r\nb', 'a b'],
    ['CR alone (would overwrite the line)', 'a\rb', 'a b'],
    ['tab', 'a\tb', 'a b'],
    ['Unicode line separator', 'a\u2028b', 'a b'],
    ['bidi override', 'T-10\u202e24\u202c', 'T-1024'],
    ['plain text is untouched', 'Printer offline – café 東京 🖨️', 'Printer offline – café 東京 🖨️'],
  ])('%s', (_name, input, want) => {
    expect(sanitizeForTerminal(input)).toBe(want);
  });

  it('never leaves a control character or bidi override, whatever the input', () => {
    fc.assert(fc.property(terminalNoise, (s) => !CONTROL_OR_BIDI.test(sanitizeForTerminal(s))));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(terminalNoise, (s) => {
      const once = sanitizeForTerminal(s);
      return sanitizeForTerminal(once) === once;
    }));
  });
});

describe('displayWidth', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['ellipsis and box drawing', '…─', 2],
    ['combining accent', 'e\u0301', 1],
    ['CJK', '東京', 4],
    ['emoji', '🖨️', 2],
    ['ZWJ family is one glyph', '👨‍👩‍👧', 2],
    ['empty', '', 0],
  ])('%s', (_name, text, want) => {
    expect(displayWidth(text)).toBe(want);
  });
});

describe('truncateToWidth', () => {
  it.each([
    ['fits', 'abcdef', 6, 'abcdef'],
    ['cut with ellipsis', 'abcdefgh', 5, 'abcd…'],
    ['trailing space dropped before the ellipsis', 'abc defgh', 5, 'abc…'],
    ['wide characters never split', '東京都庁', 6, '東京…'],
    ['width 1 is only the ellipsis', 'abc', 1, '…'],
    ['width 0 is empty', 'abc', 0, ''],
  ])('%s', (_name, text, width, want) => {
    expect(truncateToWidth(text, width)).toBe(want);
  });

  it('never exceeds the width', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 40 }), (s, w) =>
      displayWidth(truncateToWidth(s, w)) <= w));
  });
});

describe('wrapToWidth', () => {
  it('breaks at spaces and keeps every word', () => {
    expect(wrapToWidth('history not available for 12 tickets', 16)).toEqual(['history not', 'available for 12', 'tickets']);
  });

  it('cuts a word longer than the width', () => {
    expect(wrapToWidth('a supercalifragilistic word', 8)).toEqual(['a', 'superca…', 'word']);
  });
});

describe('wrapAllToWidth: nothing lost (files, pipes, mail)', () => {
  it('breaks at spaces, and inside a word longer than a line', () => {
    expect(wrapAllToWidth('a supercalifragilistic word', 8)).toEqual(['a', 'supercal', 'ifragili', 'stic', 'word']);
    expect(wrapAllToWidth('history not available for 12 tickets', 16)).toEqual(['history not', 'available for 12', 'tickets']);
  });

  it('counts wide characters as two columns and never splits one', () => {
    expect(wrapAllToWidth('日本語のチケット', 5)).toEqual(['日本', '語の', 'チケ', 'ット']);
  });

  it('an empty text is one empty line', () => {
    expect(wrapAllToWidth('', 10)).toEqual(['']);
  });

  it('property: every line fits, and the words come back in order, whole', () => {
    const words = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '界', 'é', '-'), minLength: 1, maxLength: 30 }), { maxLength: 20 });
    fc.assert(fc.property(words, fc.integer({ min: 2, max: 40 }), (ws, width) => {
      const lines = wrapAllToWidth(ws.join(' '), width);
      expect(lines.every((l) => displayWidth(l) <= width)).toBe(true);
      expect(lines.join('').replace(/ /g, '')).toBe(ws.join(''));
    }));
  });

  it('fitToWidth: cut with an ellipsis on a terminal, wrapped otherwise', () => {
    expect(fitToWidth('a long message here', 10, false)).toEqual(['a long me…']);
    expect(fitToWidth('a long message here', 10, true)).toEqual(['a long', 'message', 'here']);
  });
});

describe('formatMinutes (business time: hours, never days)', () => {
  it.each([
    [0, '0m'], [45, '45m'], [59.6, '1h'], [60, '1h'], [252, '4h12m'], [1439, '23h59m'],
    [1440, '24h'], [1800, '30h'], [4470, '74h30m'], [60_000, '1,000h'], [-90, '-1h30m'],
  ])('%d -> %s', (minutes, want) => {
    expect(formatMinutes(minutes)).toBe(want);
  });
});

describe('formatWallMinutes (a day is 24 hours)', () => {
  it.each([
    [0, '0m'], [252, '4h12m'], [1439, '23h59m'], [1440, '1d'], [4440, '3d2h'], [4470, '3d2h'], [-90, '-1h30m'],
  ])('%d -> %s', (minutes, want) => {
    expect(formatWallMinutes(minutes)).toBe(want);
  });
});

describe('formatInstant', () => {
  it.each([
    ['drops seconds, keeps UTC', '2026-10-06T14:05:59.999Z', '2026-10-06 14:05Z'],
    ['converts offsets to UTC', '2026-10-06T16:05:00+02:00', '2026-10-06 14:05Z'],
    ['unparsable is shown sanitized', 'soon\u001b[2J', 'soon'],
  ])('%s', (_name, iso, want) => {
    expect(formatInstant(iso)).toBe(want);
  });
});
