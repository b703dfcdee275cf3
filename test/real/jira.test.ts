import { expect, it } from 'vitest';
import { loadExports } from '../../src/ingest/load.js';
import { dataFile, describeWith, realData } from '../support/requires.js';

// Real data, read in place (../shared/data/SOURCES.md): a Jira Cloud "Export CSV (all fields)".
const FILE = dataFile('jira-cloud-export.csv');

describeWith(realData('jira-cloud-export.csv'), 'jira-cloud-export.csv, auto-detected as a Jira issues CSV', () => {
  it('reads 311 tickets and keeps all 379 columns, repeated headers addressable one by one', async () => {
    const loaded = await loadExports([FILE], { timezone: 'UTC' });
    expect(loaded.tickets).toHaveLength(311);
    expect(loaded.events).toBe(0);
    expect(loaded.inputs).toEqual([{ file: FILE, format: 'csv', preset: 'jira', role: 'tickets', encoding: 'utf-8', rows: 311, tickets: 311 }]);
    expect(loaded.details[0]!.plan.detection).toMatchObject({ preset: 'jira', shape: 'issues CSV' });
    expect(loaded.details[0]!.dateFormats).toMatchObject({ created: 'D/MMM/YY h:mm A', updated: 'D/MMM/YY h:mm A' });
    for (const t of loaded.tickets) expect(Object.keys(t.raw)).toHaveLength(379);

    const t = loaded.tickets.find((x) => x.id === 'SR-1517')!;
    expect(t.fields).toMatchObject({ status: 'Todo', priority: 'Highest', assignee: 'Shivam Vyas', type: 'Task' });
    expect(new Date(t.created!).toISOString()).toBe('2026-01-06T09:29:00.000Z');
    const keys = Object.keys(t.raw);
    expect(keys.filter((k) => k === 'Comment' || /^Comment #\d+$/.test(k))).toHaveLength(75);
    expect(keys.filter((k) => k === 'Log Work' || /^Log Work #\d+$/.test(k))).toHaveLength(216);
    expect(keys).toContain('Comment #75');
    expect(keys).toContain('Log Work #216');
  });
});
