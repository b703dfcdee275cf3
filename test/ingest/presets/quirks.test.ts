import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../../src/ingest/mapping.js';
import { fixture, load, ticket, timeline } from './helpers.js';

describe('files as they really come', () => {
  it.each([
    ['quirk-utf16le-bom.csv', 'utf-16le', '7002', 'Résolu'],
    ['quirk-windows-1252.csv', 'windows-1252', '302', 'En cours'],
    ['glpi-fr.csv', 'utf-8', '1204', 'En cours (attribué)'],
    ['quirk-utf16be-bom.csv', 'utf-16be', '8101', 'New'],
  ])('%s: read as %s', async (file, encoding, id, status) => {
    const { inputs, tickets } = await load([file]);
    expect(inputs[0]!.encoding).toBe(encoding);
    expect(ticket(tickets, id)!.fields.status).toBe(status);
  });

  it('says when Windows-1252 was guessed, and --encoding silences it', async () => {
    expect((await load(['quirk-windows-1252.csv'])).notes[0]).toBe(
      `${fixture('quirk-windows-1252.csv')}: not valid UTF-8, read as Windows-1252 (pass --encoding to override)`);
    expect((await load(['quirk-windows-1252.csv'], { encoding: 'windows-1252' })).notes.join('\n')).not.toMatch(/Windows-1252/);
  });

  it('GLPI: a BOM moved inside the quoted first header, ids with thousands separators, several groups joined by <br>', async () => {
    const fr = await load(['glpi-fr.csv']);
    expect(fr.tickets.map((t) => t.id)).toEqual(['1204', '1205']);
    expect(Object.keys(fr.tickets[0]!.raw)[0]).toBe('ID');
    expect(fr.tickets[0]!.raw.ID).toBe('1 204');
    const en = await load(['glpi-en.csv']);
    expect(en.tickets.map((t) => [t.id, t.fields.queue])).toEqual([['52267', 'Support N2'], ['52268', 'Support N1']]);
    expect(en.tickets[1]!.raw['Assigned to - Technician group']).toBe('Support N1<br>Hardware');
  });

  it('headers match ignoring case, surrounding and repeated spaces and a BOM', async () => {
    const { tickets, details } = await load(['quirk-header-case.csv']);
    expect(details[0]!.plan.preset.id).toBe('connectwise');
    expect(tickets[0]!.fields).toMatchObject({ id: '8001', queue: 'Help Desk', status: 'New' });
    expect(new Date(tickets[0]!.created!).toISOString()).toBe('2026-10-13T08:00:00.000Z');
  });

  it('a trailing delimiter adds no column', async () => {
    const { tickets } = await load(['glpi-en.csv']);
    expect(Object.keys(tickets[0]!.raw)).toHaveLength(10);
  });

  it('null markers (#N/A, NULL, -, ?, N/A, #N/B) read as empty', async () => {
    const { tickets } = await load(['quirk-null-markers.csv']);
    for (const id of ['4001', '4002']) {
      const t = ticket(tickets, id)!;
      expect([t.fields.priority, t.fields.assignee, t.closed]).toEqual([undefined, undefined, undefined]);
    }
    expect(ticket(tickets, '4003')!.fields).toMatchObject({ priority: 'Low', assignee: 'Ann' });
  });

  it('Jira: every column kept, repeated headers addressable as "Comment", "Comment #2", ...; multi-line cells', async () => {
    const { tickets } = await load(['jira-current-fields.csv']);
    const t = ticket(tickets, 'SR-1517')!;
    expect(Object.keys(t.raw)).toHaveLength(21);
    expect(t.raw.Comment).toBe('06/Jan/26 9:40 AM;5f1a;Seen on\nChrome and Firefox');
    expect(t.raw['Comment #2']).toBe('07/Jan/26 10:02 AM;5f1b;Fixed timeout');
    expect(t.raw['Comment #3']).toBe('');
    expect([t.raw.Labels, t.raw['Labels #2']]).toEqual(['auth', 'web']);
  });

  it('Jira in Spanish: localized headers and month names', async () => {
    const { tickets, details } = await load(['jira-es.csv']);
    expect(details[0]!.dateFormats).toEqual({ created: 'D/MMM/YY h:mm A', updated: 'D/MMM/YY h:mm A' });
    expect(timeline(ticket(tickets, 'ITH-13'))).toEqual(['2026-08-03T11:45 Accesos | ', '2026-08-04T08:30 Accesos | En curso']);
  });

  it('a column of dates like 5/3/2016 that nothing in it settles follows the columns that settled theirs', async () => {
    const { tickets, details } = await load(['servicenow-event-log.csv']);
    expect(details[0]!.dateFormats.closed).toBe('D/M/YYYY H:mm');
    expect(new Date(ticket(tickets, 'INC0000045')!.closed!).toISOString()).toBe('2016-03-05T12:00:00.000Z');
  });

  it('a file where nothing settles the day/month order stops and names the options', async () => {
    await expect(load(['quirk-ambiguous-dates.csv'])).rejects.toThrow(/CLI `--day-first` \/ `--month-first`/);
    const { tickets } = await load(['quirk-ambiguous-dates.csv'], { dayOrder: 'dmy' });
    expect(timeline(tickets[0])).toEqual(['2026-04-03T08:00 Help Desk | New', '2026-06-05T09:00 Support | Closed']);
  });

  it('- reads the export from stdin (CSV or JSON)', async () => {
    for (const file of ['quirk-tab-crlf.tsv', 'freshdesk-activities.json']) {
      const stdin = Readable.from([readFileSync(fixture(file))]);
      const { inputs, tickets } = await load([], { stdin, history: ['-'] });
      expect(inputs[0]).toMatchObject({ file: 'stdin', role: 'history' });
      expect(tickets.length).toBe(2);
    }
  });
});

