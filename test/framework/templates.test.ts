import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkDocument } from '../../src/framework/file.js';
import { renderTemplate, SCHEMA_URL, TEMPLATE_IDS, templatePath } from '../../src/framework/templates.js';
import { validateFramework } from '../../src/framework/validate.js';

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

  it('as init writes it: the schema line is the URL, the rest unchanged, and it still validates', async () => {
    const rendered = await renderTemplate(id);
    expect(SCHEMA_LINE.exec(rendered)?.[1]).toBe(SCHEMA_URL);
    expect(rendered.replace(SCHEMA_LINE, '')).toBe(text.replace(SCHEMA_LINE, ''));
    const out = join(mkdtempSync(join(tmpdir(), 'ea-template-')), `${id}.yaml`);
    writeFileSync(out, rendered);
    expect((await validateFramework(out)).problems).toEqual([]);
  });
});

describe('the schema URL written by init', () => {
  it('is the raw file of rules/framework.schema.json in the repository named by package.json', () => {
    const { homepage } = JSON.parse(readFileSync('package.json', 'utf8')) as { homepage: string };
    const repo = new URL(homepage).pathname.replace(/^\/|\/$/g, '');
    expect(SCHEMA_URL).toBe(`https://raw.githubusercontent.com/${repo}/main/rules/framework.schema.json`);
  });

  it('the three templates are three different designs', () => {
    const names = TEMPLATE_IDS.map((id) => /^name: (.+)$/m.exec(readFileSync(templatePath(id), 'utf8'))?.[1]);
    expect(new Set(names).size).toBe(TEMPLATE_IDS.length);
  });
});
