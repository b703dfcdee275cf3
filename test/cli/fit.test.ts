import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from '../support/cli.js';

type Findings = { ticket: string; rule: string; id: string }[];

/** Per ticket and rule, the finding ids: what a what-if compares. */
function byTicket(findings: Findings): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const f of findings) (out.get(`${f.ticket} ${f.rule}`) ?? out.set(`${f.ticket} ${f.rule}`, []).get(`${f.ticket} ${f.rule}`)!).push(f.id);
  return new Map([...out].map(([k, v]) => [k, v.join(',')]));
}

describe('escalation-audit fit and the what-if', () => {
  it('--set changes exactly what a rerun with the edited framework changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-fit-'));
    const edited = join(dir, 'edited.yaml');
    const text = readFileSync('rules/default.yaml', 'utf8');
    expect(text).toContain('after: 30m');
    writeFileSync(edited, text.replace('after: 30m', 'after: 45m'));
    const what = JSON.parse((await cli('audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never', '--set', 'triage-time-limit.after=45m')).stdout);
    const before = JSON.parse((await cli('audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never')).stdout);
    const after = JSON.parse((await cli('audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never', '-F', edited)).stdout);
    expect(what.whatIf.changes).toEqual([{ kind: 'set', rule: 'triage-time-limit', key: 'after', from: '30m', to: '45m' }]);
    const rule = what.whatIf.rules.find((r: { id: string }) => r.id === 'triage-time-limit');
    expect(rule.after).toBeLessThan(rule.before);
    // A pause rule judging pauses against that limit moves with it.
    const pause = what.whatIf.rules.find((r: { id: string }) => r.id === 'pause-hides-breach');
    expect(pause.after).not.toBe(pause.before);
    const a = byTicket(before.findings);
    const b = byTicket(after.findings);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
    const reported = what.whatIf.tickets.flatMap((t: { ticket: string; rules: { id: string }[] }) => t.rules.map((r) => `${t.ticket} ${r.id}`)).sort();
    expect(reported).toEqual(changed);
    expect(changed.length).toBeGreaterThan(0);
    // The main report is the unchanged framework's.
    expect(what.findings).toEqual(before.findings);
  });

  it('--compare-framework reports the same as --set with that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-fit-'));
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, readFileSync('rules/default.yaml', 'utf8').replace('after: 30m', 'after: 45m'));
    const viaSet = JSON.parse((await cli('fit', ...EXAMPLE, '-f', 'json', '--set', 'triage-time-limit.after=45m')).stdout);
    const viaFile = JSON.parse((await cli('fit', ...EXAMPLE, '-f', 'json', '--compare-framework', edited)).stdout);
    expect(viaFile.whatIf.rules).toEqual(viaSet.whatIf.rules);
    expect(viaFile.whatIf.tickets).toEqual(viaSet.whatIf.tickets);
    expect(viaFile.whatIf.changes).toEqual([{ kind: 'framework', from: '(built-in) rules/default.yaml', to: edited }]);
  });

  it('every limit is measured: work-after-closure grace and pause-hides-breach beforeBreach too', async () => {
    const fit = JSON.parse((await cli('fit', ...EXAMPLE, '-f', 'json')).stdout).fit;
    const limit = (id: string) => fit.rules.find((r: { id: string }) => r.id === id).limits[0];
    expect(limit('work-after-closure')).toMatchObject({ key: 'grace', atLeast: false });
    expect(limit('work-after-closure').tickets).toBeGreaterThan(0);
    expect(limit('pause-hides-breach')).toMatchObject({ key: 'beforeBreach', atLeast: true });
    expect(limit('pause-hides-breach').tickets).toBeGreaterThan(0);
    // A rule that never fired on the example, and a reason on a ticket list.
    expect(fit.rules.find((r: { id: string }) => r.id === 'reopened').verdict).toBe('never-fired');
    const list = JSON.parse((await cli('fit', 'fixtures/example/tickets.csv', '-f', 'json')).stdout).fit;
    const triage = list.rules.find((r: { id: string }) => r.id === 'triage-time-limit');
    expect(triage.verdict).toBe('not-judged');
    expect(triage.notJudgedReasons[0].reason).toMatch(/^ticket list without history/);
    expect(triage.advice).toMatch(/ticket list without history: the data does not show how long it stayed in each queue \(238 tickets\)/);
  });

  it('a compared framework without a rule shows "-" on that side; a finding that only moved says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-fit-'));
    const other = join(dir, 'other.yaml');
    const text = readFileSync('rules/default.yaml', 'utf8');
    const withoutReopened = text.replace(/\n  - id: reopened\n(    .*\n)+/, '\n').replace('after: 30m', 'after: 45m');
    expect(withoutReopened).not.toContain('id: reopened');
    writeFileSync(other, withoutReopened);
    const r = await cli('fit', ...EXAMPLE, '--compare-framework', other);
    expect(r.stdout).toMatch(/^reopened +0 +- +0 +-$/m);
    expect(r.stdout).toContain('change: framework default.yaml -> other.yaml');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('48287 (triage-time-limit 1 -> 1, moved in time)');
  });

  it('fit prints the Framework fit section alone: figures, an unplaced status, the paths', async () => {
    const r = await cli('fit', ...EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Framework fit\n')).toBe(true);
    expect(r.stdout).toMatch(/^triage-time-limit +238 +5 +30m +17m +25m +23m +fires-on-some$/m);
    expect(r.stdout).toContain('statuses not placed: "New" (238)');
    expect(r.stdout).toContain('Paths taken');
    expect(r.stdout).not.toContain('Findings');
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown rule, with a did-you-mean', ['--set', 'triage-time-limt.after=45m'], /--set triage-time-limt\.after=45m:1:1 +--set names rule "triage-time-limt".*\n  hint: did you mean "triage-time-limit"\?/],
    ['a bad value, placed at the value', ['--set', 'triage-time-limit.after=45x'], /--set triage-time-limit\.after=45x:1:25 +invalid `after`/],
    ['an unknown key', ['--set', 'triage-time-limit.aftr=45m'], /unknown key "aftr", did you mean "after"\?/],
    ['not rule.key=value', ['--set', 'nope'], /--set "nope" is not <rule-id>\.<key>=<value>/],
    ['a key given twice', ['--set', 'triage-time-limit.after=45m', '--set', 'triage-time-limit.after=50m'], /--set gives triage-time-limit\.after twice \("45m", then "50m"\)/],
    ['both kinds at once', ['--set', 'triage-time-limit.after=45m', '--compare-framework', 'rules/default.yaml'], /cannot be used with option/],
  ])('%s: exit 2 before any export is read', async (_name, flags, message) => {
    const r = await cli('fit', ...EXAMPLE, ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
