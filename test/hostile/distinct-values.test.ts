import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DISTINCT_VALUES } from '../../src/ingest/distinct-values.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ea-distinct-'));
const HEADER = 'Ticket #,Summary,Board,Status,Resources,Date Entered,Last Updated';

/** A ticket list where `column` has a new value on every row (a mapping pointing it at a unique column). */
function uniqueColumn(name: string, rows: number, unique: 'Board' | 'Status' | 'Resources'): string {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const v = (c: string, usual: string) => (c === unique ? `${c.toLowerCase()}-${i}` : usual);
    lines.push(`${i},Printer,${v('Board', 'Help Desk')},${v('Status', 'New')},${v('Resources', 'akim')},10/13/2026 9:00 AM,10/13/2026 9:12 AM`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('11. a cap on distinct values where memory is at stake', () => {
  it.each([['Board', 'queue'], ['Status', 'status'], ['Resources', 'assignee']] as const)(
    'a unique %s column: exit 2 at the row past the limit, naming the file, line, column and the limit', async (column, field) => {
      const rows = MAX_DISTINCT_VALUES + 50;
      const path = uniqueColumn(`unique-${column}.csv`, rows, column);
      const started = Date.now();
      const r = await cli('audit', path, '--preset', 'connectwise', '--max-errors', '10');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${path}:${MAX_DISTINCT_VALUES + 2} (column "${column}")  more than 100,000 distinct ${field} values (the limit)`);
      expect(r.stderr).not.toMatch(/internal error|Invalid string length/);
      expect(Date.now() - started).toBeLessThan(30_000);
    });

  it('just under the limit is read', async () => {
    const path = uniqueColumn('many-boards.csv', 2000, 'Board');
    const r = await cli('audit', path, '--preset', 'connectwise', '--fail-on', 'never', '-f', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.tickets).toBe(2000);
  });
});
