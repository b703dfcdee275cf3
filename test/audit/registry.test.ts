import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/audit/checks/index.js';
import { DOCS_BASE, docsUrl } from '../../src/audit/docs.js';
import { CATEGORIES } from '../../src/model/finding.js';

const reference = readFileSync('rules/README.md', 'utf8');
const anchors = new Set([...reference.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));

describe('the check registry', () => {
  it('has one check per finding category, keyed by its id', () => {
    expect(Object.keys(checks).sort()).toEqual([...CATEGORIES].sort());
    for (const [id, check] of Object.entries(checks)) expect(check.meta.id).toBe(id);
  });

  it.each(Object.keys(checks))('%s has a documentation section that its docs URL points at', (id) => {
    expect(anchors).toContain(id);
    expect(docsUrl(id as never)).toBe(`${DOCS_BASE}#${id}`);
  });

  it('docs live under the package homepage', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(DOCS_BASE.startsWith(pkg.homepage)).toBe(true);
  });

  it('documents every rule id of the default framework', () => {
    const ids = [...readFileSync('rules/default.yaml', 'utf8').matchAll(/^\s+- id: (\S+)/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(reference).toContain(`| \`${id}\` |`);
  });
});
