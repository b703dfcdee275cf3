import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkDocument } from '../../src/framework/file.js';
import { renderTemplate, schemaPathFrom, TEMPLATE_IDS, templatePath } from '../../src/framework/templates.js';
import { validateFramework } from '../../src/pipeline/framework.js';

const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;
const repoSchema = resolve('rules/framework.schema.json');

describe.each(TEMPLATE_IDS)('template %s', (id) => {
  const file = templatePath(id);
  const text = readFileSync(file, 'utf8');

  it('validates clean (both passes)', async () => {
    const result = await validateFramework(file);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('starts with a schema line that points at rules/framework.schema.json', () => {
    const target = SCHEMA_LINE.exec(text)?.[1];
    expect(target).toBeDefined();
    expect(resolve(dirname(file), target!)).toBe(repoSchema);
    expect(existsSync(repoSchema)).toBe(true);
  });

  it('explains itself: every queue has a purpose, every rule a description', async () => {
    const { document } = await loadFrameworkDocument(file);
    expect(Object.values(document.queues).filter((q) => !q.purpose)).toEqual([]);
    expect(document.rules.filter((r) => !r.description).map((r) => r.id)).toEqual([]);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(15);
  });

  it('as init writes it: the schema line points at the shipped schema from the file\'s folder, the rest unchanged, and it still validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-template-'));
    const rendered = await renderTemplate(id, dir);
    expect(resolve(dir, SCHEMA_LINE.exec(rendered)![1]!)).toBe(repoSchema);
    expect(rendered.replace(SCHEMA_LINE, '')).toBe(text.replace(SCHEMA_LINE, ''));
    const out = join(dir, `${id}.yaml`);
    writeFileSync(out, rendered);
    expect((await validateFramework(out)).problems).toEqual([]);
  });
});

describe('the schema path written by init', () => {
  it.each<[string, () => string, RegExp]>([
    ['the package folder', () => resolve('.'), /^\.\/rules\/framework\.schema\.json$/],
    ['its rules folder', () => resolve('rules'), /^\.\/framework\.schema\.json$/],
    ['a folder beside the package', () => resolve('..', 'client-frameworks'), /^\.\.\/[^/]+\/rules\/framework\.schema\.json$/],
    // The checkout may be under the temporary folder (a fresh clone in /tmp) or elsewhere.
    ['a temporary folder', () => tmpdir(), /^(\.\/|(\.\.\/)+).+\/rules\/framework\.schema\.json$/],
  ])('from %s: a relative path to the shipped schema', (_name, dir, shape) => {
    const path = schemaPathFrom(dir());
    expect(path).toMatch(shape);
    expect(resolve(dir(), path)).toBe(repoSchema);
  });

  it('the three templates are three different designs', () => {
    const names = TEMPLATE_IDS.map((id) => /^name: (.+)$/m.exec(readFileSync(templatePath(id), 'utf8'))?.[1]);
    expect(new Set(names).size).toBe(TEMPLATE_IDS.length);
  });
});
