import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { cli, EXAMPLE } from '../support/cli.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ea-deliverable-'));

/** The CLI with a stdout that takes bytes (a file or a pipe), or a terminal. */
async function cliWithBytes(stdoutIsTTY: boolean, ...argv: string[]) {
  const chunks: Buffer[] = [];
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { chunks.push(Buffer.from(t)); }, stdoutBytes: (b) => { chunks.push(Buffer.from(b)); },
    stderr: (t) => { stderr += t; }, stdoutIsTTY, stderrIsTTY: false, columns: undefined, env: { NO_COLOR: '1' }, cwd: process.cwd(),
  };
  const code = await run(argv, io);
  return { code, stdout: Buffer.concat(chunks), stderr };
}

describe('--title and what heads every format', () => {
  it('is in the JSON report, with the period and the zone; the table, Markdown and HTML start with it', async () => {
    const json = JSON.parse((await cli('audit', ...EXAMPLE, '--title', 'Acme Corp - Q4 fitness check', '-f', 'json', '--fail-on', 'never')).stdout);
    expect(json).toMatchObject({ schemaVersion: '1.2', title: 'Acme Corp - Q4 fitness check', framework: { timezone: 'America/New_York' } });
    expect(json.period).toEqual({ from: expect.stringMatching(/^2026-09-21T/), to: expect.stringMatching(/^2026-10-30T/) });
    for (const [format, start] of [['table', 'Acme Corp - Q4 fitness check\n'], ['markdown', '# Acme Corp - Q4 fitness check\n']] as const) {
      const out = (await cli('audit', ...EXAMPLE, '--title', 'Acme Corp - Q4 fitness check', '-f', format, '--fail-on', 'never')).stdout;
      expect(out.startsWith(start)).toBe(true);
      expect(out).toMatch(/times in\s+America\/New(\\)?_York\)/);
      expect(out).not.toContain('fixtures/example/');
    }
  });

  it.each([['', 'expected a title'], ['a\nb', 'expected one line'], ['x'.repeat(201), 'at most 200 characters'],
    ['Acme\u001b[31mRED\u0007\u0001', 'expected printable text (letters, digits, spaces, punctuation, symbols): the title has the control character U+001B'],
    ['Acme\tCorp', 'the control character U+0009'], ['Acme\u0085', 'U+0085'], ['Acme \u202Eevil', 'U+202E']])('refuses the title %j', async (title, message) => {
    const r = await cli('audit', ...EXAMPLE, '--title', title);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('--format xlsx', () => {
  it('writes a workbook with -o, in the same transaction as the other outputs', async () => {
    const dir = folder();
    const r = await cli('audit', ...EXAMPLE, '-f', 'xlsx', '-o', join(dir, 'report.xlsx'), '-f', 'html', '-o', join(dir, 'report.html'), '--fail-on', 'never');
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(dir, 'report.xlsx'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.xlsx']);
    // The HTML names the workbook as where the full list is (when it cuts a list).
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<h1>Escalation audit</h1>');
  });

  it('is not written when another output of the run fails: nothing is renamed, no temporary file is left', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'report.xlsx'), 'old');
    const r = await cli('audit', ...EXAMPLE, '-f', 'xlsx', '-o', join(dir, 'report.xlsx'), '-f', 'csv', '-o', join(dir, 'missing', 'f.csv'), '--fail-on', 'never');
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
    expect(readFileSync(join(dir, 'report.xlsx'), 'utf8')).toBe('old');
  });

  it('refuses a terminal (and stderr) before reading anything, and writes the bytes to a stdout that is a file or a pipe', async () => {
    const tty = await cliWithBytes(true, 'audit', ...EXAMPLE, '-f', 'xlsx');
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('--format xlsx is a binary file: it is not printed on a terminal');
    expect(tty.stdout.length).toBe(0);
    const err = await cliWithBytes(false, 'audit', ...EXAMPLE, '-f', 'xlsx', '-o', '/dev/stderr');
    expect(err.code).toBe(2);
    const piped = await cliWithBytes(false, 'audit', ...EXAMPLE, '-f', 'xlsx', '--fail-on', 'never');
    expect(piped.code).toBe(0);
    expect(piped.stdout.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('a shell redirect gets a valid zip (the compiled CLI, stdout a file)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    const file = join(dir, 'out', 'r.xlsx');
    execFileSync('sh', ['-c', `node bin/escalation-audit.js audit ${EXAMPLE.join(' ')} -f xlsx --fail-on never > ${file}`]);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('long lists from the command line', () => {
  it('--findings-per-kind cuts the HTML and names the CSV written beside it; --all-findings shows every one', async () => {
    const dir = folder();
    const r = await cli('audit', ...EXAMPLE, '--findings-per-kind', '2', '-f', 'html', '-o', join(dir, 'r.html'), '-f', 'csv', '-o', join(dir, 'all.csv'), '--fail-on', 'never');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.split('<details class="finding">').length - 1).toBe(16);
    expect(html).toContain('9 more stalled findings are not shown here, the least severe and costly: the full list is in the CSV file all.csv.');
    const all = await cli('audit', ...EXAMPLE, '--all-findings', '-f', 'html', '--fail-on', 'never');
    expect(all.stdout.split('<details class="finding">').length - 1).toBe(55);
  });

  it('--findings-per-kind cuts the table too; the rest line names the JSON report written beside it', async () => {
    const dir = folder();
    const r = await cli('audit', ...EXAMPLE, '--findings-per-kind', '1', '--width', '200', '-f', 'json', '-o', join(dir, 'all.json'), '-f', 'table', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('10 more stalled findings are not shown here, the least severe and costly: the full list is in the JSON report all.json.');
  });

  // A flag that changes none of the outputs is a usage error, as --fail-on-new without --baseline is.
  it.each([
    [['-f', 'html', '--excel'], '--excel has no effect: it shapes a CSV file, and this run writes none (-f html)'],
    [['-f', 'json', '--all-findings'], '--all-findings has no effect: only HTML, Markdown and the mail leave findings out, and this run writes -f json'],
    [['--all-findings'], '(the table shows every finding unless --findings-per-kind)'],
    [['-f', 'csv', '--findings-per-kind', '2'], '--findings-per-kind has no effect: only the table, HTML, Markdown and the mail show some of the findings, and this run writes -f csv'],
    [['-f', 'html', '--findings-per-kind', '2', '--all-findings'], '--all-findings and --findings-per-kind contradict each other'],
  ])('refuses %j', async (args, message) => {
    const r = await cli('audit', ...EXAMPLE, ...args, '--fail-on', 'never');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it.each([[['-f', 'csv', '--excel']], [['-f', 'json', '-o', 'OUT', '-f', 'csv', '--excel']], [['-f', 'ndjson', '-o', 'OUT', '--findings-per-kind', '2', '-f', 'table']]])(
    'accepts %j, where the flag has an effect', async (args) => {
      const dir = folder();
      const r = await cli('audit', ...EXAMPLE, ...args.map((a) => (a === 'OUT' ? join(dir, 'out') : a)), '--fail-on', 'never');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
});
