import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../src/framework/load.js';
import { compilePattern, parseSlashPattern, type Pattern } from '../../src/framework/safe-pattern.js';

describe('checkPattern accepts usable patterns', () => {
  it.each([
    '/^noc\\b/i', '/^support\\b/i', '^(Project|Onsite)$', '/a+b+/', '/(ab)+/', '/(a|b)*/', '/(a{1,3})+/',
    '/[(+*]+/', '/\\(a+\\)+/', '/(?:x)?y*/', '/(?<tier>\\d)+/u', '/\\p{L}+/u', '/a{2,}/', '/^$/m', '/\\u00e9t\\u00e9/i',
    // Shapes a backtracking engine could take exponential time on: RE2 takes linear time on every one.
    '/(a+)+/', '/(.*)*/', '/^(\\w+\\s?)*$/', '(x+x+)+y', '/(?:a*b*)+c/', '/((ab)*)+/', '/(a+){2,}/', '/^(\\w|\\d)+$/', '/(a|a)*$/',
  ])('%s', (pattern) => {
    expect(checkPattern(pattern)).toBeUndefined();
  });
});

describe('checkPattern refuses broken and unsupported patterns', () => {
  it.each<[string, string[]]>([
    ['/(a/', ['invalid regular expression /(a/', 'missing closing )']],
    ['/a**/', ['invalid regular expression', 'invalid nested repetition']],
    ['/[z-a]/', ['invalid regular expression', 'invalid character class range']],
    ['/a(?=b)/', ['invalid regular expression', 'no lookahead, lookbehind or backreferences']],
    ['/(?<!a)b/', ['invalid regular expression', 'no lookahead']],
    ['/(a)\\1/', ['invalid regular expression', 'backreferences']],
    ['/a{1001}/', ['invalid regular expression', 'invalid repeat count']],
    ['/x/g', ['flag "g" is not supported']],
    ['/x/y', ['flag "y" is not supported']],
    ['/x/v', ['flag "v" is not supported']],
    ['/x/q', ['unknown flag "q"']],
    ['/x/ii', ['invalid regular expression', 'flag "i" is given twice']],
    ['//', ['empty regular expression']],
    ['', ['empty regular expression']],
  ])('%s', (pattern, words) => {
    const problem = checkPattern(pattern);
    expect(problem).toBeDefined();
    for (const word of words) expect(problem).toContain(word);
  });

  it('applies the flags given for a bare body', () => {
    const pattern = compilePattern('^support$', 'i') as Pattern;
    expect(pattern.test('SUPPORT')).toBe(true);
    expect((compilePattern('^support$') as Pattern).test('SUPPORT')).toBe(false);
  });
});

describe('matching takes linear time, whatever the pattern (item 8)', () => {
  it.each([
    ['/^(\\w|\\d)+$/', `${'a'.repeat(41)}!`],
    ['/^(a+)+$/', `${'a'.repeat(100_000)}!`],
    ['/^(\\w+\\s?)*$/', `${'word '.repeat(20_000)}!`],
    ['(x+x+)+y', 'x'.repeat(100_000)],
    ['/^(a|a)*$/', `${'a'.repeat(100_000)}!`],
  ])('%s against %#', (source, text) => {
    const pattern = compilePattern(source) as Pattern;
    const started = performance.now();
    expect(pattern.test(text)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('flags i, m, s and u mean what they mean in JavaScript', () => {
    const t = (source: string, text: string) => (compilePattern(source) as Pattern).test(text);
    expect(t('/^help desk$/i', 'Help Desk')).toBe(true);
    expect(t('/^b$/m', 'a\nb')).toBe(true);
    expect(t('/^b$/', 'a\nb')).toBe(false);
    expect(t('/a.b/s', 'a\nb')).toBe(true);
    expect(t('/a.b/', 'a\nb')).toBe(false);
    expect(t('/^\\p{Lu}/u', 'Émile')).toBe(true);
  });
});

describe('parseSlashPattern', () => {
  it.each<[string, { source: string; flags: string } | undefined]>([
    ['/^noc\\b/i', { source: '^noc\\b', flags: 'i' }],
    ['/a/b/', { source: 'a/b', flags: '' }],
    ['Help Desk', undefined],
    ['/unclosed', undefined],
  ])('%s', (text, expected) => {
    expect(parseSlashPattern(text)).toEqual(expected);
  });
});
