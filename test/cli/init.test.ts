import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate, TEMPLATE_IDS } from '../../src/framework/templates.js';
import { cli } from '../support/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ea-init-'));

describe('escalation-audit init (end to end, in-process)', () => {
  it('no flags: the three-board template on stdout, its schema line pointing at the shipped schema from here', async () => {
    const r = await cli('init');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(await renderTemplate('three-board'));
    expect(r.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./rules/framework.schema.json');
    expect(r.stdout).toContain('name: MSP three-board (default)');
  });

  it.each(TEMPLATE_IDS)('--template %s: written with --output, it validates clean', async (id) => {
    const file = join(tmp(), `${id}.yaml`);
    const written = await cli('init', '--template', id, '--output', file);
    expect(written).toEqual({ code: 0, stdout: '', stderr: `wrote ${file} (template ${id}): edit it, then check it with: escalation-audit validate ${file}\n` });
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(await renderTemplate(id, dirname(file)));
    // The schema line: a path from the file's folder to the schema shipped in the package.
    const schema = /^# yaml-language-server: \$schema=(\.\.?\/\S+)\n/.exec(text)?.[1];
    expect(schema && resolve(dirname(file), schema)).toBe(resolve('rules/framework.schema.json'));
    const checked = await cli('validate', file);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/: OK - /);
  });

  it('refuses to overwrite an existing file: exit 2, the file untouched, --force named', async () => {
    const file = join(tmp(), 'client.yaml');
    writeFileSync(file, 'my own framework\n');
    const r = await cli('init', '--output', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}  the file already exists; init does not overwrite it`);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('my own framework\n');
  });

  it('--force overwrites, atomically (no temporary file left behind)', async () => {
    const dir = tmp();
    const file = join(dir, 'client.yaml');
    writeFileSync(file, 'my own framework\n');
    const r = await cli('init', '--template', 'tiered', '--output', file, '--force');
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(await renderTemplate('tiered', dir));
    expect(readdirSync(dir)).toEqual(['client.yaml']);
  });

  it('a directory that does not exist: exit 2 naming the file, nothing written', async () => {
    const file = join(tmp(), 'missing-dir', 'client.yaml');
    const r = await cli('init', '--output', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}  cannot write the framework: the folder does not exist\n  hint: no file was written; check the --output path`);
    expect(existsSync(file)).toBe(false);
  });

  it('an unknown template is a usage error listing the templates: exit 2', async () => {
    const r = await cli('init', '--template', 'itil');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Allowed choices are three-board, tiered, noc-first');
  });

  it('--help describes every template', async () => {
    const r = await cli('init', '--help');
    expect(r.code).toBe(0);
    for (const id of TEMPLATE_IDS) expect(r.stdout).toMatch(new RegExp(`^ {2}${id} +\\S`, 'm'));
  });
});
