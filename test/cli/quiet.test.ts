import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, type FormatId } from '../../src/report/formatters.js';
import { CLEAN, cli, EXAMPLE } from '../support/cli.js';

const FORMATS = Object.keys(formatters) as FormatId[];

// CLEAN has no finding at all; EXAMPLE has errors, which are news at the default --fail-on error.
describe('--quiet prints, writes and mails nothing when nothing is at or above --fail-on', () => {
  it.each(FORMATS)('--format %s on stdout', async (format) => {
    expect(await cli('audit', ...CLEAN, '-f', format, '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each(FORMATS)('--format %s to a file: no file', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-quiet-'));
    const r = await cli('audit', ...CLEAN, '-f', format, '-o', join(dir, `report.${format}`), '--quiet');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('several formats at once, and the mail (no SMTP connection is even tried)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-quiet-'));
    const r = await cli('audit', ...CLEAN, '-f', 'json', '-o', join(dir, 'r.json'), '-f', 'csv', '-o', join(dir, 'f.csv'), '-f', 'table',
      '--mail-to', 'ops@example.com', '--mail-from', 'audit@example.com', '--smtp', 'smtp://127.0.0.1:1', '--quiet');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('findings below --fail-on are not news either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-quiet-'));
    const r = await cli('audit', ...EXAMPLE, '-f', 'json', '-o', join(dir, 'r.json'), '--fail-on', 'never', '--quiet');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });

  it.each(FORMATS)('with news, --format %s is printed as usual and the exit code is 1', async (format) => {
    const quiet = await cli('audit', ...EXAMPLE, '-f', format, '--quiet');
    const loud = await cli('audit', ...EXAMPLE, '-f', format);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });
});
