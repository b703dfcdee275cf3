import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { cli } from '../support/cli.js';

// Ticket titles, ids and board names typed by end users, carrying: clear screen, window-title OSC, cursor
// up + erase line, BEL, CR, hidden text, a C1 CSI, bidi override, backspace and an OSC 8 hyperlink.
const FIXTURE = 'fixtures/hostile/terminal-escapes.csv';

// What a terminal acts on, besides the line break: C0, DEL, C1, and the bidi overrides and isolates.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// The colors the table paints itself (SGR), which are the only escapes allowed on a terminal.
const SGR = /\u001b\[[0-9;]*m/g;

async function onTerminal(...argv: string[]): Promise<string> {
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; }, stderr: () => {}, stdoutIsTTY: true, columns: 160, env: { FORCE_COLOR: '1' }, cwd: process.cwd(),
  };
  await run(argv, io);
  return stdout;
}

describe('terminal safety: data cannot drive the terminal through the table', () => {
  it('the fixture really carries escape sequences and control characters', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    for (const s of ['\u001b[2J', '\u001b]0;', '\u0007', '\u001b[1A', '\r return', '\u009b', '\u202e', '\b', '\u001b]8;;']) {
      expect(text).toContain(s);
    }
  });

  it('not a TTY: no control character in stdout but line breaks, and every ticket is still there', async () => {
    // Open rows untouched since 1 October: stalled (warn), a fact a ticket list shows.
    const r = await cli('audit', FIXTURE, '--fail-on', 'warn');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ACTIVE);
    for (const id of ['60001', '60002', '60003', '60004', '60005', '60006', '60007']) expect(r.stdout).toContain(id);
  });

  it('a TTY with forced colors: only the table\'s own colors, nothing from the data', async () => {
    const stdout = await onTerminal('audit', FIXTURE);
    expect(stdout).toMatch(SGR);
    expect(stdout.replace(SGR, '')).not.toMatch(ACTIVE);
    expect(stdout).toContain('Printer jam');
  });

  it('the JSON report keeps the values as they were (escaped by JSON, never altered)', async () => {
    const r = await cli('audit', FIXTURE, '--format', 'json');
    const summaries = JSON.parse(r.stdout).findings.map((f: { summary: string | null }) => f.summary);
    expect(summaries).toContain('VPN down \u001b]0;owned window title\u0007 after update');
  });
});

// What a terminal would act on in stderr, besides the line break.
const STDERR_ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e';

describe('terminal safety: flag values quoted in stderr (item 9)', () => {
  it.each<[string, string[]]>([
    ['an invalid --format choice', ['audit', 'x.csv', '-f', `json${ESC}`]],
    ['an invalid --as-of', ['audit', 'x.csv', '--as-of', `2026${ESC}`]],
    ['an unknown option', ['audit', `--bogus${ESC}`]],
    ['an unknown command', [`aud${ESC}it`]],
    ['an invalid --fail-on', ['audit', 'x.csv', '--fail-on', `warn${ESC}`]],
    ['an address with escapes', ['audit', 'x.csv', '--mail-to', `a${ESC}@x`]],
    ['a --max-errors that is not a number', ['audit', 'x.csv', '--max-errors', `1${ESC}`]],
  ])('%s: exit 2, stderr has no escape sequence or control character', async (_name, argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(STDERR_ACTIVE);
  });

  it('a file name with escapes in the message init prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-term-'));
    const r = await cli('init', '-o', join(dir, `f${ESC}.yaml`));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote ');
    expect(r.stderr).not.toMatch(STDERR_ACTIVE);
  });
});
