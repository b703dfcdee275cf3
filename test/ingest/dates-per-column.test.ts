import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_WAITING_ROWS } from '../../src/ingest/row-reader.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ea-dates-'));
const HEADER = 'Ticket #,Summary,Board,Status,Date Entered,Last Updated';
const csv = (name: string, rows: [string, string][]) => {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...rows.map(([entered, updated], i) => `${5000 + i},Printer,Help Desk,New,${entered},${updated}`)].join('\n')}\n`);
  return path;
};
const inputs = async (path: string) => {
  const r = await cli('inspect', path, '--preset', 'connectwise', '--format', 'json');
  return { r, files: r.code === 0 ? JSON.parse(r.stdout).files : [] };
};

const formats = (files: { dateFormats: { column: string; format: string | null }[] }[]) =>
  Object.fromEntries(files[0]!.dateFormats.filter((d) => d.format !== null).map((d) => [d.column, d.format]));

describe('15. day/month order is decided per column', () => {
  it('10/13 in one column (month first), 11/02 then 13/11 in another (day first): each column read in its own order', async () => {
    const path = csv('two-orders.csv', [['10/13/2026 9:00 AM', '11/02/2026 9:12 AM'], ['10/14/2026 9:00 AM', '13/11/2026 9:12 AM']]);
    const r = await cli('audit', path, '--preset', 'connectwise', '--fail-on', 'never', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { files } = await inputs(path);
    expect(formats(files)).toEqual({ 'Date Entered': 'M/D/YYYY h:mm A', 'Last Updated': 'D/M/YYYY h:mm A' });
  });

  it('a column whose own values never settle follows the columns that did (as before)', async () => {
    const path = csv('follows.csv', [['10/13/2026 9:00 AM', '11/02/2026 9:12 AM'], ['10/14/2026 9:00 AM', '11/03/2026 9:12 AM']]);
    const { files } = await inputs(path);
    expect(formats(files)).toEqual({ 'Date Entered': 'M/D/YYYY h:mm A', 'Last Updated': 'M/D/YYYY h:mm A' });
  });

  it('columns settled in different orders and a third that fits both: refused with a hint', async () => {
    const path = join(dir, 'three.csv');
    writeFileSync(path, 'Ticket #,Board,Status,Date Entered,Last Updated,Closed Date\n'
      + '1,Help Desk,Closed,10/13/2026 9:00 AM,13/11/2026 9:12 AM,11/02/2026 9:12 AM\n');
    const r = await cli('audit', path, '--preset', 'connectwise');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(column "Closed Date")');
    expect(r.stderr).toMatch(/hint: each date column's day\/month order is decided by its own values; --day-first \/ --month-first/);
  });

  it(`after ${MAX_WAITING_ROWS} rows that fit both orders, a column follows the settled one; a later value of the other order is refused with a hint`, async () => {
    const rows: [string, string][] = [];
    for (let i = 0; i < MAX_WAITING_ROWS + 5; i++) rows.push(['10/13/2026 9:00 AM', '11/02/2026 9:12 AM']);
    rows.push(['10/14/2026 9:00 AM', '13/11/2026 9:12 AM']);
    const r = await cli('audit', csv('late.csv', rows), '--preset', 'connectwise');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`:${MAX_WAITING_ROWS + 7} (column "Last Updated")  found "13/11/2026 9:12 AM"; expected a date like M/D/YYYY h:mm A`);
    expect(r.stderr).toContain(`hint: the first ${MAX_WAITING_ROWS} dates of this column fit both day/month orders, so it is read in the order of column "Date Entered"`);
  });
});
