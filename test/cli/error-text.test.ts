import { describe, expect, it } from 'vitest';
import { MAX_ERROR_LINE_COLUMNS, terminalSafeLines } from '../../src/cli/error-text.js';

describe('terminalSafeLines: error messages that quote the data are safe to print', () => {
  it.each([
    ['keeps an ordinary message and its hint line', 'a.csv:3  found "x"\n  hint: fix it', 'a.csv:3  found "x"\n  hint: fix it'],
    ['drops a window-title OSC and a clear-screen CSI', 'found "\u001b]0;owned\u0007\u001b[2Jsoon"', 'found "soon"'],
    ['drops C1 controls and bidi overrides', 'found "a\u009b31mb\u202ec"', 'found "abc"'],
    ['turns a carriage return inside a line into a space', 'found "a\rb"', 'found "a b"'],
  ])('%s', (_name, input, expected) => {
    expect(terminalSafeLines(input)).toBe(expected);
  });

  it('cuts a huge quoted cell to a readable line, ending with an ellipsis', () => {
    const out = terminalSafeLines(`found "${'z'.repeat(5_000_000)}"\n  hint: fix it`);
    const [first, hint] = out.split('\n');
    expect(first!.length).toBe(MAX_ERROR_LINE_COLUMNS);
    expect(first!.endsWith('…')).toBe(true);
    expect(hint).toBe('  hint: fix it');
  });
});
