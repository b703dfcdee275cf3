import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, EXAMPLE } from '../support/cli.js';

const BIN = ['bin/escalation-audit.js'];
const env = { PATH: process.env.PATH, NO_COLOR: '1' };

/** The built CLI with its stdout a pipe whose reader is gone before anything is written. */
function withClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A shell line, its exit status and stderr. */
const sh = (line: string) => spawnSync('bash', ['--norc', '--noprofile', '-c', line], { env, encoding: 'utf8', timeout: 30_000 });

const quote = (args: string[]) => args.map((a) => `'${a}'`).join(' ');
const bin = (args: string[]) => `'${process.execPath}' ${quote([...BIN, ...args])}`;

describe('a closed pipe (| head): the run ends quietly, with the exit code the audit earned', () => {
  it.each<[string, number, string[]]>([
    ['validate, a valid file', 0, ['validate', 'rules/default.yaml']],
    ['validate, a broken file', 2, ['validate', 'fixtures/frameworks/bad-severity.yaml']],
    ['audit with findings at or above --fail-on', 1, ['audit', ...EXAMPLE, '-f', 'json']],
    ['audit with nothing at or above --fail-on', 0, ['audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never']],
    ['audit of clean exports', 0, ['audit', ...CLEAN]],
    ['presets', 0, ['presets']],
  ])('%s: exit %d, nothing on stderr', async (_name, code, args) => {
    expect(await withClosedPipe(args)).toEqual({ code, stderr: '' });
  });

  it('as a shell runs it: `| head -1` of a report larger than the pipe holds', () => {
    const r = sh(`${bin(['audit', ...EXAMPLE, '-f', 'json'])} | head -1; exit "\${PIPESTATUS[0]}"`);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 1, stdout: '{\n', stderr: '' });
    const v = sh(`${bin(['validate', 'rules/default.yaml', 'rules/templates/tiered.yaml'])} | head -1; exit "\${PIPESTATUS[0]}"`);
    expect({ status: v.status, stderr: v.stderr }).toEqual({ status: 0, stderr: '' });
    expect(v.stdout).toMatch(/^rules\/default\.yaml: OK/);
  });
});

describe('any other write error on stdout: exit 2, one line on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-stdout-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file that cannot grow (ulimit -f: EFBIG after the first 4 KiB)', () => {
    const out = join(dir, 'report.json');
    const r = sh(`ulimit -f 4; ${bin(['audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never'])} > '${out}'`);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: 'escalation-audit: cannot write to stdout: the file is too large (EFBIG)\n' });
    expect(readFileSync(out).length).toBe(4096);
  });

  // /dev/full is the kernel's always-full device on Linux; some sandboxes replace /dev with plain files.
  const devFull = existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice();
  it.runIf(devFull)('> /dev/full (ENOSPC)', () => {
    const r = sh(`${bin(['validate', 'rules/default.yaml'])} > /dev/full`);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: 'escalation-audit: cannot write to stdout: no space left on the device (ENOSPC)\n' });
  });

  it.each<[string, string[]]>([
    ['audit', ['audit', ...CLEAN]],
    ['validate', ['validate', 'rules/default.yaml']],
  ])('a closed stdout (>&-): %s', (_name, args) => {
    const r = sh(`${bin(args)} >&-`);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: 'escalation-audit: cannot write to stdout: stdout is closed (>&-)\n' });
  });

  it('a report meant for files only never touches a closed stdout: the run is as usual', () => {
    const out = join(dir, 'only-file.json');
    const r = sh(`${bin(['audit', ...CLEAN, '-f', 'json', '-o', out])} >&-`);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.findings).toBe(0);
  });

  it('stdout opened write-only on /dev/null (>/dev/null) is not a closed stdout', async () => {
    const fd = openSync('/dev/null', 'a');
    try {
      const r = spawnSync(process.execPath, [...BIN, 'validate', 'rules/default.yaml'], { env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    } finally {
      closeSync(fd);
    }
  });
});
