import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoriesSource, frameworkSchema, readme, reportSchema, rulesReadme } from './derive.js';

// Each file as the check registry makes it. A failure means a check was added or changed without
// `npm run gen` (which runs this file with --update and so rewrites them).
describe('files derived from the check registry', () => {
  it.each<[string, (text: string) => string]>([
    ['src/model/categories.ts', () => categoriesSource()],
    ['rules/framework.schema.json', frameworkSchema],
    ['rules/report.schema.json', reportSchema],
    ['README.md', readme],
    ['rules/README.md', rulesReadme],
  ])('%s', async (file, derive) => {
    await expect(derive(readFileSync(file, 'utf8'))).toMatchFileSnapshot(resolve(file));
  });
});
