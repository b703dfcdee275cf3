import { describe, expect, it } from 'vitest';
import type { InspectReport } from '../../src/model/inspect.js';
import { cli, EXAMPLE } from '../support/cli.js';
import { dataFile, describeWith, realData } from '../support/requires.js';

const inspect = async (...args: string[]): Promise<InspectReport> => {
  const r = await cli('inspect', ...args, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as InspectReport;
};
const P = (name: string) => `fixtures/presets/${name}`;
const VINST = dataFile('vinst-incidents.csv');
const FRESHDESK = dataFile('freshdesk-activities.json');

describe('escalation-audit inspect --format json', () => {
  it('the bundled example: each file read, mapped and counted; queues and statuses as the framework sees them', async () => {
    const r = await inspect(...EXAMPLE);
    expect(r).toMatchObject({
      schemaVersion: '1.0', framework: { name: 'MSP three-board (default)' }, tickets: 238, events: 1035,
      history: { full: 238, snapshot: 0, counterOnly: 0 },
      dateRange: { first: '2026-09-21T13:14:00.000Z', last: '2026-10-30T21:52:00.000Z' },
      ticketsWithoutQueue: 0, ticketsWithoutStatus: 0, notes: [],
    });
    const [tickets, history] = r.files;
    expect(tickets).toMatchObject({
      file: EXAMPLE[0], format: 'csv', encoding: 'utf-8', encodingBy: 'detected', delimiter: ',', role: 'tickets', historyStyle: null,
      preset: { id: 'connectwise', shape: 'service tickets', by: 'header', distinctive: ['Ticket #', 'Board', 'Service Location', 'Date Entered'] },
      rows: 238, skippedRows: 0, tickets: 238, events: 0, unmapped: [],
    });
    expect(tickets!.columns.slice(0, 4)).toEqual([
      { column: 'Ticket #', fields: ['id'] }, { column: 'Summary', fields: ['summary'] }, { column: 'Company', fields: ['company'] }, { column: 'Board', fields: ['queue'] },
    ]);
    expect(tickets!.dateFormats).toEqual(['Date Entered', 'Last Updated', 'Closed Date'].map((column, i) => ({
      column, field: ['created', 'updated', 'closed'][i], format: 'M/D/YYYY h:mm A',
    })));
    expect(history).toMatchObject({
      role: 'history', historyStyle: 'snapshot', preset: { id: 'connectwise', shape: 'board/status history' },
      rows: 1035, tickets: 238, events: 1035, unmapped: ['Changed By'],
      dateFormats: [{ column: 'Date Changed', field: 'at', format: 'M/D/YYYY h:mm A' }],
    });
    expect(history!.preset.reason).toMatch(/^connectwise board\/status history: distinctive "Ticket #", "Board"; header has "Ticket #" \(id\), "Date Changed" \(at\)/);
    expect(r.queues.map((q) => [q.name, q.tickets, q.current, q.queue])).toEqual([
      ['Help Desk', 119, 80, 'triage'], ['NOC', 94, 78, 'noc'], ['Support', 84, 64, 'support'],
      ['Network Operations', 8, 8, 'noc'], ['Service Desk', 7, 4, 'triage'], ['Escalations', 4, 4, 'support'],
    ]);
    const status = (name: string) => r.statuses.find((s) => s.name === name);
    expect(status('Closed')).toEqual({ name: 'Closed', tickets: 136, current: 136, treatedAs: 'closed', known: true, looksLike: null });
    expect(status('Waiting on Customer')).toMatchObject({ treatedAs: 'paused', known: true });
    expect(status('In Progress')).toMatchObject({ treatedAs: 'open', known: false, looksLike: null });
    // A de-escalation trigger, not the end of the ticket: a closed word must be the whole name.
    expect(status('Onsite Complete')).toMatchObject({ treatedAs: 'open', looksLike: null });
  });

  it.each<[string, string[], Record<string, unknown>]>([
    ['GLPI, French headers: ";" and day-first dates', [P('glpi-fr.csv')], {
      format: 'csv', delimiter: ';', preset: { id: 'glpi', shape: 'ticket search export' }, rows: 2, tickets: 2,
      dateFormats: [{ column: "Date d'ouverture", field: 'created', format: 'D/M/YYYY H:mm' }, { column: 'Dernière modification', field: 'updated', format: 'D/M/YYYY H:mm' }],
      dateRange: { first: '2025-08-22T15:49:00.000Z', last: '2025-09-05T21:45:00.000Z' },
    }],
    ['Windows-1252: the encoding is said to be guessed', [P('quirk-windows-1252.csv')], { encoding: 'windows-1252', encodingBy: 'guessed' }],
    ['UTF-16 LE with a BOM', [P('quirk-utf16le-bom.csv')], { encoding: 'utf-16le', encodingBy: 'bom' }],
    ['--encoding', [P('quirk-windows-1252.csv'), '--encoding', 'latin1'], { encoding: 'latin1', encodingBy: '--encoding' }],
    ['Zendesk audits: JSON records unrolled into diff rows', [P('zendesk-audits.json')], {
      format: 'json', delimiter: null, role: 'history', historyStyle: 'diff', rows: 8, events: 8, tickets: 1,
      preset: { id: 'zendesk', shape: 'ticket audits (Change events)', unrolled: 'records with ticket_id and events[] (Zendesk ticket audits)' },
    }],
    ['--preset', [P('connectwise-tickets.csv'), '--preset', 'connectwise'], { preset: { id: 'connectwise', by: '--preset' } }],
  ])('%s', async (_name, args, expected) => {
    const r = await inspect(...args);
    expect(r.files[0]).toMatchObject(expected);
  });

  it('Zendesk audits: the changed-field columns are listed as such', async () => {
    const { files: [f] } = await inspect(P('zendesk-audits.json'));
    expect(f!.columns).toEqual([
      { column: 'ticket_id', fields: ['id'] }, { column: 'created_at', fields: ['at'] }, { column: 'field_name', fields: ['changed field'] },
      { column: 'value', fields: ['new value'] }, { column: 'previous_value', fields: ['old value'] },
    ]);
    expect(f!.unmapped).toEqual(['author_id']);
  });

  it('--history reads a ticket-list shape as history, its updated column giving the time', async () => {
    const r = await inspect(P('servicenow-incidents.csv'), '--history', P('servicenow-list-per-update.csv'));
    const h = r.files.find((f) => f.file.endsWith('list-per-update.csv'))!;
    expect(h.role).toBe('history');
    expect(h.columns.find((c) => c.fields.includes('at'))!.fields).toEqual(['updated', 'at']);
  });

  it('a status most tickets with a closed date end in looks closed, whatever its name', async () => {
    const r = await inspect('fixtures/inspect/finished-status.csv');
    expect(r.statuses.find((s) => s.name === 'Finalizado')).toMatchObject({ treatedAs: 'open', known: false, looksLike: 'closed', current: 3 });
    expect(r.statuses.find((s) => s.name === 'Nuevo')).toMatchObject({ looksLike: null });
  });

  it('--max-errors: skipped rows are counted and noted, the rest inspected', async () => {
    const r = await inspect('fixtures/hostile/far-future-timestamp.csv', '--max-errors', '1');
    expect(r.files[0]).toMatchObject({ rows: 2, skippedRows: 1, tickets: 1 });
    expect(r.notes[0]).toMatch(/skipped 1 bad row\(s\) of 2/);
  });
});

describe('escalation-audit inspect (table)', () => {
  it('the example: per file how it was read and mapped, then queues and statuses', async () => {
    const r = await cli('inspect', ...EXAMPLE);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`${EXAMPLE[0]}\n  read as   CSV, utf-8 (detected), delimiter ","\n  preset    connectwise service tickets (ticket list), chosen by header\n`);
    expect(r.stdout).toMatch(/^ {2}rows {6}1,035, 238 tickets, 1,035 events$/m);
    expect(r.stdout).toMatch(/^ {2}dates {5}2026-09-21 13:14Z \.\. 2026-10-30 21:52Z$/m);
    expect(r.stdout).toMatch(/^ {2}unmapped {2}"Changed By"$/m);
    expect(r.stdout).toMatch(/^ {2}Date Entered {6}created {3}M\/D\/YYYY h:mm A$/m);
    expect(r.stdout).toMatch(/^Help Desk +119 +80 {2}triage \(tier 1\)$/m);
    expect(r.stdout).toMatch(/^Waiting on Customer +25 +3 {2}paused$/m);
    expect(r.stdout).toMatch(/^In Progress +125 +7 {2}open \? not listed$/m);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('collapses repeated unmapped columns', async () => {
    const jira = await cli('inspect', P('jira-current-fields.csv'));
    expect(jira.stdout).toMatch(/"Comment" x\d+/);
  });
});

describe('escalation-audit inspect: exit 2 only when the input cannot be read', () => {
  it.each<[string, string[], RegExp]>([
    ['a header without rows', ['fixtures/hostile/header-only.csv'], /header-only\.csv:2 {2}no rows below the header/],
    ['a missing file', ['fixtures/inspect/nope.csv'], /nope\.csv {2}file not found/],
    ['columns no preset knows', ['fixtures/hostile/missing-required-column.csv'], /did you mean "Board"/],
    ['ambiguous day/month order', ['fixtures/hostile/ambiguous-day-month.csv'], /--day-first/],
    ['a broken framework', [...EXAMPLE, '--framework', 'fixtures/cli/broken-framework.yaml'], /broken-framework\.yaml:\d+:\d+/],
    ['an unknown --format', [...EXAMPLE, '--format', 'csv'], /argument 'csv' is invalid/],
    ['no export', [], /missing required argument/],
  ])('%s', async (_name, args, says) => {
    const r = await cli('inspect', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(says);
  });

  it('--day-first settles an ambiguous file, and the decided format says so', async () => {
    const r = await inspect('fixtures/hostile/ambiguous-day-month.csv', '--day-first');
    expect(r.files[0]!.dateFormats.map((d) => d.format)).toContain('D/M/YYYY h:mm A');
  });
});

describeWith(realData('vinst-incidents.csv', 'freshdesk-activities.json'), 'escalation-audit inspect on the real exports', () => {
  it('a mapping file', async () => {
    const r = await inspect(VINST, '--mapping', 'fixtures/mappings/vinst.yaml');
    expect(r.files[0]).toMatchObject({
      preset: { id: 'event-log', by: 'mapping file' }, rows: 65533, tickets: 7554, events: 65533, encodingBy: 'bom',
    });
  });

  it('a real Freshdesk activities export: preset, counts, date range; queues the framework does not know are flagged', async () => {
    const r = await inspect(FRESHDESK);
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatchObject({
      format: 'json', encoding: 'utf-8', role: 'history', historyStyle: 'new-values', rows: 2485, tickets: 292, events: 2485,
      preset: { id: 'freshdesk', shape: 'ticket activities', by: 'header', distinctive: ['performed_at', 'performer_type', 'performer_id'] },
      dateFormats: [{ column: 'performed_at', field: 'at', format: 'D-M-YYYY H:mm' }],
      dateRange: { first: '2026-04-15T13:09:20.000Z', last: '2026-08-21T05:24:12.000Z' },
    });
    expect(r).toMatchObject({ tickets: 292, events: 2485, ticketsWithoutQueue: 111, ticketsWithoutStatus: 13 });
    expect(r.queues.map((q) => [q.name, q.tickets, q.queue])).toEqual([
      ['Myloft Support Ignite', 73, null], ['Koha', 53, null], ['Dspace', 48, null], ['Servidor Ignite', 5, null],
      ['RemoteXs Support Team', 3, null], ['Winkel team', 2, null], ['OJS', 1, null],
    ]);
    expect(r.statuses.map((s) => [s.name, s.treatedAs, s.known, s.looksLike])).toEqual([
      ['Open', 'open', false, null], ['Closed', 'closed', true, null], ['Esperando por cliente', 'open', false, 'paused'],
      ['Pending', 'open', false, 'paused'], ['Resolved', 'closed', true, null],
    ]);
  });

  it('--framework: its queues and statuses decide what is known', async () => {
    const r = await inspect(FRESHDESK, '--framework', 'fixtures/inspect/freshdesk-framework.yaml');
    expect(r.framework.name).toBe('Freshdesk client');
    expect(r.queues.filter((q) => q.queue !== null).map((q) => [q.name, q.queue, q.tier])).toEqual([['Myloft Support Ignite', 'triage', 1], ['Koha', 'triage', 1]]);
    expect(r.statuses.find((s) => s.name === 'Esperando por cliente')).toMatchObject({ treatedAs: 'paused', known: true, looksLike: null });
  });

  it('--framework with matchTier: team names no queue matches are known by the tier values of their events', async () => {
    const r = await inspect(VINST, '--mapping', 'fixtures/mappings/vinst.yaml', '--framework', 'fixtures/mappings/vinst-framework.yaml');
    expect(r.queues.filter((q) => q.queue === null)).toEqual([]);
    expect(r.queues.find((q) => q.name === 'G96')).toMatchObject({ queue: 'level-1', tier: 1, by: 'tier' });
    const byLevel = new Set(r.queues.map((q) => q.queue));
    expect([...byLevel].sort()).toEqual(['level-1', 'level-2', 'level-3']);
  });

  it('flags unknown queues and statuses that look paused', async () => {
    const fd = await cli('inspect', FRESHDESK);
    expect(fd.stdout).toMatch(/^Myloft Support Ignite +73 +72 {2}\? unknown$/m);
    expect(fd.stdout).toContain('7 queue name(s) match no framework queue');
    expect(fd.stdout).toMatch(/^Pending +47 +11 {2}open ! looks paused$/m);
  });
});
