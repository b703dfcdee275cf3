import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../src/errors.js';
import { loadExports } from '../../src/ingest/load.js';
import { parseMapping } from '../../src/ingest/mapping.js';

const dir = mkdtempSync(join(tmpdir(), 'mapped-columns-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const tickets = file('tickets.csv', 'Ticket,Board,Status,Opened\n1,Help Desk,New,2026-10-05 09:00\n2,Support,Closed,2026-10-05 10:00\n');
const history = file('history.csv', 'Ticket,When,Board\n1,2026-10-05 09:00,Help Desk\n2,2026-10-05 10:00,Support\n');
const numbered = file('numbered.csv', 'Ticket #,Board,Opened\n1,Help Desk,2026-10-05 09:00\n');
file('groups.csv', 'id,name\n7,Help Desk\n');

/** Every message of the error a load threw, as `file:line:col  message` lines. */
async function problems(files: string[], yaml: string): Promise<string[]> {
  const mapping = parseMapping(yaml, join(dir, 'm.yaml'));
  try {
    await loadExports(files, { mapping, timezone: 'UTC' });
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.format());
    if (e instanceof InputError) return [e.format()];
    throw e;
  }
  return [];
}

const base = 'columns:\n  id: Ticket\n  created: Opened\n';

describe('a mapping that names a column no export has stops the run at the mapping line', () => {
  it.each<[string, string[], string, RegExp[]]>([
    ['a misspelt queue column, with the column meant', [tickets], `${base}  queue: Bord\n`,
      [/m\.yaml:4:10 {2}columns\.queue: no column "Bord" in tickets\.csv, did you mean "Board"\?\n {2}hint: tickets\.csv has "Ticket", "Board", "Status", "Opened"/]],
    ['a tier column the file lacks', [tickets], `${base}  queue: Board\n  tier: Level\n`, [/m\.yaml:5:9 {2}columns\.tier: no column "Level" in tickets\.csv/]],
    ['two missing columns: both, at once', [tickets], `${base}  queue: Bord\n  tier: Level\n`, [/columns\.queue/, /columns\.tier/]],
    ['a missing id column names the mapping, not a preset', [tickets], 'columns:\n  id: "Ticket #"\n', [/m\.yaml:2:7 {2}columns\.id: no column "Ticket #"/]],
    ['an unquoted " #" made the header a comment: the hint says so', [numbered], 'columns:\n  id: Ticket #\n',
      [/columns\.id: no column "Ticket" in numbered\.csv, did you mean "Ticket #"\?\n.*in YAML a " #" starts a comment, so quote a header that holds one: id: "Ticket #"/]],
    ['missing from both files of a run', [tickets, history], `${base}  at: When\n  queue: Bord\n`, [/columns\.queue: no column "Bord" in tickets\.csv, history\.csv/]],
    ['a lookup for a field no column gives', [tickets], `${base}  queue: Board\nlookups:\n  assignee: groups.csv\n`,
      [/m\.yaml:6:3 {2}lookups\.assignee: no column of tickets\.csv gives the assignee field/]],
  ])('%s', async (_, files, yaml, expected) => {
    const got = await problems(files, yaml);
    expect(got).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(got[i]).toMatch(re));
  });

  it.each<[string, string[], string]>([
    ['every mapped column is there', [tickets], `${base}  queue: Board\n  status: Status\n`],
    ['a column in one file of two is used where it is (the history has no Opened)', [tickets, history], `${base}  at: When\n  queue: Board\n`],
    ['header names match ignoring case and surrounding space', [tickets], `${base}  queue: " board "\n`],
  ])('no error: %s', async (_, files, yaml) => {
    expect(await problems(files, yaml)).toEqual([]);
  });
});
