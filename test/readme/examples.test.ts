import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import { loadFrameworkDocument } from '../../src/framework/file.js';
import { parseMapping } from '../../src/ingest/mapping.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { cli, EXAMPLE } from '../support/cli.js';
import { commandOnPath, dataFile, describeWith, realData } from '../support/requires.js';
import { leaves, parseMime, startSmtp, type TestSmtp } from '../support/smtp.js';
import { codeBlocks, crontabCommand, shellCommands, whenAlternatives, type Block } from './blocks.js';

// Every code block of README.md and rules/README.md, run as a reader would, or listed with the
// reason it cannot be. A block nobody classified fails the first test, so a new example is never
// left untried. Generic file names in the README's commands (tickets.csv, history.csv, export.csv,
// client.yaml, ...) stand for the bundled example in a scratch folder.

const REPO = resolve('.');
const FILES = ['README.md', 'rules/README.md'];
const all = FILES.flatMap((f) => codeBlocks(f));

type Kind = 'shell' | 'crontab' | 'mapping' | 'framework' | 'conditions' | 'extends' | 'library' | 'output' | 'not run';
interface Entry {
  file: string;
  /** The block's first line (and, when two blocks share it, a piece of its text). */
  first: string;
  contains?: string;
  kind: Kind;
  /** Why a block (or a command in it) is not run. */
  reason?: string;
  needsJq?: boolean;
}

