import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from '../support/cli.js';

/**
 * The bundled example was written scenario by scenario (test/support/make-example.mjs), each ticket
 * designed to produce certain kinds of finding or none: the audit must find exactly those.
 */
describe('the bundled example', () => {
  const expected = JSON.parse(readFileSync('fixtures/example/expected.json', 'utf8')) as {
    tickets: number; events: number; byTicket: Record<string, string[]>;
  };

  it('gives exactly the designed findings, ticket by ticket', async () => {
    const r = await cli('audit', ...EXAMPLE, '--format', 'json', '--fail-on', 'never');
    const report = JSON.parse(r.stdout);
    expect(report.summary.tickets).toBe(expected.tickets);
    expect(report.summary.events).toBe(expected.events);
    const found: Record<string, string[]> = {};
    for (const f of report.findings) (found[f.ticket] ??= []).includes(f.category) || found[f.ticket]!.push(f.category);
    for (const k of Object.keys(found)) found[k]!.sort();
    expect(found).toEqual(expected.byTicket);
  });

  it('has every kind of finding its framework judges several times', async () => {
    const r = await cli('audit', ...EXAMPLE, '--format', 'json', '--fail-on', 'never');
    const { summary: { byCategory }, rules } = JSON.parse(r.stdout) as { summary: { byCategory: Record<string, number> }; rules: { check: string }[] };
    // The example was written before `reopened`: its one reopened ticket (48598) is reopened once, within `max: 1`.
    const judged = [...new Set(rules.map((rule) => rule.check))].filter((check) => check !== 'reopened');
    expect(judged.length).toBeGreaterThanOrEqual(8);
    for (const check of judged) expect(byCategory[check], check).toBeGreaterThanOrEqual(4);
    expect(byCategory['reopened']).toBe(0);
  });
});
