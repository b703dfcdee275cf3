import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromiumBrowser, inCi, realData, realDataIn } from './requires.js';

describe('what counts as CI', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false], ['', false], ['0', false], ['false', false], ['FALSE', false],
    ['1', true], ['true', true], ['yes', true],
  ])('CI=%j: %s', (value, expected) => {
    expect(inCi(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});

describe('resources', () => {
  it('a real export that is not in the data folder is missing, by name; no folder at all says so', () => {
    expect(realDataIn(tmpdir(), ['no-such-export.csv']).missing).toBe(`no-such-export.csv not in ${tmpdir()}`);
    expect(realDataIn('/nonexistent/data', ['x.csv']).missing).toBe('no data folder /nonexistent/data');
    expect(realDataIn(resolve('fixtures/example'), ['tickets.csv']).missing).toBeUndefined();
  });

  it('says how to point the tests at the data and the browser', () => {
    expect(realData('x.csv').howTo).toContain('ESCALATION_AUDIT_DATA=dir');
    expect(chromiumBrowser().howTo).toContain('CHROMIUM=path');
  });
});

/** Runs vitest on two groups that need a resource, with both resources hidden. */
function runHidden(ci: string): { status: number | null; out: string } {
  const env: Record<string, string | undefined> = { ...process.env, CHROMIUM: '/nonexistent/chromium', ESCALATION_AUDIT_DATA: '/nonexistent/data', CI: ci };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/report/html-chromium.test.ts', 'test/real/jira.test.ts'],
    { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

describe('groups whose resource is missing (vitest run in a child process)', () => {
  it('without CI: skipped, each with one line saying what is missing and how to run it; the run passes', () => {
    const { status, out } = runHidden('');
    expect(status, out).toBe(0);
    const lines = out.split('\n').filter((l) => l.startsWith('skipped "'));
    // Files run in parallel: the two lines may come in either order.
    expect(lines).toHaveLength(2);
    expect(lines.filter((l) => /^skipped "the HTML report in headless Chromium": no Chromium at \/nonexistent\/chromium; run it with CHROMIUM=path/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^skipped "jira-cloud-export\.csv, .*": no data folder \/nonexistent\/data; run it with ESCALATION_AUDIT_DATA=dir/.test(l))).toHaveLength(1);
    expect(out).not.toContain('required in CI');
  });

  it('with CI set: each group fails, saying it is required in CI', () => {
    const { status, out } = runHidden('1');
    expect(status, out).toBe(1);
    expect(out).toMatch(/required in CI: a Chromium browser for "the HTML report in headless Chromium": no Chromium at \/nonexistent\/chromium/);
    expect(out).toMatch(/required in CI: the real exports jira-cloud-export\.csv for "jira-cloud-export\.csv, .*": no data folder \/nonexistent\/data/);
    expect(out).toMatch(/Tests {2}2 failed/);
  });
});
