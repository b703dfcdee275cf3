import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFramework } from '../../src/pipeline/framework.js';
import { largeFramework } from '../bench/large-framework.mjs';
import { cli, EXAMPLE } from '../support/cli.js';

// How long it takes is measured by `node test/bench/framework.mjs`, not here.
const dir = mkdtempSync(join(tmpdir(), 'escalation-audit-large-framework-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'large.yaml');
writeFileSync(file, largeFramework(200, 500));

describe('a framework of 200 queues and 500 rules', () => {
  it('validates clean', async () => {
    const result = await validateFramework(file);
    expect(result.problems).toEqual([]);
    expect(result.framework).toMatchObject({ queues: 200, rules: 500, enabledRules: 500 });
  });

  it('audits the bundled example (whose boards it does not know) without failing to run', async () => {
    const run = await cli('audit', ...EXAMPLE, '--framework', file, '--format', 'json', '--fail-on', 'never');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.tickets).toBe(238);
  });
});
