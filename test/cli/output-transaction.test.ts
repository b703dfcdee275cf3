import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIds } from '../../src/cli/outputs.js';
import { CLEAN, cli, EXAMPLE } from '../support/cli.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ea-tx-'));

/** Copies of the clean fixtures, so a test that fails cannot harm the real ones. */
function inputs(dir: string) {
  const tickets = join(dir, 'tickets.csv');
  const history = join(dir, 'history.csv');
  copyFileSync(CLEAN[0]!, tickets);
  copyFileSync(CLEAN[1]!, history);
  const base = join(dir, 'base.yaml');
  copyFileSync('rules/default.yaml', base);
  const framework = join(dir, 'client.yaml');
  writeFileSync(framework, 'version: 1\nname: Client\nextends: base.yaml\n');
  writeFileSync(join(dir, 'boards.csv'), 'id,name\nHelp Desk,Help Desk\n');
  const mapping = join(dir, 'mapping.yaml');
  writeFileSync(mapping, 'preset: connectwise\nlookups:\n  queue: boards.csv\n');
  return { tickets, history, base, framework, mapping, lookup: join(dir, 'boards.csv') };
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('1. a full disk: every format, exit 2, nothing else replaced', () => {
  it.each(formatIds())('-f %s -o /dev/full: exit 2 "the disk is full", the other report of the run untouched', async (format) => {
    const dir = folder();
    writeFileSync(join(dir, 'r.json'), 'previous');
    const r = await cli('audit', ...EXAMPLE, '-f', 'json', '-o', join(dir, 'r.json'), '-f', format, '-o', '/dev/full', '--fail-on', 'never');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/full  cannot write the report: the disk is full');
    expect(r.stdout).toBe('');
    expect(snapshot(dir)).toEqual({ 'r.json': 'previous' });
  });
});

describe('2. an --output that is an input is refused before anything runs', () => {
  const cases: [string, (i: ReturnType<typeof inputs>) => string, string][] = [
    ['the export', (i) => i.tickets, 'export'],
    ['a --history export', (i) => i.history, 'history export'],
    ['the framework', (i) => i.framework, 'framework'],
    ['the framework it extends', (i) => i.base, 'framework'],
    ['the mapping', (i) => i.mapping, 'mapping'],
    ['a lookup table of the mapping', (i) => i.lookup, 'lookup table'],
  ];
  it.each(cases)('%s: exit 2, every file as it was', async (_name, pick, what) => {
    const dir = folder();
    const i = inputs(dir);
    const before = snapshot(dir);
    const r = await cli('audit', i.tickets, '--history', i.history, '--framework', i.framework, '--mapping', i.mapping, '-f', 'csv', '-o', pick(i));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--output is an input of this run (the ${what} `);
    expect(snapshot(dir)).toEqual(before);
  });

  it('also through a symbolic link, a hard link or another spelling of the path', async () => {
    const dir = folder();
    const i = inputs(dir);
    symlinkSync('tickets.csv', join(dir, 'soft.csv'));
    linkSync(i.tickets, join(dir, 'hard.csv'));
    const before = snapshot(dir);
    for (const out of [join(dir, 'soft.csv'), join(dir, 'hard.csv'), join(dir, '.', 'x', '..', 'tickets.csv')]) {
      if (out.includes('/x/')) mkdirSync(join(dir, 'x'), { recursive: true });
      const r = await cli('audit', i.tickets, i.history, '-o', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--output is an input of this run (the export');
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('the baseline: refused under any other format; replaced by the JSON report (the nightly rotation)', async () => {
    const dir = folder();
    const latest = join(dir, 'latest.json');
    expect((await cli('audit', ...CLEAN, '-f', 'json', '-o', latest)).code).toBe(0);
    const old = readFileSync(latest, 'utf8');
    const csv = await cli('audit', ...CLEAN, '--baseline', latest, '-f', 'csv', '-o', latest);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--output is an input of this run (the baseline');
    expect(readFileSync(latest, 'utf8')).toBe(old);
    const json = await cli('audit', ...CLEAN, '--baseline', latest, '-f', 'json', '-o', latest);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(latest, 'utf8')).summary.trend).toBeDefined();
  });
});

describe('3. devices, FIFOs and symbolic links', () => {
  it('-o /dev/null: /dev/null stays a character device', async () => {
    const r = await cli('audit', ...CLEAN, '-f', 'json', '-o', '/dev/null');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('init --force -o /dev/null: written to the device, which stays a device', async () => {
    const r = await cli('init', '--force', '-o', '/dev/null');
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a FIFO: the reader gets the report', async () => {
    const dir = folder();
    const fifo = join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const read = import('node:fs/promises').then((fs) => fs.readFile(fifo, 'utf8'));
    const r = await cli('audit', ...CLEAN, '-f', 'json', '-o', fifo);
    expect(r.code).toBe(0);
    expect(JSON.parse(await read).schemaVersion).toBeDefined();
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symbolic link: followed, the link stays a link and its target holds the new report', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'runs'));
    writeFileSync(join(dir, 'runs', 'r1.json'), 'previous');
    symlinkSync('runs/r1.json', join(dir, 'latest.json'));
    const r = await cli('audit', ...CLEAN, '-f', 'json', '-o', join(dir, 'latest.json'));
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'runs', 'r1.json'), 'utf8')).schemaVersion).toBeDefined();
    expect(readdirSync(join(dir, 'runs'))).toEqual(['r1.json']);
  });

  it('init --force on a symbolic link replaces its target', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.yaml'), 'old');
    symlinkSync('real.yaml', join(dir, 'framework.yaml'));
    expect((await cli('init', '--force', '-o', join(dir, 'framework.yaml'))).code).toBe(0);
    expect(lstatSync(join(dir, 'framework.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
  });
});

describe('4. the mail is part of the transaction', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('5.7.1 relaying denied'), { responseCode: 554 }));
      },
    });
  });
  afterAll(() => smtp.close());

  it('the nightly recipe with a mail that fails: exit 2, latest.json is still the old baseline, nothing printed', async () => {
    const dir = folder();
    const latest = join(dir, 'latest.json');
    expect((await cli('audit', ...EXAMPLE, '-f', 'json', '-o', latest, '--as-of', '2026-10-20T00:00:00Z', '--fail-on', 'never')).code).toBe(0);
    const old = readFileSync(latest, 'utf8');
    const r = await cli('audit', ...EXAMPLE, '--baseline', latest, '--fail-on', 'warn', '--fail-on-new', '--quiet', '-f', 'json', '-o', latest,
      '-f', 'csv', '-o', join(dir, 'findings.csv'), '-f', 'table',
      '--mail-to', 'leads@example.com', '--mail-from', 'audit@example.com', '--smtp', `smtp://127.0.0.1:${smtp.port}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('relaying denied');
    expect(r.stdout).toBe('');
    expect(readFileSync(latest, 'utf8')).toBe(old);
    expect(readdirSync(dir)).toEqual(['latest.json']);
  });
});

describe('5. a replaced report keeps its mode', () => {
  it('0600 stays 0600', async () => {
    const dir = folder();
    const path = join(dir, 'report.json');
    writeFileSync(path, 'previous');
    chmodSync(path, 0o600);
    expect((await cli('audit', ...CLEAN, '-f', 'json', '-o', path)).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).not.toBe('previous');
  });
});

describe('3. -o /dev/stdout is written in place (the built command)', () => {
  it('the report arrives on stdout through the pipe, exit 0', () => {
    const out = execFileSync(process.execPath, ['bin/escalation-audit.js', 'audit', ...CLEAN, '-f', 'json', '-o', '/dev/stdout'], { encoding: 'utf8' });
    expect(JSON.parse(out).schemaVersion).toBeDefined();
  });
});
