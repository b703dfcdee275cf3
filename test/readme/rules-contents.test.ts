import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/audit/checks/index.js';

const text = readFileSync('rules/README.md', 'utf8');
const contents = text.slice(text.indexOf('## Contents'), text.indexOf('\n## ', text.indexOf('## Contents') + 1));

describe('rules/README.md', () => {
  it.each(Object.keys(checks))('has a section for %s and links it from the Contents', (id) => {
    expect(text).toContain(`\n### ${id}\n`);
    expect(contents).toContain(`[${id}](#${id})`);
  });
});
