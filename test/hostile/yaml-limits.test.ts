import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH } from '../../src/text/yaml-safe.js';
import { CLEAN, cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ea-yaml-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const SECRETS = ['hunter2', 'abcdef123', '$6$salt$hash', 'root:'];
const ENV = file('.env', 'DB_PASSWORD=hunter2\nAPI_KEY=abcdef123\n');
const SHADOW = file('shadow', 'root:$6$salt$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');
const JSONISH = file('secrets.json', '{"token": "abcdef123", "password": "hunter2"}\n');
const stack = /Maximum call stack|internal error|^\s+at /m;
/** validate prints its problems on stdout, audit on stderr: both are read. */
const said = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('7. a file that is not a framework or mapping is said to be so, never quoted', () => {
  it.each([['an .env file', ENV], ['a password file', SHADOW], ['a JSON secrets file', JSONISH]])(
    '`extends` pointing at %s', async (_name, target) => {
      const client = file(`client-${target.length}.yaml`, `version: 1\nname: Client\nextends: ${target}\n`);
      for (const argv of [['validate', client], ['audit', ...CLEAN, '--framework', client]]) {
        const r = await cli(...argv);
        expect(r.code).toBe(2);
        expect(said(r)).toContain(`${target}:1:1  not a framework file`);
        expect(said(r)).toContain('its contents are not shown');
        for (const secret of SECRETS) expect(said(r)).not.toContain(secret);
      }
    });

  it.each([['an .env file', ENV], ['a password file', SHADOW], ['a JSON secrets file', JSONISH]])('--framework %s', async (_name, target) => {
    const r = await cli('validate', target);
    expect(r.code).toBe(2);
    expect(said(r)).toContain('not a framework file');
    for (const secret of SECRETS) expect(said(r)).not.toContain(secret);
  });

  it.each([['a password file', SHADOW], ['a JSON secrets file', JSONISH]])('--mapping %s', async (_name, target) => {
    const r = await cli('audit', ...CLEAN, '--mapping', target);
    expect(r.code).toBe(2);
    expect(said(r)).toContain(`${target}:1:1  not a mapping file`);
    for (const secret of SECRETS) expect(said(r)).not.toContain(secret);
  });
});

describe('10. YAML tags other than the JSON ones are refused with file:line:col, before any value is built', () => {
  const base = 'version: 1\nname: Tagged\n';
  it('3 MB of !!binary: refused at once, no out-of-memory', async () => {
    const blob = Buffer.alloc(2_200_000, 7).toString('base64').match(/.{1,76}/g)!.map((l) => `  ${l}`).join('\n');
    const path = file('binary.yaml', `${base}queues: !!binary |\n${blob}\nrules: []\n`);
    const started = Date.now();
    const r = await cli('validate', path);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(said(r)).toContain(`${path}:3:9  YAML tag "!!binary" is not allowed`);
  });

  it.each([
    ['!!set', `${base}queues: !!set\n  ? a\n`, '3:9'],
    ['!!omap', `${base}queues: !!omap\n  - a: 1\n`, '3:9'],
    ['!!timestamp', `${base}rules: [!!timestamp 2026-01-01]\n`, '3:9'],
    ['a custom tag', `${base}name2: !secret abc\n`, '3:8'],
    ['a verbatim tag', `${base}x: !<tag:yaml.org,2002:binary> aGk=\n`, '3:4'],
  ])('%s', async (_name, text, at) => {
    const path = file(`tag-${at}-${text.length}.yaml`, text);
    const r = await cli('validate', path);
    expect(r.code).toBe(2);
    expect(said(r)).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${at}  YAML tag "[^"]+" is not allowed`));
  });

  it('a %TAG directive is refused; the JSON tags (!!str, !!int) are fine', async () => {
    expect(said(await cli('validate', file('tagdir.yaml', `%TAG !e! tag:example.com,2000:\n---\n${base}`)))).toContain('1:1  YAML directives other than');
    const fine = file('fine.yaml', `${base.replace('name: Tagged', 'name: !!str Tagged')}${'queues: { triage: { tier: !!int 1 } }\nrules: []\n'}`);
    expect(said(await cli('validate', fine))).not.toContain('YAML tag');
  });

  it('in a mapping file too', async () => {
    const path = file('tag-mapping.yaml', 'preset: connectwise\ncolumns:\n  id: !!binary aGk=\n');
    const r = await cli('audit', ...CLEAN, '--mapping', path);
    expect(r.code).toBe(2);
    expect(said(r)).toContain(`${path}:3:7  YAML tag "!!binary" is not allowed`);
  });
});

