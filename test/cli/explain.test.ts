import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from '../support/cli.js';

const expected = JSON.parse(readFileSync('fixtures/example/expected.json', 'utf8')) as { byTicket: Record<string, string[]> };

describe('escalation-audit explain (end to end on the bundled example)', () => {
  it('a ticket with a finding: its timeline, stays, and every rule with the reason', async () => {
    const r = await cli('explain', '48237', ...EXAMPLE);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Ticket 48237 - QuickBooks will not open company file');
    expect(r.stdout).toContain('times in America/New_York');
    expect(r.stdout).toMatch(/2026-10-06 09:12 Tue\s+triage\s+1\s+New\s+running\s+3m\s+3m/);
    expect(r.stdout).toMatch(/FIRED triage-time-limit \(under-escalated, error\)\n\s+sat 33m of business time in triage \(limit 30m\)/);
    expect(r.stdout.replace(/\n\s+/g, ' ')).toContain('escalation rule triage-time-limit expected support');
    expect(r.stdout).toMatch(/ok\s+skipped-front-line \(over-escalated, warn\)\n\s+did not fire: never entered support/);
  });

  it('--redact: the same pseudonyms as the audit report of the same exports, no real name left', async () => {
    const fields = ['--redact', 'assignee,company,summary'];
    const r = await cli('explain', '47870', ...EXAMPLE, ...fields, '--format', 'json');
    expect(r.code).toBe(0);
    for (const name of ['pmorales', 'ssato', 'Northgate Logistics', 'Migrate file shares']) expect(r.stdout).not.toContain(name);
    const x = JSON.parse(r.stdout) as { ticket: { summary: string; company: string }; events: { assignee: string | null }[] };
    const audit = JSON.parse((await cli('audit', ...EXAMPLE, ...fields, '--format', 'json', '--fail-on', 'never')).stdout);
    const finding = audit.findings.find((f: { ticket: string }) => f.ticket === '47870');
    expect(x.ticket.summary).toBe(finding.summary);
    expect(x.ticket.company).toMatch(/^company-\d+$/);
    const held = x.events.map((e) => e.assignee).filter((a): a is string => a !== null);
    for (const a of held) expect(a).toMatch(/^assignee-\d+(, assignee-\d+)*$/);
    expect(new Set(held.flatMap((a) => a.split(', ')))).toHaveProperty('size', 2);
  });

  it('shows pauses and the business time they stopped', async () => {
    const r = await cli('explain', '48219', ...EXAMPLE);
    expect(r.stdout).toMatch(/Pauses\nfrom\s+to\s+queue\s+business\s+wall\s+statuses/);
    expect(r.stdout).toMatch(/2026-10-05 08:45 Mon\s+2026-10-06 09:00 Tue\s+support\s+10h15m\s+1d\s+Scheduled/);
  });

  // The oracle of the example names the categories each designed ticket must produce: explain must agree.
  it.each(['48219', '48226', '48261', '48347', '48498', '47875', '48242', '48238', '48281'])('--format json on %s fires exactly the designed categories', async (id) => {
    const r = await cli('explain', id, ...EXAMPLE, '--format', 'json');
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout) as { ticket: { id: string }; rules: { check: string; fired: boolean; explanation: string }[] };
    expect(x.ticket.id).toBe(id);
    const fired = [...new Set(x.rules.filter((rule) => rule.fired).map((rule) => rule.check))].sort();
    expect(fired).toEqual(expected.byTicket[id] ?? []);
    for (const rule of x.rules) expect(rule.explanation.startsWith('did not fire: ')).toBe(!rule.fired);
  });

  it('finds an id typed with spaces around it', async () => {
    const r = await cli('explain', ' 48237 ', ...EXAMPLE, '--format', 'json');
    expect(JSON.parse(r.stdout).ticket.id).toBe('48237');
  });

  it('an unknown ticket id: exit 2, naming the nearest ids', async () => {
    const r = await cli('explain', '48241', ...EXAMPLE);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no ticket "48241" in the exports');
    expect(r.stderr).toContain('the nearest ids are: 48240, 48242, 48239');
  });

  it('a ticket created after --as-of: exit 2', async () => {
    const r = await cli('explain', '48237', ...EXAMPLE, '--as-of', '2026-10-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was created after the as-of time');
  });

  it('--as-of judges the ticket at that time', async () => {
    const r = await cli('explain', '48237', ...EXAMPLE, '--as-of', '2026-10-06T13:30:00Z', '--format', 'json');
    const x = JSON.parse(r.stdout) as { rules: { id: string; fired: boolean; explanation: string }[] };
    expect(x.rules.find((rule) => rule.id === 'triage-time-limit')).toMatchObject({
      fired: false, explanation: 'did not fire: still in triage after 18m of business time, limit 30m',
    });
  });

  it('a framework with per-priority limits says which limit applied', async () => {
    const r = await cli('explain', '48237', ...EXAMPLE, '--framework', 'fixtures/framework-language/policy.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout) as { rules: { id: string; explanation: string }[] };
    expect(x.rules.find((rule) => rule.id === 'triage-time-limit')!.explanation).toContain('limit 30m for priority p3');
  });

  it.each<[string, string[]]>([
    ['an unknown --format', ['--format', 'html']],
    ['no export', []],
  ])('%s is a usage error: exit 2', async (_name, args) => {
    const r = await cli('explain', '48237', ...(args.length ? EXAMPLE : []), ...args);
    expect(r.code).toBe(2);
  });
});

describe('escalation-audit explain, the built command (run `npm run build` first)', () => {
  it('prints the table and exits 0', () => {
    const r = spawnSync(process.execPath, ['bin/escalation-audit.js', 'explain', '48237', ...EXAMPLE],
      { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('FIRED triage-time-limit');
  });
});