const CLASSIFIED: Entry[] = [
  { file: 'README.md', first: 'npm install && npm start     # installs, builds, audits the bundled example with the built-in framework', kind: 'shell',
    reason: '`npm install` and `npm test` are not run from inside the suite (the registry; the suite itself): the bare-clone check runs them. `npm start` is run: its script is checked and its audit step run' },
  { file: 'README.md', first: 'npm pack && npm install -g ./escalation-audit-0.1.0.tgz', kind: 'shell',
    reason: '`npm install -g` would change the machine: the tarball `npm pack` makes is checked to be the one the line installs, holding the CLI' },
  { file: 'README.md', first: 'escalation-audit audit tickets.csv history.csv -f html -o report.html -f csv -o findings.csv -f table', kind: 'shell' },
  { file: 'README.md', first: '# 06:00 every day: mail the report when a finding new since yesterday is at or above warn (each', kind: 'crontab' },
  { file: 'README.md', first: '# One finding per row, a byte order mark so Excel reads UTF-8; cells that a spreadsheet would run as', kind: 'shell', needsJq: true },
  { file: 'README.md', first: 'client.yaml:9:5  unknown key "purpse", did you mean "purpose"? (queues.support.purpse; expected one of: tier, purpose, match, matchTier, calendar, entry, byTeam)', kind: 'output' },
  { file: 'README.md', first: '{ schemaVersion, tool: {name, version}, valid, problems,', kind: 'not run',
    reason: 'the shape of `validate --format json` in words, not a document: the contract is tested in test/cli/validate.test.ts' },
  { file: 'README.md', first: 'escalation-audit explain 48237 tickets.csv ticket-history.csv', kind: 'shell' },
  { file: 'README.md', first: 'escalation-audit fit tickets.csv history.csv', kind: 'shell' },
  { file: 'README.md', first: 'Framework fit', contains: 'level-1-time-limit', kind: 'output' },
  { file: 'README.md', first: 'escalation-audit inspect export.csv', kind: 'shell' },
  { file: 'README.md', first: '{', contains: '"schemaVersion": "1.0"', kind: 'output' },
  { file: 'README.md', first: 'preset: connectwise          # optional base to extend', kind: 'mapping' },
  { file: 'README.md', first: '{ schemaVersion, tool: {name, version}, asOf, framework: {name, source, timezone},', kind: 'not run',
    reason: 'the shape of the JSON report in words, not a document: rules/report.schema.json is checked against real reports in test/report/report-schema.test.ts' },
  { file: 'README.md', first: 'escalation-audit audit tickets.csv history.csv -f ndjson --fail-on never | jq -r \'select(.severity=="error") | .ticket\'', kind: 'shell', needsJq: true },
  { file: 'README.md', first: 'escalation-audit audit tickets.csv history.csv -f csv --excel -o findings.csv --fail-on never', kind: 'shell' },
  { file: 'README.md', first: 'escalation-audit audit tickets.csv history.csv --title "Acme Corp - Q4 fitness check" --by assignee \\', kind: 'shell' },
  { file: 'README.md', first: "import { auditExports, formatters } from 'escalation-audit';", kind: 'library' },
  { file: 'README.md', first: "import { audit, buildReport, latestInstant, loadExports, loadFramework } from 'escalation-audit';", kind: 'library' },
  { file: 'README.md', first: 'bin/escalation-audit.js   shim: runs src/cli/main.ts (compiled to dist/)', kind: 'output' },
  { file: 'rules/README.md', first: 'calendars:', kind: 'framework' },
  { file: 'rules/README.md', first: 'clientCalendars:', kind: 'framework' },
  { file: 'rules/README.md', first: 'queues:', contains: 'purpose: User-facing front line.', kind: 'framework' },
  { file: 'rules/README.md', first: 'queues:', contains: 'matchTier: [L1, /^tier ?1$/i]', kind: 'framework' },
  { file: 'rules/README.md', first: 'queues:', contains: 'byTeam: true', kind: 'framework' },
  { file: 'rules/README.md', first: 'queues:', contains: 'entry: true', kind: 'framework' },
  { file: 'rules/README.md', first: 'rules:', contains: 'maxTotal', kind: 'framework' },
  { file: 'rules/README.md', first: 'never-fires.yaml:10:5  warning: rule "misrouted" can never fire: misrouted compares the queue with where routing puts the work, and the framework has no routing (rules[1])', kind: 'output' },
  { file: 'README.md', first: 'client-mapping.yaml:4:10  columns.queue: no column "Bord" in tickets.csv, did you mean "Board"?', kind: 'output' },
  { file: 'rules/README.md', first: 'routing:', kind: 'framework' },
  { file: 'rules/README.md', first: 'costs:', kind: 'framework' },
  { file: 'rules/README.md', first: 'priorities:', kind: 'framework' },
  { file: 'rules/README.md', first: 'when: { field: source, in: [Monitoring, RMM] }          # canonical field', kind: 'conditions' },
  { file: 'rules/README.md', first: 'when: { fact: timeInQueue, gt: 2h }                     # running time in the current queue', kind: 'conditions' },
  { file: 'rules/README.md', first: 'rules:', contains: 'unique; shown in every finding', kind: 'framework' },
  { file: 'rules/README.md', first: '# clients/acme.yaml', kind: 'extends' },
  { file: 'rules/README.md', first: 'client.yaml:16:12  invalid `after` (rules[0].after; found "half an hour"; expected a duration like 30m, 4h, 1h30m, 3d)', kind: 'output' },
];

const matches = (e: Entry, b: Block) => e.file === b.file && e.first === b.first && (e.contains === undefined || b.text.includes(e.contains));
const blockOf = (e: Entry): Block => {
  const found = all.filter((b) => matches(e, b));
  if (found.length !== 1) throw new Error(`${e.file}: ${found.length} blocks start with ${JSON.stringify(e.first)}`);
  return found[0]!;
};
const find = (file: string, first: string, contains?: string) => blockOf(CLASSIFIED.find((e) => e.file === file && e.first === first
  && (contains === undefined || e.contains === contains))!);

