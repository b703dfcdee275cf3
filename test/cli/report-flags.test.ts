import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { formatters, type FormatId } from '../../src/report/formatters.js';
import { CLEAN, cli, EXAMPLE } from '../support/cli.js';

const json = async (...args: string[]) => {
  const r = await cli('audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never', ...args);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

let full: { findings: Finding[]; summary: Record<string, unknown> };
beforeAll(async () => {
  full = await json();
});

describe('--by assignee', () => {
  it('adds summary.assignees; without it there is none', async () => {
    const by = await json('--by', 'assignee');
    expect(by.summary.assignees.length).toBeGreaterThan(3);
    expect(by.summary.assignees[0]).toMatchObject({ assignee: expect.any(String), tickets: expect.any(Number), fitnessScore: expect.any(Number) });
    for (const a of by.summary.assignees) {
      expect(a).toMatchObject({ medianBusinessMinutes: expect.any(Number), p90BusinessMinutes: expect.any(Number), escalationRate: expect.any(Number),
        deEscalationRate: expect.any(Number), resolvedWithoutEscalationRate: expect.any(Number), reassignmentsPerTicket: expect.any(Number) });
      expect(a.p90BusinessMinutes).toBeGreaterThanOrEqual(a.medianBusinessMinutes);
    }
    expect(full.summary).not.toHaveProperty('assignees');
  });
});

describe('filters', () => {
  it.each<[string, string[], (f: Finding) => boolean]>([
    ['--since', ['--since', '2026-10-20'], (f) => f.at >= '2026-10-20'],
    ['--until (a date includes that day)', ['--until', '2026-10-09'], (f) => f.at < '2026-10-10'],
    ['--queue', ['--queue', 'support'], (f) => f.queue === 'support'],
    ['--queue by board name, two of them', ['--queue', 'Help Desk,NOC'], (f) => f.queue === 'triage' || f.queue === 'noc'],
    ['--category', ['--category', 'stalled,ping-pong'], (f) => f.category === 'stalled' || f.category === 'ping-pong'],
    ['--min-severity', ['--min-severity', 'error'], (f) => f.severity === 'error'],
  ])('%s keeps only the matching findings, and says so in the notes', async (_name, args, keep) => {
    const r = await json(...args);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.length).toBeLessThan(full.findings.length);
    expect(r.findings.every(keep)).toBe(true);
    expect(r.summary.findings).toBe(r.findings.length);
    expect(r.notes.at(-1)).toMatch(/^filtered to /);
  });

  it('--queue also narrows the queue rows and the tickets counted', async () => {
    const r = await json('--queue', 'support');
    expect(r.summary.queues.map((q: { queue: string }) => q.queue)).toEqual(['support']);
    expect(r.summary.tickets).toBe(r.summary.queues[0].tickets);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown queue', ['--queue', 'suport'], /--queue "suport": no such queue[\s\S]*did you mean "support"/],
    ['an unknown category', ['--category', 'stalld'], /"stalld" is not one of misrouted, .*\(did you mean "stalled"\?\)/],
    ['an unknown severity', ['--min-severity', 'fatal'], /Allowed choices are error, warn, info/],
    ['a bad date', ['--since', 'last week'], /ISO-8601/],
    ['an empty period', ['--since', '2026-10-20', '--until', '2026-10-10'], /--since is not before --until/],
  ])('%s: exit 2', async (_name, args, message) => {
    const r = await cli('audit', ...EXAMPLE, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('--baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-baseline-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('marks findings new or persisting, lists the resolved ones, adds the trend', async () => {
    const before = JSON.parse(JSON.stringify(full)) as { findings: Finding[]; summary: { fitnessScore: number } };
    const dropped = before.findings.splice(0, 3);
    before.findings.push({ ...dropped[0]!, id: 'fixed-since' });
    before.summary.fitnessScore = 0.5;
    const r = await json('--baseline', write('before.json', JSON.stringify(before)));
    expect(r.findings.filter((f: Finding) => f.status === 'new').map((f: Finding) => f.id)).toEqual(dropped.map((f) => f.id));
    expect(r.findings.filter((f: Finding) => f.status === 'persisting')).toHaveLength(full.findings.length - 3);
    expect(r.resolved.map((f: Finding) => f.id)).toEqual(['fixed-since']);
    expect(r.summary.trend).toMatchObject({ previousFitnessScore: 0.5, fitnessScore: full.summary.fitnessScore, newFindings: 3, resolvedFindings: 1 });
  });

  it('--fail-on-new: the same findings as last time exit 0, even errors; new ones exit 1', async () => {
    const same = write('same.json', JSON.stringify(full));
    expect((await cli('audit', ...EXAMPLE, '-f', 'json', '--baseline', same)).code).toBe(1);
    expect((await cli('audit', ...EXAMPLE, '-f', 'json', '--baseline', same, '--fail-on-new')).code).toBe(0);
    const fewer = write('fewer.json', JSON.stringify({ ...full, findings: full.findings.filter((f) => f.severity !== 'error') }));
    expect((await cli('audit', ...EXAMPLE, '-f', 'json', '--baseline', fewer, '--fail-on-new')).code).toBe(1);
  });

  it('--fail-on-new --quiet: silent when nothing is new', async () => {
    const same = write('same-quiet.json', JSON.stringify(full));
    expect(await cli('audit', ...EXAMPLE, '--baseline', same, '--fail-on-new', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--fail-on-new without --baseline is a usage error', async () => {
    const r = await cli('audit', ...CLEAN, '--fail-on-new');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on-new needs --baseline');
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', 'tickets,at\n1,2\n', /not-JSON\.json:1 {2}not JSON: it does not start with \{ or \[ \(its contents are not shown\);/],
    ['not a report', '{"name": "escalation-audit", "version": "0.1.0"}', /not a report: no "schemaVersion"/],
    ['another major version', JSON.stringify({ schemaVersion: '2.0', asOf: '', summary: { fitnessScore: 1 }, findings: [] }), /schemaVersion "2\.0" cannot be compared/],
  ])('a malformed baseline (%s): exit 2 naming the file and what was expected, before any output', async (name, text, message) => {
    const file = write(`${name.replace(/ /g, '-')}.json`, text);
    const r = await cli('audit', ...EXAMPLE, '--baseline', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('expected an escalation-audit JSON report (schemaVersion 1.x)');
  });

  it('no baseline report yet, in a folder that exists: a first audit, every finding new, said on stderr', async () => {
    const file = join(dir, 'not-yet.json');
    const r = await cli('audit', ...EXAMPLE, '-f', 'json', '--baseline', file, '--fail-on-new');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`escalation-audit: no baseline report at ${file} yet: a first audit, every finding is new\n`);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toHaveLength(full.findings.length);
    expect(report.findings.every((f: Finding) => f.status === 'new')).toBe(true);
    expect(report.resolved).toEqual([]);
    expect(report.summary.trend).toBeUndefined();
    expect(report.notes).toContain(`no baseline report at ${file} yet: a first audit, every finding is new`);
  });

  it.each<[string, () => string, string]>([
    ['in a folder that does not exist', () => 'no-such-folder/latest.json',
      `escalation-audit: no-such-folder/latest.json  file not found (resolved from ${process.cwd()})\n`
      + '  hint: check the path of the baseline report; it is relative to the current directory\n'],
    ['a directory', () => dir, `escalation-audit: ${dir}  is a directory, not a baseline report\n`],
    ['a dangling symbolic link', () => {
      const link = join(dir, 'dangling.json');
      symlinkSync(join(dir, 'gone.json'), link);
      return link;
    }, `escalation-audit: ${join(dir, 'dangling.json')}  file not found\n  hint: check the path of the baseline report\n`],
  ])('a baseline path that cannot be read (%s): exit 2, before any output', async (_name, path, stderr) => {
    const r = await cli('audit', ...EXAMPLE, '--baseline', path());
    expect(r).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('--redact', () => {
  // Every company, summary and assignee of the example export.
  const rows = parse(readFileSync(EXAMPLE[0]!, 'utf8'), { columns: true }) as Record<string, string>[];
  const history = parse(readFileSync(EXAMPLE[1]!, 'utf8'), { columns: true }) as Record<string, string>[];
  const secrets = [...new Set([
    ...rows.flatMap((r) => [r.Company!, r.Summary!]),
    ...[...rows.map((r) => r.Resources!), ...history.map((r) => r.Resources!)].flatMap((v) => v.split(',')).map((s) => s.trim()),
  ].filter((s) => s.length >= 3))];

  it.each(Object.keys(formatters) as FormatId[])('--format %s shows none of the redacted values', async (format) => {
    const r = await cli('audit', ...EXAMPLE, '-f', format, '--redact', 'assignee,company,summary', '--by', 'assignee', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(secrets.length).toBeGreaterThan(100);
    expect(secrets.filter((s) => r.stdout.includes(s))).toEqual([]);
  });

  it('pseudonyms are stable: the same ticket summary maps to the same pseudonym', async () => {
    const r = await json('--redact', 'summary');
    const byTicket = new Map<string, Set<string>>();
    for (const f of r.findings as Finding[]) (byTicket.get(f.ticket) ?? byTicket.set(f.ticket, new Set()).get(f.ticket)!).add(f.summary!);
    expect([...byTicket.values()].every((s) => s.size === 1 && /^summary-\d+$/.test([...s][0]!))).toBe(true);
    expect(r.findings.map((f: Finding) => f.id)).toEqual(full.findings.map((f) => f.id));
  });

  it('an unknown field is a usage error', async () => {
    const r = await cli('audit', ...CLEAN, '--redact', 'email');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"email" is not one of assignee, company, summary');
  });
});

describe('--redact assignee with a person named "support", the name of a queue (item 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-redact-'));
  const rename = (file: string) => {
    const out = join(dir, file.split('/').pop()!);
    writeFileSync(out, readFileSync(file, 'utf8').replace(/\bssato\b/g, 'support'));
    return out;
  };
  const files = EXAMPLE.map(rename);

  it('queue names in messages stay; the person is pseudonymised where a message quotes them', async () => {
    const plain = JSON.parse((await cli('audit', ...files, '-f', 'json', '--fail-on', 'never')).stdout).findings as Finding[];
    const redacted = JSON.parse((await cli('audit', ...files, '-f', 'json', '--fail-on', 'never', '--redact', 'assignee')).stdout).findings as Finding[];
    expect(plain.filter((f) => / support\b/.test(f.message) && f.category !== 'work-after-closure').length).toBeGreaterThan(5);
    redacted.forEach((f, i) => {
      if (f.category !== 'work-after-closure') expect(f.message).toBe(plain[i]!.message);
    });
    const handover = redacted.find((f) => f.ticket === '48475')!;
    expect(plain.find((f) => f.ticket === '48475')!.message).toContain('assignee dschmidt -> support');
    expect(handover.message).toMatch(/assignee assignee-\d+ -> assignee-\d+/);
    expect(JSON.stringify(redacted.filter((f) => f.category === 'work-after-closure').map((f) => f.evidence))).not.toMatch(/assignee [^"]*\bsupport\b/);
  });
});
