import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../src/errors.js';
import { loadFrameworkDocument } from '../../src/framework/file.js';
import { underEscalated } from '../../src/audit/checks/under-escalated.js';
import { loadFramework } from '../../src/pipeline/framework.js';
import { MAX_EXTENDS_DEPTH } from '../../src/framework/extends.js';
import { parseFrameworkDocument } from '../../src/framework/load.js';

const dir = 'fixtures/frameworks/extends';

/** `file:line:col  message` of every problem loading `file` reports; fails the test when it loads. */
async function problemsOf(file: string): Promise<string[]> {
  try {
    await loadFramework(file);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((p) => p.format().split('\n')[0]!);
    throw e;
  }
  throw new Error(`${file} loaded clean`);
}

describe('extends: a client file over a base policy', () => {
  it('merges queues, calendars and rules by id and replaces lists', async () => {
    const { document, files } = await loadFrameworkDocument(`${dir}/client.yaml`);
    expect(files).toEqual([`${dir}/client.yaml`, `${dir}/base.yaml`]);
    expect(document.name).toBe('Acme');
    expect(document).not.toHaveProperty('extends');
    expect(Object.keys(document.queues)).toEqual(['noc', 'triage', 'support', 'projects']);
    expect(document.queues['triage']).toEqual({ tier: 1, purpose: 'Front line.', match: ['Acme Help Desk'] });
    expect(document.calendars?.['office']?.timezone).toBe('America/New_York');
    expect(document.calendars?.['office']?.hours).not.toHaveProperty('fri');
    expect(document.costs).toEqual({ currency: 'EUR', hourly: { 1: 55, 2: 110 } });
    expect(document.routing?.map((r) => r.queue)).toEqual(['projects', 'triage']);
    expect(document.rules.map((r) => [r.id, r.check, r.enabled ?? true])).toEqual([
      ['triage-time-limit', 'under-escalated', true],
      ['onsite-done-back-to-noc', 'missed-de-escalation', true],
      ['stalled-idle', 'ping-pong', true],
      ['ping-pong', 'ping-pong', false],
      ['aged-open', 'stalled', true],
    ]);
    expect(document.rules[0]).toMatchObject({ severity: 'error', from: 'triage', to: 'support', after: '45m' });
    expect(document.rules[2]).toEqual({ id: 'stalled-idle', check: 'ping-pong', severity: 'info', maxQueueChanges: 6 });
  });

  it('compiles: disabled rules are left out', async () => {
    const framework = await loadFramework(`${dir}/client.yaml`);
    expect(framework.name).toBe('Acme');
    expect(framework.source).toBe(`${dir}/client.yaml`);
    expect(framework.rules.map((r) => r.id)).toEqual(['triage-time-limit', 'onsite-done-back-to-noc', 'stalled-idle', 'aged-open']);
    expect(framework.resolveQueue('Acme Help Desk')?.id).toBe('triage');
    expect(framework.resolveQueue('Service Desk')).toBeUndefined();
  });

  it('extends a built-in framework by name', async () => {
    const framework = await loadFramework(`${dir}/on-builtin.yaml`);
    const builtIn = await loadFramework();
    expect(framework.name).toBe('Three-board, UK');
    expect(framework.queues.map((q) => q.id)).toEqual(builtIn.queues.map((q) => q.id));
    expect(framework.defaultCalendar.timezone).toBe('Europe/London');
    const limit = framework.rules.find((r) => r.id === 'triage-time-limit');
    expect(limit && underEscalated.owns(limit) && limit.after.fallback?.text).toBe('1h');
  });
});

