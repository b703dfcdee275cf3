import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../src/errors.js';
import { parseFrameworkDocument } from '../../src/framework/load.js';

/** A valid framework with `extra` lines spliced in at the end (lines 1-5 are fixed). */
const framework = (extra: string, rules = 'rules: []\n') =>
  `version: 1\nname: inline\nqueues:\n  triage:\n    tier: 1\n${extra}${rules}`;

/** `line:column  message` (and the hint) of every problem, or [] if the text validates. */
function reported(text: string): string[] {
  try {
    parseFrameworkDocument(text, 'f.yaml');
    return [];
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    return e.errors.map((p) => `${p.position?.line}:${p.position?.column}  ${p.message}${p.hint ? ` | ${p.hint}` : ''}`);
  }
}

describe('structural messages', () => {
  it.each<[string, string, string[]]>([
    ['weekday spelt out', framework('calendars:\n  office:\n    timezone: UTC\n    hours:\n      monday: ["08:00-18:00"]\n'),
      ['10:7  unknown key "monday", did you mean "mon"? (calendars.office.hours.monday; expected one of: mon, tue, wed, thu, fri, sat, sun)']],
    ['span without minutes', framework('calendars:\n  office:\n    timezone: UTC\n    hours: { tue: ["8-18"] }\n'),
      ['9:20  invalid `tue` entry (calendars.office.hours.tue[0]; found "8-18"; expected a time span like "08:00-18:00" (HH:MM-HH:MM))']],
    ['hours neither 24x7 nor weekdays', framework('calendars:\n  office:\n    timezone: UTC\n    hours: 24/7\n'),
      ['9:12  invalid `hours` (calendars.office.hours; found "24/7"; expected "24x7" or a mapping of weekdays (mon..sun) to lists of "HH:MM-HH:MM" spans)']],
    ['holiday with month 13', framework('calendars:\n  office:\n    timezone: UTC\n    hours: 24x7\n    holidays: [2026-13-01]\n'),
      ['10:16  invalid `holidays` entry (calendars.office.holidays[0]; found "2026-13-01"; expected a date like "2026-12-24" (YYYY-MM-DD) or "12-25" (MM-DD, every year))']],
    ['queue id with capitals and spaces', 'version: 1\nname: x\nqueues:\n  Help Desk:\n    tier: 1\nrules: []\n',
      ['4:3  invalid key, did you mean "help-desk"? (queues["Help Desk"]; found "Help Desk"; expected a queue id: lower-case letters, digits and dashes, starting with a letter (like "triage"))']],
    ['key that belongs to another check', framework('', 'rules:\n  - id: s\n    check: stalled\n    severity: warn\n    after: 3d\n'),
      ['10:5  key "after" does not apply to check "stalled" (rules[0].after; expected one of: id, check, severity, description, enabled, clock, idle, maxAge)']],
    ['severity abbreviated', framework('', 'rules:\n  - id: p\n    check: ping-pong\n    severity: warning\n'),
      ['9:15  invalid `severity`, did you mean "warn"? (rules[0].severity; found "warning"; expected one of: error, warn, info)']],
    ['empty queue list and a number among queue ids',
      framework('', 'rules:\n  - id: u\n    check: under-escalated\n    severity: info\n    from: [triage, 3]\n    to: []\n'),
      ['10:20  invalid `from` entry (rules[0].from[1]; found 3; expected a queue id)',
        '11:9  invalid `to` (rules[0].to; found an empty list; expected a queue id or a non-empty list of queue ids)']],
    ['empty value is located at its key', framework('', 'rules:\n  - id: u\n    check: stalled\n    severity: info\n    idle:\n'),
      ['10:5  invalid `idle` (rules[0].idle; found an empty value; expected a duration like 30m, or a mapping of priority classes to durations like { p1: 10m, default: 30m })']],
    ['condition mixing all with a field test', framework('routing:\n  - when: { all: [{ field: a, equals: 1 }], field: b }\n    queue: triage\n'),
      ['7:45  key "field" cannot be combined with "all" (routing[0].when.field) | "all" takes no other key: wrap the tests in the list under all']],
    ['misspelt condition key', framework('routing:\n  - when: { feild: type, equals: x }\n    queue: triage\n'),
      ['7:13  unknown key "feild", did you mean "field"? (routing[0].when.feild; expected one of: all, any, not, field, column, fact, clock, equals, in, contains, matches, gt, gte, lt, lte, exists)']],
    ['condition that is not a mapping', framework('routing:\n  - when: onsite\n    queue: triage\n'),
      ['7:11  invalid `when` (routing[0].when; found "onsite"; expected a condition: a mapping like { field: type, in: [Project] }, or with all, any or not)']],
    ['costs', framework('costs:\n  currency: usd\n  hourly: { 1: 55, two: 110, 3: -1 }\n'),
      ['7:13  invalid `currency` (costs.currency; found "usd"; expected a three-letter currency code like "USD")',
        '8:20  invalid key (costs.hourly.two; found "two"; expected a tier number like 1 or 2)',
        '8:33  invalid `3` (costs.hourly["3"]; found -1; expected a number >= 0)']],
    ['rules written as a mapping', framework('', 'rules: { a: 1 }\n'), ['6:8  invalid `rules` (rules; found a mapping; expected a list of rules)']],
    ['empty mapping', '{}\n', ['1:1  missing required key "version" at the top level | add `version: 1` at the top of the file (the format of the framework file)', '1:1  missing required key "name" at the top level',
      '1:1  missing required key "queues" at the top level', '1:1  missing required key "rules" at the top level']],
    ['key misspelt through a merge key', framework('defaults: &d { check: misrouted, severity: warn }\n', 'rules:\n  - <<: *d\n    id: a\n    sevrity: info\n'),
      ['6:1  unknown key "defaults" (defaults; expected one of: version, name, extends, calendars, calendar, statuses, queues, routing, costs, priorities, clientCalendars, rules)',
        '10:5  unknown key "sevrity", did you mean "severity"? (rules[0].sevrity; expected one of: id, check, severity, description, enabled, clock)']],
    ['regex flag g', framework('routing:\n  - when: { field: a, matches: "/x+/g" }\n    queue: triage\n'),
      ['7:32  regular expression /x+/g: flag "g" is not supported (use i, m, s or u) (routing[0].when.matches)']],
    ['lookahead deep in a rule condition', framework('', 'rules:\n  - id: m\n    check: missed-de-escalation\n    severity: warn\n    from: triage\n    to: triage\n    when: { not: { any: [{ field: a, matches: "(?=a)" }] } }\n'),
      ['12:47  invalid regular expression /(?=a)/: invalid or unsupported Perl syntax: `(?=` (patterns are matched by RE2, in linear time: no lookahead, lookbehind or backreferences) (rules[0].when.not.any[0].matches)']],
    ['match entries that are not /.../ are plain names', framework('', 'rules: []\n').replace('tier: 1\n', 'tier: 1\n    match: ["(a+)+", "/ok/i"]\n'), []],
  ])('%s', (_name, text, expected) => {
    expect(reported(text)).toEqual(expected);
  });
});