describe('the code blocks of README.md and rules/README.md', () => {
  it('each is classified exactly once, and each classification names a block', () => {
    const unclassified = all.filter((b) => CLASSIFIED.filter((e) => matches(e, b)).length !== 1)
      .map((b) => `${b.file}:${b.line} [${b.lang}] ${b.first}`);
    expect(unclassified, 'classify the new block in test/readme/examples.test.ts').toEqual([]);
    for (const e of CLASSIFIED) expect(() => blockOf(e)).not.toThrow();
  });

  it('a block that is not run says why', () => {
    expect(CLASSIFIED.filter((e) => e.kind === 'not run' && !e.reason)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Shell commands, in a scratch folder where the README's file names are the bundled example.

const work = mkdtempSync(join(tmpdir(), 'ea-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const shim = join(work, 'bin');
const sandbox = join(work, 'sandbox');
const env = { PATH: `${shim}:${process.env.PATH}`, NO_COLOR: '1', HOME: work };

/** Runs a command line as bash does, in `cwd`. */
function sh(command: string, cwd: string) {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', command], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** {@link sh} without blocking this process: the SMTP server the command talks to runs in it. */
function shAsync(command: string, cwd: string): Promise<ReturnType<typeof sh>> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', command], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  mkdirSync(shim);
  // `escalation-audit` as `npm install -g` would put it on the PATH: the built CLI of this checkout.
  writeFileSync(join(shim, 'escalation-audit'), `#!/bin/sh\nexec '${process.execPath}' '${join(REPO, 'bin/escalation-audit.js')}' "$@"\n`);
  chmodSync(join(shim, 'escalation-audit'), 0o755);
  mkdirSync(sandbox);
  const [tickets, history] = EXAMPLE.map((f) => join(REPO, f)) as [string, string];
  for (const name of ['tickets.csv']) copyFileSync(tickets, join(sandbox, name));
  for (const name of ['ticket-history.csv', 'history.csv', 'audit.csv', 'export.csv']) copyFileSync(history, join(sandbox, name));
  // client.yaml as the framework reference says to start one.
  const init = sh('escalation-audit init --output client.yaml', sandbox);
  expect(init.status, init.stderr).toBe(0);
});

/** Runs every command of a shell block in the sandbox: each runs (exit 0, or 1 for findings), nothing on stderr. */
function runShell(block: Block, skip: (command: string) => boolean = () => false): Record<string, ReturnType<typeof sh>> {
  const out: Record<string, ReturnType<typeof sh>> = {};
  for (const command of shellCommands(block.text)) {
    if (skip(command)) continue;
    const r = sh(command, sandbox);
    expect([0, 1], `${command}\n${r.stderr}`).toContain(r.status);
    expect(r.stderr, command).toBe('');
    out[command] = r;
  }
  return out;
}

describe('README shell examples', () => {
  it('quick start: `npm start` is the audit of the bundled example, and runs', () => {
    const block = find('README.md', 'npm install && npm start     # installs, builds, audits the bundled example with the built-in framework');
    expect(shellCommands(block.text)).toEqual(['npm install && npm start     # installs, builds, audits the bundled example with the built-in framework',
      'npm test                     # the test suite']);
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['test']).toBe('vitest run');
    const start = /^npm run build --silent && (node bin\/escalation-audit\.js .+)$/.exec(scripts['start']!)?.[1];
    expect(start).toBe('node bin/escalation-audit.js audit fixtures/example/tickets.csv fixtures/example/ticket-history.csv --fail-on never');
    // The build is pretest's; its audit step, as npm start runs it.
    const r = sh(start!.replace(/^node /, `'${process.execPath}' `), REPO);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toContain('Framework: MSP three-board (default)\nPeriod covered: 2026-09-21 09:14 Mon to 2026-10-30 17:52 Fri; as of 2026-10-30 17:52 Fri');
    expect(r.stdout).toContain('findings                     55 (9 error, 36 warn, 10 info)');
  });

  it('installing the command: the tarball npm pack makes is the one the line installs, with the CLI in it', () => {
    const block = find('README.md', 'npm pack && npm install -g ./escalation-audit-0.1.0.tgz');
    const [install, audit] = shellCommands(block.text);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'silent' } });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    expect(install).toBe(`npm pack && npm install -g ./${filename}`);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['bin/escalation-audit.js', 'dist/index.js', 'dist/cli/main.js', 'rules/default.yaml', 'rules/framework.schema.json']));
    const r = sh(audit!, sandbox);
    expect(r).toMatchObject({ status: 1, stderr: '' });
    expect(r.stdout).toContain('tickets.csv (connectwise tickets, 238 tickets)');
  });

  it('several formats at once', () => {
    const [r] = Object.values(runShell(find('README.md', 'escalation-audit audit tickets.csv history.csv -f html -o report.html -f csv -o findings.csv -f table')));
    expect(r!.status).toBe(1);
    expect(r!.stdout).toContain('Summary');
    expect(readFileSync(join(sandbox, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(join(sandbox, 'findings.csv'), 'utf8')).toMatch(/^id,ticket,summary,/);
  });

  it('explain', () => {
    const runs = runShell(find('README.md', 'escalation-audit explain 48237 tickets.csv ticket-history.csv'));
    const [table, json] = Object.values(runs);
    expect(table!.stdout).toMatch(/^Ticket 48237 - QuickBooks will not open company file/);
    expect(JSON.parse(json!.stdout)).toMatchObject({ ticket: { id: '48237' } });
  });

  it('inspect', () => {
    const [table, json] = Object.values(runShell(find('README.md', 'escalation-audit inspect export.csv')));
    expect(table!.stdout).toContain('export.csv');
    expect(JSON.parse(json!.stdout)).toMatchObject({ tickets: 238, files: [{ role: 'tickets' }, { role: 'history' }] });
  });

  it('CSV for Excel', () => {
    runShell(find('README.md', 'escalation-audit audit tickets.csv history.csv -f csv --excel -o findings.csv --fail-on never'));
    expect(readFileSync(join(sandbox, 'findings.csv'), 'utf8')).toMatch(/^\uFEFFid,ticket,summary,/);
  });
});

describeWith(commandOnPath('jq', 'apt-get install -y jq'), 'README shell examples that pipe into jq', () => {
  it('spreadsheets: the October findings for Excel, and the queue metrics through jq', () => {
    const [csv, metrics] = Object.values(runShell(find('README.md', '# One finding per row, a byte order mark so Excel reads UTF-8; cells that a spreadsheet would run as')));
    expect(csv!.status).toBe(0);
    expect(readFileSync(join(sandbox, 'october-findings.csv'), 'utf8')).toMatch(/^\uFEFFid,ticket,/);
    expect(metrics!.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^"noc",102,/), expect.stringMatching(/^"triage",126,/), expect.stringMatching(/^"support",88,/)]);
  });

  it('ndjson through jq', () => {
    const [r] = Object.values(runShell(find('README.md', 'escalation-audit audit tickets.csv history.csv -f ndjson --fail-on never | jq -r \'select(.severity=="error") | .ticket\'')));
    expect(r!.stdout.trim().split('\n')).toHaveLength(9);
    expect(r!.stdout).toContain('48237');
  });
});

