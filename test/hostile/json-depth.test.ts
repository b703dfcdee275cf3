import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../src/text/json-depth.js';

describe('tooDeepAt', () => {
  it.each<[string, string, number, number]>([
    ['flat', '[{"a": 1}]', 2, -1],
    ['exactly at the limit', '[[1]]', 2, -1],
    ['one past the limit: the bracket that opens it', '[[[1]]]', 2, 2],
    ['brackets inside strings do not count', '["[[[[", {"k": "{{{{"}]', 2, -1],
    ['escaped quotes inside strings', '["a\\"[[[", "\\\\"]', 1, -1],
    ['objects count like arrays', '{"a": {"b": {"c": 1}}}', 2, 12],
    ['unterminated string: nothing past it counts', '["abc', 1, -1],
  ])('%s', (_name, text, max, expected) => {
    expect(tooDeepAt(text, max)).toBe(expected);
  });

  it('a million levels: answered at once, no stack overflow', () => {
    const text = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(tooDeepAt(text)).toBe(MAX_JSON_DEPTH);
  });
});