describe('document-level problems', () => {
  const startHint = ' | a framework is a mapping with version, name, queues and rules: start from rules/default.yaml';
  it.each<[string, string, string]>([
    ['an empty file', '', `1:1  the framework file is empty${startHint}`],
    ['only comments', '# nothing here\n', `1:1  the framework file is empty${startHint}`],
    ['a bare word (never quoted: it may be any file)', 'hello\n', `1:1  not a framework file: it is not a YAML mapping of keys; its contents are not shown${startHint}`],
    ['a tab used for indentation', 'version: 1\nqueues:\n\ttriage: 1\n',
      '3:1  YAML syntax error: Tabs are not allowed as indentation | indent with spaces, not tabs'],
    ['an unknown tag', framework('').replace('name: inline', 'name: !custom inline'),
      '2:7  YAML tag "!custom" is not allowed: a framework holds plain values only | remove the tag: mappings, lists, strings, numbers, true/false and null need none'],
  ])('%s', (_name, text, expected) => {
    expect(reported(text)).toEqual([expected]);
  });
});

describe('text encodings and YAML versions', () => {
  const broken = framework('', 'rules:\n  - id: a\n    check: misrouted\n    sevrity: warn\n');
  it.each([
    ['LF', broken],
    ['CRLF line ends', broken.replace(/\n/g, '\r\n')],
    ['a byte-order mark', `\uFEFF${broken}`],
  ])('%s: same position', (_name, text) => {
    expect(reported(text)).toEqual([
      '9:5  unknown key "sevrity", did you mean "severity"? (rules[0].sevrity; expected one of: id, check, severity, description, enabled, clock)']);
  });

  it.each([
    ['YAML 1.2 (default)', ''],
    // YAML 1.1 reads unquoted dates as timestamps; they must still arrive as text.
    ['YAML 1.1', '%YAML 1.1\n---\n'],
  ])('%s: an unquoted holiday stays "YYYY-MM-DD" text', (_name, prefix) => {
    const text = prefix + framework('calendars:\n  office:\n    timezone: UTC\n    hours: 24x7\n    holidays: [2026-05-25, 12-25]\n');
    const loaded = parseFrameworkDocument(text, 'f.yaml');
    expect(loaded.document.calendars?.['office']?.holidays).toEqual(['2026-05-25', '12-25']);
  });
});
