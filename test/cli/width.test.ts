import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Report } from '../../src/model/result.js';
import { localizeInstants } from '../../src/report/heading.js';
import { sanitizeForTerminal } from '../../src/report/text.js';
import { cli, EXAMPLE } from '../support/cli.js';

/** The CLI in-process, as a terminal or not, with an environment. */
async function cliAs(tty: { stdoutIsTTY: boolean; columns?: number }, env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
    stdoutIsTTY: tty.stdoutIsTTY, stderrIsTTY: false, columns: tty.columns, env: { NO_COLOR: '1', ...env }, cwd: process.cwd(),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the table: its width, and wrapping rather than cutting outside a terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-width-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let report: Report;
  const messages = async () => {
    report ??= JSON.parse((await cli('audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never')).stdout) as Report;
    // The table quotes the instants of a message in the framework's zone, as every human format does.
    return report.findings.map((f) => sanitizeForTerminal(`${localizeInstants(f.message, report.framework.timezone)}${f.summary === null ? '' : ` - "${f.summary}"`}`));
  };
  /** Every finding's message and title is in the table whole: wrapped lines hold only message text beside blank cells. */
  const holdsEveryMessage = async (table: string) => {
    const text = squeeze(table);
    for (const m of await messages()) expect(text, m).toContain(squeeze(m));
  };

  it('in a pipe: 100 columns, every message whole, no ellipsis', async () => {
    const r = await cli('audit', ...EXAMPLE, '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBe(100);
    expect(r.stdout).not.toContain('…');
    await holdsEveryMessage(r.stdout);
  });

  it.each<[string, Record<string, string>, string[], number]>([
    ['COLUMNS', { COLUMNS: '80' }, [], 80],
    ['--width', {}, ['--width', '140'], 140],
    ['--width over COLUMNS', { COLUMNS: '80' }, ['--width', '120'], 120],
  ])('%s', async (_name, env, args, width) => {
    const r = await cliAs({ stdoutIsTTY: false }, env, 'audit', ...EXAMPLE, '--fail-on', 'never', ...args);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(widest(r.stdout)).toBe(width);
    expect(r.stdout).not.toContain('…');
    await holdsEveryMessage(r.stdout);
  });

  it('the narrowest --width: every column wraps where it must, nothing is cut', async () => {
    const r = await cliAs({ stdoutIsTTY: false }, {}, 'audit', ...EXAMPLE, '--fail-on', 'never', '--width', '40');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).not.toContain('…');
    // Times and numbers are never broken, so a findings table may overflow 40 columns; a summary list
    // keeps at least 20 columns beside its 29-column label.
    expect(widest(r.stdout.slice(0, r.stdout.indexOf('Queues')))).toBeLessThanOrEqual(29 + 20);
  });

  it('on a terminal: its width, long text cut with an ellipsis; COLUMNS and --width win', async () => {
    const tty = await cliAs({ stdoutIsTTY: true, columns: 90 }, {}, 'audit', ...EXAMPLE, '--fail-on', 'never');
    expect(widest(tty.stdout)).toBe(90);
    expect(tty.stdout).toContain('…');
    expect(tty.stdout.split('\n').filter((l) => l.includes('…')).length).toBeGreaterThan(10);
    expect(widest((await cliAs({ stdoutIsTTY: true, columns: 90 }, { COLUMNS: '120' }, 'audit', ...EXAMPLE, '--fail-on', 'never')).stdout)).toBe(120);
    expect(widest((await cliAs({ stdoutIsTTY: true, columns: 90 }, {}, 'audit', ...EXAMPLE, '--fail-on', 'never', '--width', '70')).stdout)).toBe(70);
  });

  it('a file: --width, not COLUMNS (which is the terminal\'s); wrapped', async () => {
    const file = join(dir, 'report.txt');
    const r = await cliAs({ stdoutIsTTY: true, columns: 90 }, { COLUMNS: '70' }, 'audit', ...EXAMPLE, '--fail-on', 'never', '-f', 'table', '-o', file);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(widest(text)).toBe(100);
    expect(text).not.toContain('…');
    await holdsEveryMessage(text);
    await cliAs({ stdoutIsTTY: true, columns: 90 }, {}, 'audit', ...EXAMPLE, '--fail-on', 'never', '-f', 'table', '-o', file, '--width', '130');
    expect(widest(readFileSync(file, 'utf8'))).toBe(130);
  });

  it.each([['39'], ['10001'], ['wide'], ['12.5']])('--width %s: a usage error, exit 2', async (value) => {
    const r = await cli('audit', ...EXAMPLE, '--width', value);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number of columns from 40 to 10,000');
  });

  it('a COLUMNS that is not a number: one warning, 100 columns', async () => {
    const r = await cliAs({ stdoutIsTTY: false }, { COLUMNS: 'wide' }, 'audit', ...EXAMPLE, '--fail-on', 'never');
    expect(r.stderr).toBe('escalation-audit: warning: COLUMNS="wide" is not a number of columns; it is not used\n');
    expect(widest(r.stdout)).toBe(100);
  });

  it('explain and inspect take the same width and wrap alike', async () => {
    const explain = await cliAs({ stdoutIsTTY: false }, { COLUMNS: '72' }, 'explain', '48237', ...EXAMPLE);
    expect(explain.code).toBe(0);
    expect(widest(explain.stdout)).toBeLessThanOrEqual(72);
    expect(explain.stdout).not.toContain('…');
    const inspect = await cliAs({ stdoutIsTTY: false }, {}, 'inspect', ...EXAMPLE, '--width', '64');
    expect(inspect.code).toBe(0);
    expect(widest(inspect.stdout)).toBeLessThanOrEqual(64);
    expect(inspect.stdout).not.toContain('…');
  });
});
