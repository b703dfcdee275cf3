import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const frameworks = 'fixtures/frameworks';

describe('escalation-audit validate (end to end, in-process)', () => {
  it('a clean framework: exit 0 and one OK line with what it holds', async () => {
    const r = await cli('validate', 'rules/templates/tiered.yaml');
    expect(r).toEqual({
      code: 0,
      stdout: 'rules/templates/tiered.yaml: OK - "L1/L2/L3 service desk": 3 queues, 12 rules (11 enabled), 1 calendar\n',
      stderr: '',
    });
  });

  it('every structural problem at once, file:line:col, then a count: exit 2', async () => {
    const r = await cli('validate', `${frameworks}/several-mistakes.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      `${frameworks}/several-mistakes.yaml:2:10  invalid \`version\` (version; found 2; expected 1)`,
      `${frameworks}/several-mistakes.yaml:6:11  invalid \`tier\` (queues.triage.tier; found 0; expected a whole number >= 1)`,
      `${frameworks}/several-mistakes.yaml:9:5  unknown key "purpse", did you mean "purpose"? (queues.support.purpse; expected one of: tier, purpose, match, matchTier, calendar, entry, byTeam)`,
      `${frameworks}/several-mistakes.yaml:13:15  invalid \`severity\` (rules[0].severity; found "critical"; expected one of: error, warn, info)`,
      `${frameworks}/several-mistakes.yaml:16:12  invalid \`after\` (rules[0].after; found "half an hour"; expected a duration like 30m, 4h, 1h30m, 3d)`,
      `${frameworks}/several-mistakes.yaml: 5 problems (references, reachability and limits are checked once the structure is right)`,
      '',
    ]);
  });

  it('a problem of meaning, with its hint', async () => {
    const r = await cli('validate', `${frameworks}/from-to-overlap.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe([
      `${frameworks}/from-to-overlap.yaml:14:9  queue "support" is in both \`from\` and \`to\` (rules[0].to)`,
      '  hint: a ticket cannot move to the queue it is in',
      `${frameworks}/from-to-overlap.yaml: 1 problem`,
      '',
    ].join('\n'));
  });

  it('several files: each is reported; exit 2 when any has a problem', async () => {
    const r = await cli('validate', 'rules/default.yaml', `${frameworks}/bad-severity.yaml`, 'rules/templates/noc-first.yaml');
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^rules\/default\.yaml: OK - "MSP three-board \(default\)": 3 queues, \d+ rules, 2 calendars$/);
    expect(lines[1]).toBe(`${frameworks}/bad-severity.yaml:12:15  invalid \`severity\` (rules[0].severity; found "fatal"; expected one of: error, warn, info)`);
    expect(lines[3]).toMatch(/^rules\/templates\/noc-first\.yaml: OK/);
  });

  it('extends: the OK line names the bases; a problem inherited from a base points into the base', async () => {
    const ok = await cli('validate', `${frameworks}/extends/client.yaml`);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`${frameworks}/extends/client.yaml: OK - "Acme": 4 queues, 5 rules (4 enabled), 1 calendar; extends ${frameworks}/extends/base.yaml\n`);
    const broken = await cli('validate', `${frameworks}/extends/removes-queue.yaml`);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain(`${frameworks}/extends/base.yaml:41:9  unknown queue "noc" (rules[1].to; expected one of: triage, support)`);
  });

  it('an alias bomb is refused cleanly', async () => {
    const r = await cli('validate', `${frameworks}/alias-bomb.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/alias-bomb\.yaml:10:16 {2}aliases expand too many times \(more than 100 copies of one anchor\)/);
  });

  it('a missing file is a problem like any other: exit 2, no stack trace', async () => {
    const r = await cli('validate', `${frameworks}/no-such-file.yaml`);
    expect(r).toEqual({ code: 2, stdout: `${frameworks}/no-such-file.yaml  file not found (resolved from ${process.cwd()})\n`
      + '  hint: check the path of the framework file; it is relative to the current directory\n'
      + `${frameworks}/no-such-file.yaml: 1 problem (references, reachability and limits are checked once the structure is right)\n`, stderr: '' });
  });

  it('escape sequences written in a framework never reach the terminal', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ea-validate-')), 'escape.yaml');
    writeFileSync(file, 'version: 1\nname: x\nqueues:\n  triage: { tier: 1 }\nrules:\n  - { id: a, check: under-escalated, severity: warn, from: triage, to: "\\e[31mred\\e]0;title\\a", after: 1m }\n');
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('unknown queue "red"');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it.each<[string, string[], RegExp]>([
    ['no file', [], /missing required argument 'framework'/],
    ['an unknown format', ['rules/default.yaml', '--format', 'xml'], /Allowed choices are text, json/],
  ])('usage error (%s): exit 2', async (_name, args, message) => {
    const r = await cli('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('audit runs the same validation first', () => {
  it.each(['contradicting-limits.yaml', 'unreachable-queue.yaml', 'extends/removes-queue.yaml'])('%s: exit 2 with the problem validate reports', async (name) => {
    const checked = await cli('validate', `${frameworks}/${name}`);
    const audited = await cli('audit', 'fixtures/cli/clean-tickets.csv', '--framework', `${frameworks}/${name}`);
    expect(audited.code).toBe(2);
    expect(audited.stdout).toBe('');
    expect(audited.stderr).toContain(checked.stdout.split('\n')[0]);
  });
});

describe('escalation-audit validate --format json', () => {
  it('the contract: schemaVersion, tool, valid, problems, and per file its summary or its problems', async () => {
    const r = await cli('validate', '--format', 'json', `${frameworks}/extends/client.yaml`, `${frameworks}/unknown-queue.yaml`, `${frameworks}/no-such-file.yaml`);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'valid', 'problems', 'files']);
    expect(report).toMatchObject({ schemaVersion: '1.1', tool: { name: 'escalation-audit' }, valid: false, problems: 2 });
    expect(report.files).toEqual([
      { file: `${frameworks}/extends/client.yaml`, valid: true,
        framework: { name: 'Acme', queues: 4, rules: 5, enabledRules: 4, calendars: 1, bases: [`${frameworks}/extends/base.yaml`] }, problems: [], warnings: [] },
      { file: `${frameworks}/unknown-queue.yaml`, valid: false, framework: null, problems: [{
        file: `${frameworks}/unknown-queue.yaml`, line: 14, column: 9, pass: 'meaning',
        message: 'unknown queue "suport", did you mean "support"? (rules[0].to; expected one of: triage, support)', hint: null }], warnings: [] },
      { file: `${frameworks}/no-such-file.yaml`, valid: false, framework: null, problems: [{
        file: `${frameworks}/no-such-file.yaml`, line: null, column: null, pass: 'structure',
        message: `file not found (resolved from ${process.cwd()})`, hint: 'check the path of the framework file; it is relative to the current directory' }], warnings: [] },
    ]);
  });

  it('a rule that can never fire: valid (exit 0), with a warning at its line', async () => {
    const r = await cli('validate', 'fixtures/frameworks/never-fires.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('fixtures/frameworks/never-fires.yaml:10:5  warning: rule "misrouted" can never fire: misrouted compares the queue with '
      + 'where routing puts the work, and the framework has no routing (rules[1])\n  hint: add routing entries, or disable the rule\n'
      + 'fixtures/frameworks/never-fires.yaml: OK - "Never fires": 2 queues, 2 rules, 0 calendars; 1 warning\n');
  });

  it('a clean file: valid, exit 0', async () => {
    const r = await cli('validate', '-f', 'json', 'rules/default.yaml');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, problems: 0, files: [{ valid: true, problems: [] }] });
  });
});

describe('escalation-audit validate, the built command (run `npm run build` first)', () => {
  const bin = (...args: string[]) => spawnSync(process.execPath, ['bin/escalation-audit.js', ...args], { encoding: 'utf8', timeout: 20_000 });

  it('exit code 2 and the problems on stdout', () => {
    const r = bin('validate', `${frameworks}/bad-severity.yaml`);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`${frameworks}/bad-severity.yaml:12:15`);
  });

  it('a generated 50 MB framework is refused before it is read', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ea-huge-')), 'huge.yaml');
    const line = `# ${'x'.repeat(1021)}\n`;
    writeFileSync(file, `version: 1\n${line.repeat(50 * 1024)}`);
    const started = performance.now();
    const r = bin('validate', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`${file}  framework file is too large: 50 MB (the limit is 5 MB)`);
    // Starting node takes most of this; parsing 50 MB of YAML would take many seconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
