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

  it('has every kind of finding several times', async () => {
    const r = await cli('audit', ...EXAMPLE, '--format', 'json', '--fail-on', 'never');
    const { byCategory } = JSON.parse(r.stdout).summary;
    for (const n of Object.values(byCategory)) expect(n).toBeGreaterThanOrEqual(4);
  });
});
