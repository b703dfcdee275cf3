import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli.js';
import { fixture } from './helpers.js';

const json = ['--format', 'json', '--fail-on', 'never'];

describe('audit --history and --max-errors', () => {
  it('--history names change-history files besides the ticket list', async () => {
    const r = await cli('audit', fixture('servicenow-incidents.csv'), '--history', fixture('servicenow-sys-audit.csv'),
      '--mapping', fixture('servicenow-sys-audit.yaml'), ...json);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.inputs.map((i: { role: string; rows: number }) => [i.role, i.rows])).toEqual([['tickets', 2], ['history', 6]]);
    expect(report.summary).toMatchObject({ tickets: 2, events: 6 });
  });

  it('--history reads a list export as history, its updated column giving the time (named once, read once)', async () => {
    const file = fixture('servicenow-list-per-update.csv');
    const r = await cli('audit', file, '--history', file, ...json);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).inputs[0]).toMatchObject({ preset: 'servicenow', role: 'history', rows: 3, tickets: 1 });
  });

  it('--max-errors N skips and counts bad rows, in inputs[] and notes', async () => {
    const r = await cli('audit', fixture('quirk-bad-rows.csv'), '--max-errors', '3', ...json);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0]).toMatchObject({ rows: 6, skippedRows: 3, tickets: 2 });
    expect(report.notes.some((n: string) => n.includes('skipped 3 bad row(s) of 6 (--max-errors)'))).toBe(true);
  });

  it.each([
    [[], `${fixture('quirk-bad-rows.csv')}:3 (column "Date Changed")  found "not a date"`],
    [['--max-errors', '2'], `${fixture('quirk-bad-rows.csv')}:5  row has 6 cells, header has 4 (bad row 3; --max-errors is 2)`],
  ])('stops with exit 2 at the bad row past the limit %j', async (flags, message) => {
    const r = await cli('audit', fixture('quirk-bad-rows.csv'), ...flags, ...json);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--max-errors needs a whole number', async () => {
    const r = await cli('audit', fixture('quirk-bad-rows.csv'), '--max-errors', 'many', ...json);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-errors.*expected a whole number/s);
  });
});