// ---------------------------------------------------------------------------------------------
// The nightly cron job, twice and more, in an empty folder, against a real SMTP server.

describe('README: the nightly cron job', () => {
  let smtp: TestSmtp;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(() => smtp?.close());

  /** The example's first tickets (ids below 48400) and their history: the exports of an earlier night. */
  function earlierExports(dir: string) {
    const records = (file: string) => readFileSync(file, 'utf8').split(/\r?\n(?=\d+,)/);
    for (const [from, to] of [[EXAMPLE[0]!, 'tickets.csv'], [EXAMPLE[1]!, 'history.csv']] as const) {
      const [header, ...rows] = records(from);
      writeFileSync(join(dir, 'exports', to), [header, ...rows.filter((r) => Number(r.slice(0, r.indexOf(','))) < 48400)].join('\n'));
    }
  }

  it('first night: no baseline yet, a first audit, every finding new and mailed; then only what is new', async () => {
    const { schedule, command } = crontabCommand(find('README.md', '# 06:00 every day: mail the report when a finding new since yesterday is at or above warn (each').text);
    expect(schedule).toBe('0 6 * * *');
    const night = mkdtempSync(join(work, 'srv-audit-'));
    mkdirSync(join(night, 'exports'));
    earlierExports(night);
    // The recipe as written, but in this folder and with this SMTP server.
    expect(command).toContain('cd /srv/audit && ');
    expect(command).toContain('SMTP_URL=smtp://mail.example.com:587 ');
    const line = command.replace('cd /srv/audit', `cd '${night}'`).replace('smtp://mail.example.com:587', `smtp://127.0.0.1:${smtp.port}`);
    const latest = join(night, 'reports', 'latest.json');
    const mailed = () => smtp.received.length;

    const first = await shAsync(line, tmpdir());
    expect(first.stderr).toBe('escalation-audit: no baseline report at reports/latest.json yet: a first audit, every finding is new\n');
    expect(first).toMatchObject({ status: 1, stdout: '' });
    const night1 = JSON.parse(readFileSync(latest, 'utf8')) as Report;
    expect(night1.findings.length).toBeGreaterThan(10);
    expect(night1.findings.every((f) => f.status === 'new')).toBe(true);
    expect(mailed()).toBe(1);
    const firstMail = mailedFindings(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['servicedesk-leads@example.com']);
    expect(firstMail.map((f) => [f.id, f.status])).toEqual(night1.findings.map((f) => [f.id, 'new']));

    // Second night, the same exports: nothing new, so nothing is mailed, printed or written.
    const before = readFileSync(latest, 'utf8');
    const second = await shAsync(line, tmpdir());
    expect(second).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(mailed()).toBe(1);
    expect(readFileSync(latest, 'utf8')).toBe(before);

    // A later night with more tickets: mailed, the new findings marked new, the others persisting.
    for (const [from, to] of [[EXAMPLE[0]!, 'tickets.csv'], [EXAMPLE[1]!, 'history.csv']] as const) copyFileSync(from, join(night, 'exports', to));
    const third = await shAsync(line, tmpdir());
    expect(third).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(mailed()).toBe(2);
    const night3 = JSON.parse(readFileSync(latest, 'utf8')) as Report;
    const known = new Set(night1.findings.map((f) => f.id));
    const fresh = night3.findings.filter((f) => !known.has(f.id)).map((f) => f.id);
    expect(fresh.length).toBeGreaterThan(0);
    const thirdMail = mailedFindings(smtp.received[1]!.raw);
    expect(thirdMail.filter((f) => f.status === 'new').map((f) => f.id)).toEqual(fresh);
    expect(thirdMail.filter((f) => f.status === 'persisting').every((f) => known.has(f.id))).toBe(true);
    expect(parseMime(smtp.received[1]!.raw).headers.subject).toContain(`, ${fresh.length} new,`);
  });

  it('a baseline path that exists but cannot be read is still exit 2', async () => {
    const night = mkdtempSync(join(work, 'srv-audit-'));
    mkdirSync(join(night, 'exports'));
    earlierExports(night);
    mkdirSync(join(night, 'reports', 'latest.json'), { recursive: true });
    const { command } = crontabCommand(find('README.md', '# 06:00 every day: mail the report when a finding new since yesterday is at or above warn (each').text);
    const r = await shAsync(command.replace('cd /srv/audit', `cd '${night}'`).replace('smtp://mail.example.com:587', `smtp://127.0.0.1:${smtp.port}`), tmpdir());
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'escalation-audit: reports/latest.json  is a directory, not a baseline report\n' });
  });
});