describe('12. YAML nested too deep: a clear error naming the place; deep but within the limit is fine', () => {
  const blockNest = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  it.each([
    ['block mappings, 2000 deep', `version: 1\nname: Deep\nqueues:\n${blockNest(2000).replace(/^/gm, '  ')}`],
    ['flow lists, 5000 deep', `version: 1\nname: Deep\nqueues: ${'['.repeat(5000)}1${']'.repeat(5000)}\n`],
  ])('%s', async (_name, text) => {
    const path = file(`deep-${text.length}.yaml`, text);
    for (const argv of [['validate', path], ['audit', ...CLEAN, '--framework', path]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(said(r)).toMatch(new RegExp(`deep-${text.length}\\.yaml:\\d+:\\d+  nested more than ${MAX_YAML_DEPTH} levels deep`));
      expect(said(r)).not.toMatch(stack);
      expect(said(r)).not.toContain('syntax error');
    }
  });

  it('a mapping file nested too deep', async () => {
    const path = file('deep-mapping.yaml', `preset: connectwise\ncolumns: ${'['.repeat(3000)}1${']'.repeat(3000)}\n`);
    const r = await cli('audit', ...CLEAN, '--mapping', path);
    expect(r.code).toBe(2);
    expect(said(r)).toContain(`${path}:2:`);
    expect(said(r)).toContain(`nested more than ${MAX_YAML_DEPTH} levels deep`);
  });

  it(`a valid framework whose conditions nest ${MAX_YAML_DEPTH - 4} levels deep validates`, async () => {
    let when = '{ field: type, equals: Alert }';
    // Each `all: [...]` is two levels (a mapping and a list).
    for (let i = 0; i < (MAX_YAML_DEPTH - 8) / 2; i++) when = `{ all: [${when}] }`;
    const path = file('deep-ok.yaml', `version: 1\nname: Deep but fine\nextends: ${join(process.cwd(), 'rules/default.yaml')}\n`
      + `routing:\n  - when: ${when}\n    queue: noc\n  - queue: triage\n`);
    const r = await cli('validate', path);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('OK');
    expect(r.code).toBe(0);
  });
});

describe('13. size limits of mapping files', () => {
  it('a mapping over 1 MB is refused before it is parsed', async () => {
    const path = file('huge-mapping.yaml', `preset: connectwise\n${'# padding padding padding padding padding\n'.repeat(40_000)}`);
    const r = await cli('audit', ...CLEAN, '--mapping', path);
    expect(r.code).toBe(2);
    expect(said(r)).toMatch(/mapping file is too large: \d+ KB \(the limit is 1024 KB\)/);
  });

  it('/dev/zero as a mapping: refused after 1 MB, not read for ever', async () => {
    const r = await cli('audit', ...CLEAN, '--mapping', '/dev/zero');
    expect(r.code).toBe(2);
    expect(said(r)).toContain('/dev/zero  mapping file is too large');
  });
});

describe('a baseline that is not JSON is not quoted either', () => {
  it('--baseline a password file', async () => {
    const r = await cli('audit', ...CLEAN, '--baseline', SHADOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${SHADOW}:1  not JSON: it does not start with { or [ (its contents are not shown)`);
    for (const secret of SECRETS) expect(r.stderr).not.toContain(secret);
  });
});

describe('a framework whose every top-level key is misspelt is still a framework', () => {
  it('gets its "did you mean"s, not "not a framework file"', async () => {
    const r = await cli('validate', file('typos.yaml', 'verison: 1\nnmae: Typos\nqueus: {}\n'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('did you mean "version"');
    expect(r.stdout).not.toContain('not a framework file');
  });
});