describe('extends: problems are placed in the file that wrote them', () => {
  it.each<[string, string[]]>([
    ['removes-queue.yaml', [`${dir}/base.yaml:41:9  unknown queue "noc" (rules[1].to; expected one of: triage, support)`]],
    ['broken-override.yaml', [
      `${dir}/broken-override.yaml:8:5  unknown key "purpse", did you mean "purpose"? (queues.support.purpse; expected one of: tier, purpose, match, matchTier, calendar, entry, byTeam)`,
      `${dir}/broken-override.yaml:10:5  missing required key "to" (rules[1])`]],
    ['clients/globex.yaml', [`${dir}/clients/globex.yaml:6:11  invalid \`tier\` (queues.triage.tier; found 0; expected a whole number >= 1)`]],
    ['no-name.yaml', [`${dir}/no-name.yaml:1:1  missing required key "name" at the top level`]],
    ['self.yaml', [`${dir}/self.yaml:3:10  \`extends\` makes a cycle: ${dir}/self.yaml -> ${dir}/self.yaml`]],
    ['cycle-a.yaml', [`${dir}/cycle-b.yaml:3:10  \`extends\` makes a cycle: ${dir}/cycle-a.yaml -> ${dir}/cycle-b.yaml -> ${dir}/cycle-a.yaml`]],
    // The base as written in `extends`, and the folder it was looked for in: the extending file's.
    ['missing-base.yaml', [`${dir}/missing-base.yaml:3:10  base framework "no-such-base.yaml": file not found (resolved from ${resolve(dir)})`]],
    ['misspelt-base.yaml', [`${dir}/misspelt-base.yaml:3:10  base framework "bsae.yaml": file not found (resolved from ${resolve(dir)}) (did you mean "base.yaml"?)`]],
    ['unknown-builtin.yaml', [`${dir}/unknown-builtin.yaml:3:10  unknown built-in framework "three-bord", did you mean "three-board"? (extends; expected one of: three-board, tiered, noc-first)`]],
  ])('%s', async (name, expected) => {
    expect(await problemsOf(`${dir}/${name}`)).toEqual(expected);
  });
});

it('parseFrameworkDocument (text, no file system) refuses extends instead of ignoring it', () => {
  expect(() => parseFrameworkDocument('version: 1\nname: x\nextends: base.yaml\n', 'f.yaml')).toThrow(/`extends` is resolved only when a framework is loaded from a file/);
});

describe('extends: chains built in a temporary directory', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ea-extends-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(tmp, name), text);
    return join(tmp, name);
  };

  it('a file that extends another without `version: 1`: the problem says to add it', async () => {
    const file = write('no-version.yaml', 'name: Client\nextends: builtin:tiered\nrules:\n  - { id: l1-time-limit, after: 30m }\n');
    const error = await loadFramework(file).then(() => undefined, (e: unknown) => e as InputErrors);
    expect(error?.errors.map((p) => p.format())).toEqual([`${file}:1:1  missing required key "version" at the top level\n`
      + '  hint: add `version: 1` at the top of the file: every framework file says which format it is written in, even one that extends another']);
  });

  it('a whole framework without `version`: the same hint', async () => {
    const file = write('no-version-whole.yaml', 'name: x\nqueues:\n  triage: { tier: 1 }\nrules: []\n');
    const error = await loadFramework(file).then(() => undefined, (e: unknown) => e as InputErrors);
    expect(error?.errors.map((p) => p.format())).toEqual([`${file}:1:1  missing required key "version" at the top level\n`
      + '  hint: add `version: 1` at the top of the file (the format of the framework file)']);
  });

  it('a cycle through a symbolic link is still a cycle', async () => {
    const a = write('link-a.yaml', 'version: 1\nname: a\nextends: link-b.yaml\n');
    write('link-b.yaml', 'version: 1\nname: b\nextends: alias-of-a.yaml\n');
    symlinkSync(a, join(tmp, 'alias-of-a.yaml'));
    const [problem] = await problemsOf(a);
    expect(problem).toContain('`extends` makes a cycle');
  });

  it(`a chain deeper than ${MAX_EXTENDS_DEPTH} files is refused`, async () => {
    for (let i = 0; i <= MAX_EXTENDS_DEPTH; i++) write(`deep-${i}.yaml`, `version: 1\nname: d${i}\nextends: deep-${i + 1}.yaml\n`);
    const [problem] = await problemsOf(join(tmp, 'deep-0.yaml'));
    expect(problem).toContain(`more than ${MAX_EXTENDS_DEPTH} files deep`);
  });

  it.each<[string, string]>([
    ['a number', 'extends: 3'],
    ['an empty value', 'extends:'],
    ['a list', 'extends: [a.yaml, b.yaml]'],
  ])('extends that is %s', async (_name, line) => {
    const file = write('bad-extends.yaml', `version: 1\nname: x\n${line}\n`);
    const [problem] = await problemsOf(file);
    expect(problem).toMatch(/:3:\d+ {2}invalid `extends` \(extends; found .*; expected a path relative to this file/);
  });

  it('a base that is a directory', async () => {
    const file = write('dir-base.yaml', 'version: 1\nname: x\nextends: .\n');
    expect(await problemsOf(file)).toEqual([`${file}:3:10  base framework ".": is a directory, not a base framework`]);
  });

  it('a base with a YAML syntax error: reported in the base', async () => {
    write('broken-base.yaml', 'version: 1\nname: [unclosed\n');
    const file = write('over-broken.yaml', 'version: 1\nname: x\nextends: broken-base.yaml\n');
    const [problem] = await problemsOf(file);
    expect(problem).toMatch(new RegExp(`^${join(tmp, 'broken-base.yaml')}:\\d+:\\d+  YAML syntax error`));
  });
});