/** The findings of a mailed report, from its CSV attachment: id and status. */
function mailedFindings(raw: string): Pick<Finding, 'id' | 'status'>[] {
  const csv = leaves(parseMime(raw)).find((p) => /attachment/.test(p.headers['content-disposition'] ?? ''))!.body;
  const rows = parseCsv(csv, { bom: true, columns: true }) as { id: string; status: string }[];
  return rows.map((r) => ({ id: r.id, status: r.status as Finding['status'] }));
}

// ---------------------------------------------------------------------------------------------
// YAML: the mapping, and every framework example merged over a base and used on the example.

describe('README: the mapping file', () => {
  it('reads an export as written: the quoted "Ticket #" is the id column, lookups relative to the mapping file', async () => {
    const block = find('README.md', 'preset: connectwise          # optional base to extend');
    const dir = mkdtempSync(join(work, 'mapping-'));
    writeFileSync(join(dir, 'mapping.yaml'), block.text);
    for (const f of ['groups.csv', 'statuses.json']) copyFileSync(join(REPO, 'fixtures/readme', f), join(dir, f));
    expect(parseMapping(block.text, join(dir, 'mapping.yaml')).columns.id).toBe('Ticket #');
    const r = await cli('audit', 'fixtures/readme/board-history.csv', '--mapping', join(dir, 'mapping.yaml'), '-f', 'json', '--fail-on', 'never');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.inputs).toEqual([expect.objectContaining({ preset: 'connectwise', role: 'history', rows: 8, tickets: 3 })]);
    // Board ids named by groups.csv: Help Desk is triage, Support is support; an id no table names stays as it is.
    expect(report.summary.queues.map((q) => [q.queue, q.tickets])).toEqual([['noc', 0], ['triage', 3], ['support', 1], ['36000999', 1]]);
    expect(report.notes).toContain('queues the framework does not know (not judged by queue rules): "36000999" (1 tickets)');
    expect(report.findings.map((f) => [f.ticket, f.rule])).toEqual([['5001', 'triage-time-limit']]);
  });
});

