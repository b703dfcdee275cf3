import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { createPositionIndex } from '../../src/framework/positions.js';

const text = [
  'version: 1', //                                  1
  'name: positions', //                             2
  'queues:', //                                     3
  '  triage:', //                                   4
  '    tier: 1', //                                 5
  '    match: [Help Desk, "/^hd/i"]', //            6
  '  support: { tier: 2 }', //                      7
  'costs:', //                                      8
  '  hourly: { 1: 55, 2: 110 }', //                 9
  'rules:', //                                      10
  '  - id: a', //                                   11
  '    check: stalled', //                          12
  '    idle:', //                                   13
  '    when:', //                                   14
  '      any:', //                                  15
  '        - { field: type, equals: x }', //        16
  'shared: &s { tier: 3 }', //                      17
  'copy: *s', //                                    18
  '',
].join('\n');

const lineCounter = new LineCounter();
const positions = createPositionIndex(parseDocument(text, { lineCounter }), lineCounter);

describe('PositionIndex.at', () => {
  it.each<[string, (string | number)[], number, number]>([
    ['the document', [], 1, 1],
    ['a scalar value', ['queues', 'triage', 'tier'], 5, 11],
    ['an item of a flow list', ['queues', 'triage', 'match', 1], 6, 24],
    ['a value in a flow mapping', ['queues', 'support', 'tier'], 7, 20],
    ['a number written as a key', ['costs', 'hourly', '2'], 9, 23],
    ['a list item (its first key)', ['rules', 0], 11, 5],
    ['an empty value: its key', ['rules', 0, 'idle'], 13, 5],
    ['deep in a condition', ['rules', 0, 'when', 'any', 0, 'equals'], 16, 34],
    ['a block mapping value (its first key)', ['rules', 0, 'when'], 15, 7],
    ['through an alias: where the anchored value is', ['copy', 'tier'], 17, 20],
    ['a missing key: the nearest ancestor', ['rules', 0, 'after'], 11, 5],
    ['a missing index: the nearest ancestor', ['rules', 5, 'id'], 11, 3],
    ['a path through a scalar: the scalar', ['version', 'x'], 1, 10],
  ])('%s', (_name, path, line, column) => {
    expect(positions.at(path)).toEqual({ line, column });
  });
});

describe('PositionIndex.keyAt', () => {
  it.each<[string, (string | number)[], number, number]>([
    ['a key in a block mapping', ['queues', 'triage', 'tier'], 5, 5],
    ['a queue id', ['queues', 'support'], 7, 3],
    ['a key in a flow mapping', ['costs', 'hourly', '1'], 9, 13],
    ['a list item has no key: the item', ['rules', 0], 11, 5],
    ['a missing key: the nearest ancestor', ['queues', 'nope'], 4, 3],
  ])('%s', (_name, path, line, column) => {
    expect(positions.keyAt(path)).toEqual({ line, column });
  });
});
