import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../src/errors.js';
import { compileFramework } from '../../src/pipeline/framework.js';
import { parseFrameworkDocument } from '../../src/framework/load.js';

/** Three queues (two at tier 1, one at tier 2), then `rest` (routing and rules). */
const framework = (rest: string) =>
  `version: 1\nname: t\nqueues:\n  noc: { tier: 1 }\n  triage: { tier: 1 }\n  support: { tier: 2 }\n${rest}`;

const escalate = (id: string, from: string, to: string, extra = '') =>
  `  - { id: ${id}, check: under-escalated, severity: error, from: ${from}, to: ${to}${extra} }\n`;
const effort = (minEffort: string, extra = '') =>
  `  - { id: effort, check: over-escalated, severity: warn, to: support, minEffort: ${minEffort}${extra} }\n`;

/** The first words of every problem (up to the first colon or parenthesis), or [] when it compiles. */
function problems(text: string): string[] {
  try {
    compileFramework(parseFrameworkDocument(text, 'f.yaml'), 'f.yaml');
    return [];
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    return e.errors.map((p) => `${p.position?.line}:${p.position?.column} ${p.message.split(/[:(]/)[0]!.trim()}`);
  }
}

describe('unreachable queues', () => {
  it.each<[string, string, string[]]>([
    ['no routing: every queue is a way in', 'rules: []\n', []],
    ['routing to two queues, none to support', 'routing:\n  - { when: { field: source, equals: RMM }, queue: noc }\n  - queue: triage\nrules: []\n',
      ['6:3 queue "support" is unreachable']],
    ['support reached by an escalation rule', `routing:\n  - { when: { field: source, equals: RMM }, queue: noc }\n  - queue: triage\nrules:\n${escalate('e', 'triage', 'support', ', after: 30m')}`, []],
    ['a de-escalation rule leads to noc', `routing:\n  - queue: support\nrules:\n${escalate('e', 'support', 'triage', ', after: 1h')}`
      + '  - { id: d, check: missed-de-escalation, severity: warn, from: support, to: noc, when: { field: status, equals: Done } }\n', []],
    ['the rule starts in an unreachable queue', `routing:\n  - queue: triage\nrules:\n${escalate('e', 'noc', 'support', ', after: 30m')}`,
      ['4:3 queue "noc" is unreachable', '6:3 queue "support" is unreachable']],
    ['a disabled rule leads nowhere', `routing:\n  - { when: { field: source, equals: RMM }, queue: noc }\n  - queue: triage\nrules:\n${escalate('e', 'triage', 'support', ', after: 30m, enabled: false')}`,
      ['6:3 queue "support" is unreachable']],
  ])('%s', (_name, rest, expected) => {
    expect(problems(framework(rest))).toEqual(expected);
  });

  it('a misspelt routing queue is reported as unknown, not also as an unreachable queue', () => {
    expect(problems(framework('routing:\n  - queue: tirage\nrules: []\n'))).toEqual(['8:12 unknown queue "tirage", did you mean "triage"?']);
  });
});

describe('limits that contradict each other', () => {
  it.each<[string, string, string[]]>([
    ['minEffort shorter than the time limit', escalate('budget', 'triage', 'support', ', after: 30m') + effort('29m'), []],
    ['minEffort equal to the time limit', escalate('budget', 'triage', 'support', ', after: 30m') + effort('30m'), ['9:82 minEffort 30m is not shorter than the time limit 30m of rule "budget"']],
    ['minEffort longer than the time limit', escalate('budget', 'triage', 'support', ', after: 30m') + effort('1h'), ['9:82 minEffort 1h is not shorter than the time limit 30m of rule "budget"']],
    ['days compared on the queue calendar (no calendar: 24h)', escalate('budget', 'triage', 'support', ', after: 1d') + effort('23h'), []],
    ['a criterion, not a pure time limit', escalate('budget', 'triage', 'support', ', after: 30m, when: { field: onsite, equals: true }') + effort('1h'), []],
    ['clocks differ: not comparable', escalate('budget', 'triage', 'support', ', after: 30m, clock: wall') + effort('1h'), []],
    ['the time limit leads elsewhere', escalate('budget', 'triage', 'noc', ', after: 30m') + effort('1h'), []],
    ['minEffort 0 asks for nothing', escalate('budget', 'triage', 'support', ', after: 30m') + effort('0m'), []],
    ['a disabled over-escalated rule', escalate('budget', 'triage', 'support', ', after: 30m') + effort('1h', ', enabled: false'), []],
  ])('%s', (_name, rules, expected) => {
    expect(problems(framework(`rules:\n${rules}`))).toEqual(expected);
  });
});

describe('escalation rules with nothing to wait for', () => {
  it.each<[string, string, string[]]>([
    ['neither when nor after', escalate('e', 'triage', 'support'), ['8:5 an under-escalated rule with no `when` and no time in `after` flags every ticket the moment it enters triage']],
    ['after: 0m written', escalate('e', 'triage', 'support', ', after: 0m'), ['8:89 an under-escalated rule with no `when` and no time in `after` flags every ticket the moment it enters triage']],
    ['a criterion and no time: at once when it holds', escalate('e', 'triage', 'support', ', when: { field: onsite, equals: true }'), []],
    ['time and no criterion', escalate('e', 'triage', 'support', ', after: 1m'), []],
  ])('%s', (_name, rules, expected) => {
    expect(problems(framework(`rules:\n${rules}`))).toEqual(expected);
  });
});