const base = join(work, 'framework-base.yaml');
beforeAll(() => copyFileSync('fixtures/readme/base.yaml', base));

/** A fragment of a framework, as a file that extends the examples' base: loaded (both passes), then used on the example. */
async function useFragment(text: string, name: string) {
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, `version: 1\nname: README ${name}\nextends: ${base}\n${text}`);
  const loaded = await loadFrameworkDocument(file);
  const r = await cli('audit', ...EXAMPLE, '--framework', file, '-f', 'json', '--fail-on', 'never');
  expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
  return { document: loaded.document as unknown as Record<string, unknown>, report: JSON.parse(r.stdout) as Report };
}

/** What the fragment sets is in the merged framework: mappings key by key, rules by id, other lists whole. */
function expectContained(part: unknown, whole: unknown, path: string): void {
  if (Array.isArray(part) && part.every((x) => x && typeof x === 'object' && 'id' in x)) {
    for (const item of part as { id: string }[]) {
      const match = (whole as { id: string }[]).find((w) => w.id === item.id);
      expect(match, `${path}: ${item.id}`).toBeDefined();
      expectContained(item, match, `${path}.${item.id}`);
    }
  } else if (part && typeof part === 'object' && !Array.isArray(part)) {
    for (const [k, v] of Object.entries(part)) expectContained(v, (whole as Record<string, unknown>)?.[k], `${path}.${k}`);
  } else {
    expect(whole, path).toEqual(part);
  }
}

describe('rules/README.md: the framework examples', () => {
  it.each(CLASSIFIED.filter((e) => e.kind === 'framework').map((e) => [`${e.first}${e.contains ? ` (${e.contains})` : ''}`, e] as const))(
    '%s: merged over a base, validated, and used on the example', async (_name, entry) => {
      const block = blockOf(entry);
      const { document } = await useFragment(block.text, `fragment-${block.line}`);
      expectContained(parse(block.text), document, 'framework');
    });

  it.each(CLASSIFIED.filter((e) => e.kind === 'conditions').map((e) => [e.first, e] as const))('conditions, each used as a rule\'s `when`: %s', async (_name, entry) => {
    const block = blockOf(entry);
    const alternatives = whenAlternatives(block.text);
    expect(alternatives.length).toBeGreaterThan(2);
    for (const [i, alternative] of alternatives.entries()) {
      const { when } = parse(alternative) as { when: unknown };
      const rule = { id: `readme-when-${i}`, check: 'under-escalated', severity: 'info', from: 'triage', to: 'support', when, after: '1h' };
      const { document } = await useFragment(`rules:\n  - ${JSON.stringify(rule)}\n`, `when-${block.line}-${i}`);
      expect((document['rules'] as { id: string; when: unknown }[]).find((r) => r.id === rule.id)?.when).toEqual(when);
    }
  });

  it('extending another framework: clients/acme.yaml over ../base.yaml, as the example lays them out', async () => {
    const block = find('rules/README.md', '# clients/acme.yaml');
    const dir = mkdtempSync(join(work, 'consultant-'));
    mkdirSync(join(dir, 'clients'));
    copyFileSync('fixtures/readme/base.yaml', join(dir, 'base.yaml'));
    writeFileSync(join(dir, 'clients', 'acme.yaml'), block.text);
    const { document } = await loadFrameworkDocument(join(dir, 'clients', 'acme.yaml'));
    const queues = document.queues as Record<string, { tier: number; match?: string[] }>;
    expect(Object.keys(queues)).toEqual(['triage', 'support', 'projects']);
    expect(queues['triage']).toMatchObject({ tier: 1, match: ['Acme Help Desk'] });
    const rules = document.rules as { id: string; after?: string; enabled?: boolean }[];
    expect(rules.find((r) => r.id === 'triage-time-limit')?.after).toBe('45m');
    expect(rules.find((r) => r.id === 'ping-pong')?.enabled).toBe(false);
    const r = await cli('audit', ...EXAMPLE, '--framework', join(dir, 'clients', 'acme.yaml'), '-f', 'json', '--fail-on', 'never');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(r.stdout) as Report).framework.name).toBe('Acme');
    const v = await cli('validate', join(dir, 'clients', 'acme.yaml'));
    expect(v.stdout).toBe(`${join(dir, 'clients', 'acme.yaml')}: OK - "Acme": 3 queues, 3 rules (2 enabled), 3 calendars; extends ${join(dir, 'base.yaml')}\n`);
  });
});