describe('JSON exports', () => {
  it.each([
    ['autotask-tickets-api.json', 'json', 2],
    ['halopsa-tickets.json', 'json', 2],
    ['servicenow-table-api.json', 'json', 1],
    ['zendesk-tickets.ndjson', 'ndjson', 2],
    ['freshdesk-activities.json', 'json', 10],
  ])('%s: wrapper or lines of records read as %s', async (file, format, rows) => {
    const { inputs } = await load([file]);
    expect(inputs[0]).toMatchObject({ format, rows });
  });

  it('an empty list is an input error, not an empty audit', async () => {
    await expect(load(['quirk-empty-list.json'])).rejects.toThrow('no records: the JSON export holds an empty list');
  });

  it('a bare array of records', async () => {
    const { tickets } = await load(['halopsa-tickets-array.json']);
    expect(tickets.map((t) => [t.id, t.fields.queue])).toEqual([['5001', '1st Line Support']]);
  });

  it('nested objects become parent/child columns, kept raw', async () => {
    const { tickets } = await load(['servicenow-table-api.json']);
    expect(tickets[0]!.raw['assignment_group/display_value']).toBe('Network');
    expect(tickets[0]!.fields).toMatchObject({ queue: 'Network', assignee: 'Lee Wong', status: 'In Progress', priority: '3 - Moderate' });
  });
});

