import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/audit/checks/index.js';
import { DOCS_BASE, docsUrl } from '../../src/audit/docs.js';
import { CATEGORIES } from '../../src/model/finding.js';

const reference = readFileSync('rules/README.md', 'utf8');
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
const anchors = new Set([...reference.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!)));

describe('the check registry', () => {
  it('has one check per finding category, keyed by its id', () => {
    expect(Object.keys(checks).sort()).toEqual([...CATEGORIES].sort());
    for (const [id, check] of Object.entries(checks)) expect(check.id).toBe(id);
  });

  it.each(Object.keys(checks))('%s has a documentation section that its docs URL points at', (id) => {
    expect(anchors).toContain(id);
    expect(docsUrl(id as never)).toBe(`${DOCS_BASE}#${id}`);
  });

  it.each(Object.values(checks).map((c) => [c.id, Object.keys(c.options)] as const))('%s: its section documents exactly its keys', (id, keys) => {
    const section = reference.split(/^#{2,3} /m).find((s) => slug(s.split('\n')[0]!) === id)!;
    const documented = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(keys);
  });

  it('docs live under the package homepage', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(DOCS_BASE.startsWith(pkg.homepage)).toBe(true);
  });

  it.each([
    ['rules/default.yaml', 'the-rules-of-the-default-framework'],
    ['rules/templates/tiered.yaml', 'the-rules-of-the-tiered-template'],
    ['rules/templates/noc-first.yaml', 'the-rules-of-the-noc-first-template'],
  ])('documents every rule id of %s in its own section', (file, anchor) => {
    const ids = [...readFileSync(file, 'utf8').matchAll(/^\s+- id: (\S+)/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect(anchors).toContain(anchor);
    const section = reference.split(/^## /m).find((s) => slug(s.split('\n')[0]!) === anchor)!;
    for (const id of ids) expect(section).toContain(`| \`${id}\` |`);
  });
});