// ---------------------------------------------------------------------------------------------
// Output samples: what the README shows is what the tool prints.

describeWith(realData('vinst-incidents.csv'), 'the README\'s worked example of fit on the VINST log', () => {
  it('is what the tool prints, word for word', async () => {
    const block = find('README.md', 'Framework fit', 'level-1-time-limit');
    const r = await cli('fit', dataFile('vinst-incidents.csv'), '--mapping', 'fixtures/mappings/vinst.yaml',
      '--framework', 'fixtures/mappings/vinst-framework.yaml', '--width', '100');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(block.text);
  });
});

describe('output samples', () => {
  it('validate: a rule that can never fire, the warning word for word', () => {
    const block = find('rules/README.md', 'never-fires.yaml:10:5  warning: rule "misrouted" can never fire: misrouted compares the queue with where routing puts the work, and the framework has no routing (rules[1])');
    const dir = mkdtempSync(join(work, 'never-fires-'));
    copyFileSync(join(REPO, 'fixtures', 'frameworks', 'never-fires.yaml'), join(dir, 'never-fires.yaml'));
    const r = sh('escalation-audit validate never-fires.yaml', dir);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(block.text.trimEnd());
  });

  it('audit: a mapped column the export lacks, the error word for word', () => {
    const block = find('README.md', 'client-mapping.yaml:4:10  columns.queue: no column "Bord" in tickets.csv, did you mean "Board"?');
    const dir = mkdtempSync(join(work, 'mapping-'));
    copyFileSync(join(REPO, 'fixtures', 'example', 'tickets.csv'), join(dir, 'tickets.csv'));
    writeFileSync(join(dir, 'client-mapping.yaml'), 'preset: connectwise\ncolumns:\n  id: "Ticket #"\n  queue: Bord\n');
    const r = sh('escalation-audit audit tickets.csv --mapping client-mapping.yaml', dir);
    expect(r.status).toBe(2);
    const [message, hint] = block.text.trimEnd().split('\n');
    expect(r.stderr).toContain(`${message}\n`);
    expect(r.stderr).toContain(hint!.replace(/, \.\.\.$/, ''));
  });

  it('validate: the two problems shown, word for word, from a client.yaml that has them', () => {
    const block = find('README.md', 'client.yaml:9:5  unknown key "purpse", did you mean "purpose"? (queues.support.purpse; expected one of: tier, purpose, match, matchTier, calendar, entry, byTeam)');
    const dir = mkdtempSync(join(work, 'validate-'));
    writeFileSync(join(dir, 'client.yaml'), ['version: 1', 'name: Acme', 'queues:', '  triage:', '    tier: 1', '    purpose: Front line.',
      '  support:', '    tier: 2', '    purpse: Depth.', 'rules:', '  - id: triage-time-limit', '    check: under-escalated', '    severity: critical',
      '    from: triage', '    to: support', '    after: 30m', ''].join('\n'));
    const r = sh('escalation-audit validate client.yaml', dir);
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n').slice(0, 2).join('\n')).toBe(block.text.trimEnd());
  });

  it('validate: each problem of the reference\'s sample, word for word (one pass each: structure stops before meaning)', () => {
    const block = find('rules/README.md', 'client.yaml:16:12  invalid `after` (rules[0].after; found "half an hour"; expected a duration like 30m, 4h, 1h30m, 3d)');
    const [structure, meaning] = block.text.trimEnd().split('\n');
    const head = ['version: 1', 'name: Acme', 'queues:', '  noc: { tier: 1 }', '  triage: { tier: 1 }', '  support: { tier: 2 }', 'calendars:',
      '  office: { timezone: America/New_York, hours: 24x7 }', '', '', '', '', 'rules:', '  - id: triage-time-limit', '    check: under-escalated',
      '    after: half an hour', '    severity: error', '    from: triage', '    to: support'];
    const run = (lines: string[]) => {
      const dir = mkdtempSync(join(work, 'validate-'));
      writeFileSync(join(dir, 'client.yaml'), `${lines.join('\n')}\n`);
      return sh('escalation-audit validate client.yaml', dir).stdout.split('\n')[0];
    };
    expect(run([...head, '  - id: skipped', '    check: over-escalated', '    severity: warn'])).toBe(structure);
    const fixed = head.map((l) => l.replace('after: half an hour', 'after: 30m'));
    expect(run([...fixed, '  - id: onsite', '    to: suport', '    check: under-escalated', '    severity: warn', '    from: triage', '    after: 1h'])).toBe(meaning);
  });

  it('inspect --format json: every key the sample shows is in what inspect prints for the example', async () => {
    const sample = JSON.parse(find('README.md', '{', '"schemaVersion": "1.0"').text) as Record<string, unknown>;
    const r = await cli('inspect', ...EXAMPLE, '--format', 'json');
    const real = JSON.parse(r.stdout) as Record<string, unknown>;
    const keysOf = (x: unknown, path: string): string[] => (Array.isArray(x) ? keysOf(x[0], `${path}[]`)
      : x && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => [`${path}.${k}`, ...keysOf(v, `${path}.${k}`)]) : []);
    const realKeys = new Set(keysOf(real, ''));
    expect(keysOf(sample, '').filter((k) => !realKeys.has(k))).toEqual([]);
    expect([real['tickets'], real['events'], real['history']]).toEqual([sample['tickets'], sample['events'], sample['history']]);
  });

  it('the layout: every path it names exists', () => {
    const block = find('README.md', 'bin/escalation-audit.js   shim: runs src/cli/main.ts (compiled to dist/)');
    const paths = block.text.trimEnd().split('\n').map((l) => l.split(/\s{2,}/)[0]!);
    expect(paths.length).toBeGreaterThan(8);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The library examples: type-checked against the built declarations, then run as written.

describe('README: the library examples', () => {
  const library = CLASSIFIED.filter((e) => e.kind === 'library');

  it.each(library.map((e) => [e.first, e] as const))('%s', (_name, entry) => {
    const block = blockOf(entry);
    const dir = mkdtempSync(join(work, 'library-'));
    const source = join(dir, 'example.mts');
    writeFileSync(source, block.text);
    // Type check: 'escalation-audit' is this package's built declarations.
    const program = ts.createProgram([source], {
      noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true, types: ['node'], typeRoots: [join(REPO, 'node_modules/@types')],
      paths: { 'escalation-audit': [join(REPO, 'dist/index.d.ts')] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    // Run: the same code, its import pointed at the built package, from the repository (the example's paths are relative to it).
    const js = ts.transpileModule(block.text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
      .replace(/from 'escalation-audit'/g, `from '${pathToFileURL(join(REPO, 'dist/index.js')).href}'`);
    writeFileSync(join(dir, 'example.mjs'), js);
    const r = spawnSync(process.execPath, [join(dir, 'example.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    if (block.first.includes('auditExports')) {
      // The tiered template's findings at warn and above, then the Markdown report of them.
      expect(r.stdout).toMatch(/^36 findings, fitness 0\.8487\n# Escalation audit\n/);
      expect(r.stdout).toContain('| Findings | 36 (3 error, 33 warn, 0 info) |');
    } else {
      expect(r.stdout).toBe('{ error: 9, warn: 36, info: 10 }\n');
    }
  });
});