describe('--max-errors', () => {
  it('default 0: the first bad row stops the read with file, line and column', async () => {
    await expect(load(['quirk-bad-rows.csv'])).rejects.toMatchObject({
      message: 'found "not a date"; expected a date like YYYY-MM-DD HH:mm',
      position: { file: fixture('quirk-bad-rows.csv'), line: 3, column: 'Date Changed' },
    });
  });

  it('skips and counts up to N bad rows (bad date, no id, wrong width), and says so', async () => {
    const { inputs, notes, tickets, events } = await load(['quirk-bad-rows.csv'], { maxErrors: 3 });
    expect(inputs[0]).toMatchObject({ rows: 6, skippedRows: 3, tickets: 2 });
    expect(events).toBe(3);
    expect(timeline(ticket(tickets, '5001'))).toEqual(['2026-10-13T08:00 Help Desk | New', '2026-10-13T10:00 Support | In Progress']);
    expect(notes).toContain(`${fixture('quirk-bad-rows.csv')}: skipped 3 bad row(s) of 6 (--max-errors); the first: `
      + `${fixture('quirk-bad-rows.csv')}:3 (column "Date Changed"): found "not a date"; expected a date like YYYY-MM-DD HH:mm`);
  });

  it('stops at the bad row that goes over the limit', async () => {
    await expect(load(['quirk-bad-rows.csv'], { maxErrors: 2 })).rejects.toMatchObject({
      message: 'row has 6 cells, header has 4 (bad row 3; --max-errors is 2)', position: { line: 5 },
    });
  });

  it('inputs without bad rows have no skippedRows', async () => {
    const { inputs } = await load(['quirk-tab-crlf.tsv'], { maxErrors: 5 });
    expect(inputs[0]).not.toHaveProperty('skippedRows');
  });
});

describe('lookup tables', () => {
  it('CSV with id,name header and JSON list of {id,name} name picklist ids; unknown ids stay as they are', async () => {
    const m = parseMapping('preset: autotask\nlookups:\n  queue: lookups/autotask-queues.csv\n  status: lookups/autotask-statuses.json\n', fixture('m.yaml'));
    const { tickets } = await load(['autotask-tickets-api.json'], { mapping: m });
    expect(tickets.map((t) => [t.fields.queue, t.fields.status, t.fields.priority])).toEqual([
      ['Level I Support', 'Complete', '2'], ['Level II Support', 'In Progress', '1'],
    ]);
    expect(tickets[0]!.raw.queueID).toBe('29683480');
  });

  it('paths are kept as written, relative to the mapping file', () => {
    const m = parseMapping('lookups:\n  queue: groups.csv\n', '/tmp/client/mapping.yaml');
    expect(m.lookups).toEqual({ queue: 'groups.csv' });
    expect(m.dir).toBe('/tmp/client');
  });

  it.each([
    ['lookups:\n  queues: g.csv\n', /lookups: unknown field "queues" \(did you mean "queue"\?\)/],
    ['lookups:\n  queue: ""\n', /lookups.queue: expected the path of a CSV or JSON file/],
    ['lookups: groups.csv\n', /lookups: expected a mapping of canonical field/],
  ])('mapping problems are named: %j', (text, message) => {
    expect(() => parseMapping(text, 'm.yaml')).toThrow(message);
  });

  it('a missing or empty table is an input error naming it', async () => {
    const missing = parseMapping('lookups:\n  queue: lookups/nope.csv\n', fixture('m.yaml'));
    const error = await load(['zendesk-tickets.csv'], { mapping: missing }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    // The path as written in the mapping, and the folder it was looked for in: the mapping file's.
    expect((error as InputError).format()).toBe(`lookups/nope.csv  file not found (resolved from ${resolve(dirname(fixture('m.yaml')))})\n`
      + "  hint: the mapping's lookups.queue names it; check the path of the lookup table; it is relative to the mapping file's folder");
    const empty = parseMapping('lookups:\n  queue: quirk-lookup-empty.json\n', fixture('m.yaml'));
    await expect(load(['zendesk-tickets.csv'], { mapping: empty })).rejects.toThrow(/lookup table has no entries/);
  });
});

describe('a missing lookup table (item 19)', () => {
  it('the hint says the path is relative to the mapping file and where it was looked for', async () => {
    const missing = parseMapping('lookups:\n  queue: lookups/nope.csv\n', fixture('m.yaml'));
    const error = await load(['zendesk-tickets.csv'], { mapping: missing }).then(() => { throw new Error('loaded'); }, (e: unknown) => e as InputError);
    const text = error.format();
    expect(text).toContain('file not found');
    expect(text).toMatch(/hint: .*lookups\.queue.*relative to the mapping file/);
    expect(text).toContain(dirname(fixture('m.yaml')));
    expect(text).not.toContain('relative to the current directory');
  });
});
