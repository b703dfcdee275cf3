import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadExports, type LoadOptions } from '../../src/ingest/load.js';

// Fixes from the hostile-input catalogue, at the importer: each refuses with file, line and column, or
// reads what it used to drop.

const work = mkdtempSync(join(tmpdir(), 'ea-ingest-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
};
const load = (files: string[], options: Partial<LoadOptions> = {}) => loadExports(files, { timezone: 'UTC', ...options });
const failure = async (run: Promise<unknown>): Promise<InputError> => {
  const e = await run.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
};

const HEADER = 'Ticket #,Board,Status,Date Entered,Last Updated,Closed Date';

describe('timestamps outside 1990-2099 are refused where they are read', () => {
  it.each([
    ['a CSV cell in 2999', `${HEADER}\n1,Help Desk,New,10/13/2026 9:00 AM,10/14/2999 2:25 AM,\n`, 2, 'Last Updated', '10/14/2999 2:25 AM'],
    ['an epoch second in 2100', 'case id,timestamp,queue\nA,1700000000,NOC\nA,4102444800,Help Desk\n', 3, 'timestamp', '4102444800'],
    ['a date in 1989', `${HEADER}\n1,Help Desk,New,12/31/1989 11:00 PM,10/14/2026 2:25 AM,\n`, 2, 'Date Entered', '12/31/1989 11:00 PM'],
  ])('%s', async (_name, text, line, column, value) => {
    const file = write('dates.csv', text);
    const e = await failure(load([file]));
    expect(e.position).toEqual({ file, line, column });
    expect(e.message).toContain(`found "${value}"`);
    expect(e.message).toContain('expected a date between 1990-01-01 and 2099-12-31 (UTC)');
  });

  it('a JSON record too (records are read as rows)', async () => {
    const file = write('activities.json', JSON.stringify({ activities_data: [
      { performed_at: '13-08-2026 15:02:36 +0000', ticket_id: 7, performer_type: 'user', performer_id: 1, activity: { status: 'Open', group: 'N1' } },
      { performed_at: '13-08-2126 16:02:36 +0000', ticket_id: 7, performer_type: 'user', performer_id: 1, activity: { status: 'Closed' } },
    ] }));
    const e = await failure(load([file]));
    expect(e.position).toMatchObject({ file, column: 'performed_at' });
    expect(e.message).toMatch(/found "13-08-2126 16:02:36 \+0000".*between 1990-01-01/);
  });

  it('--max-errors skips such a row like any bad row', async () => {
    const file = write('skip.csv', `${HEADER}\n1,Help Desk,New,10/13/2026 9:00 AM,10/14/2999 2:25 AM,\n2,NOC,New,10/13/2026 9:00 AM,10/13/2026 9:30 AM,\n`);
    const loaded = await load([file], { maxErrors: 1 });
    expect(loaded.tickets.map((t) => t.id)).toEqual(['2']);
    expect(loaded.inputs[0]).toMatchObject({ rows: 2, tickets: 1, skippedRows: 1 });
    expect(loaded.details[0]!.dates).toEqual({ first: Date.UTC(2026, 9, 13, 9), last: Date.UTC(2026, 9, 13, 9, 30) });
  });
});

describe('exports without rows', () => {
  it.each([
    ['a header only', `${HEADER}\n`, 2],
    ['a header and blank lines', `${HEADER}\n\n\n`, 2],
    ['a header after blank lines', `\n\n${HEADER}\n`, 4],
  ])('%s: "no rows below the header" on the line after it', async (_name, text, line) => {
    const file = write('header-only.csv', text);
    const e = await failure(load([file]));
    expect(e.message).toBe('no rows below the header');
    expect(e.position).toEqual({ file, line });
  });

});

describe('a missing required column names the nearest header', () => {
  it.each<[string, string, LoadOptions['preset'], RegExp]>([
    ['detected', 'Ticket #,Bord,Status,Date Entered\n1,Help Desk,New,10/13/2026 9:00 AM\n', undefined, /"Bord": did you mean "Board" \(connectwise queue\)\?/],
    ['--preset', 'Ticket #,Boards,Status,Date Entered\n1,Help Desk,New,10/13/2026 9:00 AM\n', 'connectwise', /"Boards": did you mean "Board" \(connectwise queue\)\?/],
    ['another PSA', 'Number,Assignment grup,State,Opened\nINC1,Service Desk,New,2026-10-13 09:00:00\n', 'servicenow', /"Assignment grup": did you mean "Assignment group"/],
  ])('%s', async (_name, text, preset, says) => {
    const e = await failure(load([write('near.csv', text)], { preset }));
    expect(e.message).toMatch(says);
    expect(e.position?.line).toBe(1);
  });

  it('says nothing about near matches when no header is close', async () => {
    const e = await failure(load([write('far.csv', 'Id,Status,Priority\n1,New,P1\n')]));
    expect(e.message).toMatch(/^no preset recognises these columns: "Id", "Status", "Priority"$/);
  });
});

describe('history ids not in the ticket list', () => {
  it('points at the first row of the first such ticket', async () => {
    const tickets = write('tickets.csv', `${HEADER}\n1,Help Desk,New,10/13/2026 9:00 AM,10/13/2026 9:00 AM,\n`);
    const history = write('history.csv', 'Ticket #,Date Changed,Board,Status\n1,10/13/2026 9:00 AM,Help Desk,New\n'
      + '9,10/13/2026 9:05 AM,NOC,New\n8,10/13/2026 9:06 AM,NOC,New\n9,10/13/2026 9:07 AM,NOC,Closed\n');
    const e = await failure(load([tickets, history]));
    expect(e.position).toEqual({ file: history, line: 3 });
    expect(e.message).toBe('2 ticket(s) in the history are not in the ticket list: 9, 8 (the line is the first row of "9")');
  });
});

describe('columns named like Object.prototype properties', () => {
  it('a __proto__ column is kept in the raw columns, as an own key', async () => {
    const { tickets } = await load(['fixtures/hostile/proto-column.csv']);
    const raw = tickets[0]!.raw;
    expect(Object.keys(raw)).toEqual(['Ticket #', 'Summary', '__proto__', 'constructor', 'Board', 'Status', 'Date Entered', 'Last Updated', 'Closed Date']);
    expect(Object.hasOwn(raw, '__proto__')).toBe(true);
    expect(raw['__proto__']).toBe('monitoring');
    expect(JSON.parse(JSON.stringify(raw))).toMatchObject({ constructor: 'x', Board: 'Help Desk' });
  });
});

describe('pipes: process substitution and FIFOs are read as streams', () => {
  it.each(['csv', 'json'])('`audit <(cat export.%s)` reads the whole export', async (kind) => {
    const source = kind === 'csv' ? 'fixtures/hostile/tickets.csv' : 'fixtures/presets/freshdesk-activities.json';
    // bash gives the command /dev/fd/63: a pipe, whose size stat reports as 0.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('bash', ['-c', `node bin/escalation-audit.js inspect <(cat ${source}) --format json`]);
      let text = '';
      child.stdout.on('data', (d: Buffer) => { text += d.toString(); });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}`))));
    });
    const report = JSON.parse(out) as { files: { file: string; format: string; rows: number }[] };
    expect(report.files[0]!.file).toMatch(/^\/dev\/fd\/\d+$/);
    expect(report.files[0]!.format).toBe(kind);
    expect(report.files[0]!.rows).toBeGreaterThan(2);
  });
});
