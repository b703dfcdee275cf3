import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../src/framework/load.js';
import { findNestedRepetition, parseSlashPattern } from '../../src/framework/safe-pattern.js';

describe('checkPattern accepts usable patterns', () => {
  it.each([
    '/^noc\\b/i', '/^support\\b/i', '^(Project|Onsite)$', '/a+b+/', '/(ab)+/', '/(a|b)*/', '/(a{1,3})+/',
    '/[(+*]+/', '/\\(a+\\)+/', '/(?:x)?y*/', '/(?<tier>\\d)+/u', '/\\p{L}+/u', '/a{2,}/', '/^$/m',
  ])('%s', (pattern) => {
    expect(checkPattern(pattern)).toBeUndefined();
  });
});

describe('checkPattern refuses broken and dangerous patterns', () => {
  it.each<[string, string[]]>([
    ['/(a+)+/', ['unsafe', '"(a+)+"', 'catastrophic']],
    ['/(.*)*/', ['unsafe', '"(.*)*"']],
    ['/^(\\w+\\s?)*$/', ['unsafe', '"(\\w+\\s?)*"']],
    ['(x+x+)+y', ['unsafe', '"(x+x+)+"']],
    ['/(?:a*b*)+c/', ['unsafe', '"(?:a*b*)+"']],
    ['/((ab)*)+/', ['unsafe', '"((ab)*)+"']],
    ['/(a+){2,}/', ['unsafe', '"(a+){2,}"']],
    ['/(a+?)+?/', ['unsafe']],
    ['/(?<word>\\w+)*/', ['unsafe']],
    ['/(a/', ['invalid regular expression /(a/', 'unterminated group']],
    ['/a**/', ['invalid regular expression']],
    ['/[z-a]/', ['invalid regular expression', 'range out of order']],
    ['/x/g', ['flag "g" is not supported']],
    ['/x/y', ['flag "y" is not supported']],
    ['/x/q', ['unknown flag "q"']],
    ['/x/ii', ['invalid regular expression']],
    ['//', ['empty regular expression']],
    ['', ['empty regular expression']],
  ])('%s', (pattern, words) => {
    const problem = checkPattern(pattern);
    expect(problem).toBeDefined();
    for (const word of words) expect(problem).toContain(word);
  });

  it('applies the flags given for a bare body', () => {
    expect(checkPattern('\\-', '')).toBeUndefined();
    expect(checkPattern('\\-', 'u')).toContain('invalid regular expression');
  });
});

describe('findNestedRepetition', () => {
  it.each<[string, string | undefined]>([
    ['(a+)+', '(a+)+'],
    ['x(b|c+)*y', '(b|c+)*'],
    ['[(]a+[)]+', undefined],
    ['\\(a+\\)+', undefined],
    ['(a)+(b+)', undefined],
    ['(a+)?', undefined],
    ['(a+){3}', undefined],
  ])('%s', (source, expected) => {
    expect(findNestedRepetition(source)).toBe(expected);
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
