import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/model/finding.js';
import { CLEAN, cli, EXAMPLE } from '../support/cli.js';

describe('escalation-audit audit (end to end, in-process)', () => {
  it('a clean export: exit 0, a table on stdout, nothing on stderr', async () => {
    const r = await cli('audit', ...CLEAN);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('MSP three-board (default)');
    expect(r.stdout).toMatch(/no findings/i);
  });

  it('findings at or above --fail-on (default error): exit 1', async () => {
    const r = await cli('audit', ...EXAMPLE);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('under-escalated');
  });

  it('--fail-on never: exit 0 with the same report', async () => {
    const failing = await cli('audit', ...EXAMPLE);
    const r = await cli('audit', ...EXAMPLE, '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(failing.stdout);
  });

  it('an unknown flag is a usage error: exit 2, never 1', async () => {
    const r = await cli('audit', ...CLEAN, '--no-such-flag');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
    expect(r.stdout).toBe('');
  });

  it('an invalid --fail-on value is a usage error listing the valid ones', async () => {
    const r = await cli('audit', ...CLEAN, '--fail-on', 'fatal');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error, warn, info, never/);
  });

  it('a missing export file: exit 2 naming the file, no stack trace', async () => {
    const r = await cli('audit', 'fixtures/cli/does-not-exist.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/cli/does-not-exist.csv');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a broken framework: exit 2 with every problem at file:line:col', async () => {
    const r = await cli('audit', ...CLEAN, '--framework', 'fixtures/cli/broken-framework.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/cli/broken-framework.yaml:10:5');
    expect(r.stderr).toMatch(/did you mean "severity"/);
    expect(r.stderr).toMatch(/30 minutes/);
    expect(r.stdout).toBe('');
  });

  it('dates whose day/month order nothing settles: exit 2 naming the option, never a guess', async () => {
    const r = await cli('audit', 'fixtures/cli/ambiguous-dates.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/cli/ambiguous-dates.csv (column "Date Entered")');
    expect(r.stderr).toContain('--month-first');
    const settled = await cli('audit', 'fixtures/cli/ambiguous-dates.csv', '--month-first', '--format', 'json');
    expect(settled.code).toBe(0);
    expect(JSON.parse(settled.stdout).findings).toEqual([]);
    const dayFirst = await cli('audit', 'fixtures/cli/ambiguous-dates.csv', '--day-first', '--format', 'json');
    // Day-first reads 10/6/2026 2:25 AM (the latest change) as 10 June, 02:25 EDT.
    expect(JSON.parse(dayFirst.stdout).asOf).toBe('2026-06-10T06:25:00.000Z');
  });

  it('--day-first and --month-first together are a usage error', async () => {
    const r = await cli('audit', ...CLEAN, '--day-first', '--month-first');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used with/);
  });

  it('--format json: the report contract with every category key', async () => {
    const r = await cli('audit', ...CLEAN, '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'asOf', 'framework', 'inputs', 'notes', 'summary', 'rules', 'title', 'period', 'fit', 'findings']);
    expect(Object.keys(report.summary.byCategory).sort()).toEqual([...CATEGORIES].sort());
    expect(report.summary).toMatchObject({ tickets: 3, events: 8, findings: 0 });
    expect(report.inputs).toEqual([
      { file: CLEAN[0], format: 'csv', preset: 'connectwise', role: 'tickets', encoding: 'utf-8', rows: 3, tickets: 3 },
      { file: CLEAN[1], format: 'csv', preset: 'connectwise', role: 'history', encoding: 'utf-8', rows: 8, tickets: 3 },
    ]);
    expect(report.asOf).toBe('2026-10-14T06:25:00.000Z');
  });

  it('--as-of moves the audit: open tickets are judged up to it', async () => {
    const r = await cli('audit', ...CLEAN, '--format', 'json', '--as-of', '2026-10-13T13:05:00Z');
    const report = JSON.parse(r.stdout);
    expect(report.asOf).toBe('2026-10-13T13:05:00.000Z');
    // Only 50001 (opened 09:00 EDT, in progress since 09:03) exists by then; it is judged as open.
    expect(report.summary.tickets).toBe(1);
    expect(report.summary.queues.find((q: { queue: string }) => q.queue === 'triage')).toMatchObject({ tickets: 1, medianBusinessMinutes: 5 });
  });

  it('a malformed --as-of is a usage error', async () => {
    const r = await cli('audit', ...CLEAN, '--as-of', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ISO-8601');
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-'));
    const out = join(dir, 'report.json');
    const r = await cli('audit', ...EXAMPLE, '--format', 'json', '--output', out, '--fail-on', 'never');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.tickets).toBe(238);
  });

  it('a failed run leaves an existing --output file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-'));
    const out = join(dir, 'report.json');
    writeFileSync(out, 'previous report');
    const r = await cli('audit', 'fixtures/cli/does-not-exist.csv', '--output', out);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous report');
    expect(existsSync(join(dir, 'report.json'))).toBe(true);
  });

  it('--quiet prints nothing when nothing is at or above --fail-on', async () => {
    const r = await cli('audit', ...CLEAN, '--quiet');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const noisy = await cli('audit', ...EXAMPLE, '--quiet');
    expect(noisy.code).toBe(1);
    expect(noisy.stdout).not.toBe('');
  });

  it('the same inputs give a byte-identical report', async () => {
    const a = await cli('audit', ...EXAMPLE, '--format', 'json');
    const b = await cli('audit', ...[...EXAMPLE].reverse(), '--format', 'json');
    const strip = (s: string) => { const r = JSON.parse(s); r.inputs = []; return JSON.stringify(r); };
    expect(a.stdout).toBe((await cli('audit', ...EXAMPLE, '--format', 'json')).stdout);
    expect(strip(b.stdout)).toBe(strip(a.stdout));
  });
});

describe('escalation-audit --help / --version', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const r = await cli('--version');
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help shows the commands and examples, exit 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('audit [options] <export...>');
    expect(r.stdout).toContain('Examples:');
  });
});
