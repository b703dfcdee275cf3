import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/text/did-you-mean.js';

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['severity', 'severity', 0],
    ['sevrity', 'severity', 1],
    ['sveerity', 'severity', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ab', 'ba', 1],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  const ruleKeys = ['id', 'check', 'severity', 'description', 'enabled', 'clock', 'from', 'to', 'when', 'after'];
  it.each<[string, readonly string[], string | undefined]>([
    ['sevrity', ruleKeys, 'severity'],
    ['Severity', ruleKeys, 'severity'],
    ['chekc', ruleKeys, 'check'],
    ['descripton', ruleKeys, 'description'],
    ['monday', ['mon', 'tue', 'wed'], 'mon'],
    ['warning', ['error', 'warn', 'info'], 'warn'],
    ['stalld', ['misrouted', 'stalled', 'ping-pong'], 'stalled'],
    ['tx', ruleKeys, 'to'],
    ['owner', ruleKeys, undefined],
    ['fatal', ['error', 'warn', 'info'], undefined],
    ['xy', ['id', 'to'], undefined],
    ['', ruleKeys, undefined],
  ])('%s', (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });
});