describe('extends: ids named like Object.prototype properties (item 16)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ea-proto-'));
  // The built-in framework with its support queue called "constructor" and its 24x7 calendar too.
  const base = readFileSync('rules/default.yaml', 'utf8')
    .replace(/\bsupport\b/g, 'constructor').replace(/\baround-the-clock\b/g, 'constructor');

  it('a queue and a calendar called constructor survive an extends that overrides others beside them', async () => {
    writeFileSync(join(tmp, 'base.yaml'), base);
    writeFileSync(join(tmp, 'client.yaml'), 'version: 1\nname: Client\nextends: base.yaml\n'
      + 'queues:\n  triage:\n    tier: 1\ncalendars:\n  office:\n    timezone: America/Chicago\n');
    const ids = async (file: string) => (await loadFramework(join(tmp, file))).queues.map((q) => q.id);
    const calendars = async (file: string) => Object.keys((await loadFrameworkDocument(join(tmp, file))).document.calendars ?? {});
    expect(await ids('base.yaml')).toContain('constructor');
    expect(await ids('client.yaml')).toEqual(await ids('base.yaml'));
    expect(await calendars('base.yaml')).toContain('constructor');
    expect(await calendars('client.yaml')).toEqual(await calendars('base.yaml'));
    expect((await loadFramework(join(tmp, 'client.yaml'))).resolveQueue('constructor')).toMatchObject({ id: 'constructor', tier: 2 });
  });

  it('a client that overrides one key of the constructor queue keeps the others', async () => {
    writeFileSync(join(tmp, 'base.yaml'), base);
    writeFileSync(join(tmp, 'client2.yaml'), 'version: 1\nname: Client\nextends: base.yaml\nqueues:\n  constructor:\n    tier: 3\n');
    const fw = await loadFramework(join(tmp, 'client2.yaml'));
    const { document } = await loadFrameworkDocument(join(tmp, 'client2.yaml'));
    expect(fw.resolveQueue('constructor')).toMatchObject({ id: 'constructor', tier: 3 });
    expect(Object.keys(document.queues['constructor']!).sort()).toEqual(Object.keys((await loadFrameworkDocument(join(tmp, 'base.yaml'))).document.queues['constructor']!).sort());
  });

  it('a __proto__ queue is refused the same with and without extends', async () => {
    writeFileSync(join(tmp, 'alone.yaml'), readFileSync('rules/default.yaml', 'utf8').replace('queues:\n', 'queues:\n  __proto__: { tier: 2 }\n'));
    writeFileSync(join(tmp, 'over.yaml'), `version: 1\nname: Client\nextends: ${join(process.cwd(), 'rules/default.yaml')}\nqueues:\n  __proto__: { tier: 2 }\n`);
    const alone = await problemsOf(join(tmp, 'alone.yaml'));
    const over = await problemsOf(join(tmp, 'over.yaml'));
    expect(alone.join('\n')).toMatch(/queues\.__proto__; found "__proto__"; expected a queue id/);
    expect(over.join('\n')).toMatch(/queues\.__proto__; found "__proto__"; expected a queue id/);
  });
});
