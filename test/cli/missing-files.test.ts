import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from '../support/cli.js';

/** `<path as given>  file not found (resolved from <folder>)` and a hint naming what the file is and what it is relative to. */
const notFound = (given: string, from: string, what: string, fromWhat: string) =>
  `${given}  file not found (resolved from ${from})\n  hint: check the path of the ${what}; it is relative to ${fromWhat}`;

describe('a missing file, whatever it is: "file not found", the path as given and the folder it was resolved from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-missing-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cwd = process.cwd();

  it.each<[string, string[], string]>([
    ['an export', ['fixtures/example/nope.csv'], notFound('fixtures/example/nope.csv', cwd, 'export file', 'the current directory')],
    ['a framework', [...EXAMPLE, '--framework', 'client.yaml'], notFound('client.yaml', cwd, 'framework file', 'the current directory')],
    ['a mapping', [...EXAMPLE, '--mapping', 'mappings/client.yaml'], notFound('mappings/client.yaml', cwd, 'mapping file', 'the current directory')],
    ['a baseline in a folder that does not exist', [...EXAMPLE, '--baseline', 'reports/latest.json'],
      notFound('reports/latest.json', cwd, 'baseline report', 'the current directory')],
  ])('%s', async (_name, args, message) => {
    const r = await cli('audit', ...args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(message) as string });
    expect(r.stderr).not.toMatch(/ENOENT|at .*\.js:\d+/);
  });

  it('a lookup table: as written in the mapping, resolved from the mapping file\'s folder', async () => {
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, 'preset: connectwise\nlookups:\n  queue: tables/boards.csv\n');
    const r = await cli('audit', ...EXAMPLE, '--mapping', mapping);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tables/boards.csv  file not found (resolved from ${dir})\n  hint: the mapping's lookups.queue names it; `
      + "check the path of the lookup table; it is relative to the mapping file's folder");
  });

  it('a base framework: at the `extends` line, as written there, resolved from the extending file\'s folder', async () => {
    const client = join(dir, 'client.yaml');
    writeFileSync(client, 'version: 1\nname: Client\nextends: ../policies/base.yaml\n');
    const r = await cli('audit', ...EXAMPLE, '--framework', client);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${client}:3:10  base framework "../policies/base.yaml": file not found (resolved from ${dir})\n`
      + '  hint: check the path of the base framework; it is relative to the file that extends it');
  });
});
