import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../src/errors.js';
import { MAX_FRAMEWORK_BYTES, parseFrameworkDocument } from '../../src/framework/load.js';

const repoPath = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const fixture = (name: string) => `fixtures/frameworks/${name}`;

/** The problems parseFrameworkDocument reports for a file; fails the test if it reports none. */
function problemsIn(file: string, text = readFileSync(repoPath(file), 'utf8')): InputError[] {
  try {
    parseFrameworkDocument(text, file);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors;
    throw e;
  }
  throw new Error(`${file} validated clean`);
}

describe('parseFrameworkDocument on the broken fixtures', () => {
  it.each<[string, number, number, string[]]>([
    ['yaml-syntax.yaml', 8, 3, ['YAML syntax error', 'Flow sequence', ']']],
    ['unknown-key.yaml', 7, 5, ['unknown key "owner"', 'queues.triage', 'expected one of: tier, purpose, match, matchTier, calendar']],
    ['misspelt-key.yaml', 19, 5, ['unknown key "sevrity"', 'did you mean "severity"?', '(rules[2].sevrity;',
      'expected one of: id, check, severity, description, enabled, clock, from, to, when, after']],
    ['wrong-type.yaml', 6, 11, ['invalid `tier` (queues.triage.tier; found "one"; expected a whole number >= 1)']],
    ['bad-severity.yaml', 12, 15, ['invalid `severity` (rules[0].severity; found "fatal"; expected one of: error, warn, info)']],
    ['bad-duration.yaml', 18, 12, ['invalid `after` (rules[1].after; found "30 minutes"; expected a duration like 30m, 4h, 1h30m, 3d)']],
    ['missing-required.yaml', 10, 5, ['missing required key "to" (rules[0])']],
    ['bad-check.yaml', 11, 12, ['invalid `check`, did you mean "stalled"? (rules[0].check; found "stalld"',
      'expected one of: misrouted, stalled, over-escalated, under-escalated, missed-de-escalation, ping-pong']],
    ['alias-bomb.yaml', 10, 16, ['aliases expand too many times', 'more than 100']],
    ['lookahead-pattern.yaml', 7, 24, ['queues.triage.match[1]', 'invalid regular expression', 'no lookahead']],
    ['not-a-mapping.yaml', 1, 1, ['not a framework file', 'it is a YAML list']],
    ['multiple-documents.yaml', 11, 1, ['second YAML document', 'exactly one']],
    ['duplicate-key.yaml', 7, 5, ['duplicate key "tier"']],
    ['invalid-pattern.yaml', 10, 35, ['routing[0].when.matches', 'invalid regular expression', 'missing closing )']],
    ['inapplicable-key.yaml', 11, 5, ['key "after" does not apply to check "stalled" (rules[0].after; expected one of: id, check, severity']],
    ['bad-queue-id.yaml', 5, 3, ['invalid key, did you mean "help-desk"? (queues["Help Desk"]; found "Help Desk"; expected a queue id']],
    ['mixed-condition.yaml', 12, 7, ['key "field" cannot be combined with "any" (routing[0].when.field)']],
    ['tab-indent.yaml', 5, 1, ['YAML syntax error', 'Tabs are not allowed as indentation']],
    ['unknown-tag.yaml', 3, 7, ['YAML tag "!vault" is not allowed']],
    ['empty.yaml', 1, 1, ['the framework file is empty']],
  ])('%s: exactly one problem, at %i:%i', (name, line, column, words) => {
    const problems = problemsIn(fixture(name));
    expect(problems.map((p) => p.format())).toHaveLength(1);
    expect(problems[0]!.position).toEqual({ file: fixture(name), line, column });
    for (const word of words) expect(problems[0]!.message).toContain(word);
  });

  it('several-mistakes.yaml: every mistake at once, in file order', () => {
    const problems = problemsIn(fixture('several-mistakes.yaml'));
    expect(problems.map((p) => [p.position?.line, p.position?.column, p.message])).toEqual([
      [2, 10, 'invalid `version` (version; found 2; expected 1)'],
      [6, 11, 'invalid `tier` (queues.triage.tier; found 0; expected a whole number >= 1)'],
      [9, 5, 'unknown key "purpse", did you mean "purpose"? (queues.support.purpse; expected one of: tier, purpose, match, matchTier, calendar, entry, byTeam)'],
      [13, 15, 'invalid `severity` (rules[0].severity; found "critical"; expected one of: error, warn, info)'],
      [16, 12, 'invalid `after` (rules[0].after; found "half an hour"; expected a duration like 30m, 4h, 1h30m, 3d)'],
    ]);
  });

  it('formats each problem as file:line:col, two spaces, message', () => {
    const [problem] = problemsIn(fixture('bad-severity.yaml'));
    expect(problem!.format()).toBe(
      'fixtures/frameworks/bad-severity.yaml:12:15  invalid `severity` (rules[0].severity; found "fatal"; expected one of: error, warn, info)');
  });
});

describe('parseFrameworkDocument on rules/default.yaml', () => {
  const text = readFileSync(repoPath('rules/default.yaml'), 'utf8');
  const loaded = parseFrameworkDocument(text, 'rules/default.yaml');

  it('validates clean and keeps the document as written', () => {
    expect(loaded.file).toBe('rules/default.yaml');
    expect(loaded.document.version).toBe(1);
    expect(Object.keys(loaded.document.queues)).toEqual(['noc', 'triage', 'support']);
    expect(loaded.document.rules.map((r) => r.check)).toContain('ping-pong');
  });

  it('reads unquoted holidays (2026-05-25) as text, not as dates', () => {
    const office = loaded.document.calendars?.['office'];
    expect(office?.holidays).toContain('2026-05-25');
    expect(office?.holidays?.every((h) => typeof h === 'string')).toBe(true);
  });

  it('locates values in the file', () => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('- 2026-05-25')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('2026') + 1;
    expect(loaded.positions.at(['calendars', 'office', 'holidays', 3])).toEqual({ line, column, file: 'rules/default.yaml' });
  });
});

describe('parseFrameworkDocument refuses oversized files before parsing', () => {
  const entry = `  # ${'padding '.repeat(12)}\n`;

  it.each([
    ['6 MB of ASCII', 'version: 1\nqueues:\n' + entry.repeat(Math.ceil((6 * 1024 * 1024) / entry.length)), '6 MB'],
    // 3 million characters, but 6 million bytes: the limit is on bytes.
    ['6 MB of two-byte characters', `version: 1\nname: "${'é'.repeat(3 * 1024 * 1024)}"\n`, '6 MB'],
  ])('%s', (_name, text, size) => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_FRAMEWORK_BYTES);
    const started = performance.now();
    const problems = problemsIn('huge.yaml', text);
    // Parsing 6 MB of YAML takes seconds; refusing it takes a byte count.
    expect(performance.now() - started).toBeLessThan(250);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.position).toEqual({ file: 'huge.yaml' });
    expect(problems[0]!.message).toContain('too large');
    expect(problems[0]!.message).toContain(size);
    expect(problems[0]!.message).toContain('limit is 5 MB');
  });
});
