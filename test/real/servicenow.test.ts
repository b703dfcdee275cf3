import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadExports } from '../../src/ingest/load.js';
import { dataFile, describeWith, realData } from '../support/requires.js';

// Real data, read in place (../shared/data/SOURCES.md): the UCI ServiceNow incident event log, as circulated.
const FILE = dataFile('servicenow-incident-events.csv');

/** Distinct incident numbers by a plain scan: the number is the first column, and no cell is quoted. */
function distinctNumbers(): number {
  const lines = readFileSync(FILE, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  return new Set(lines.map((l) => l.slice(0, l.indexOf(',')))).size;
}

describeWith(realData('servicenow-incident-events.csv'), 'servicenow-incident-events.csv, auto-detected as the ServiceNow incident event log', () => {
  it('reads 119,998 events of as many tickets as distinct numbers, dates day-first', async () => {
    const loaded = await loadExports([FILE], { timezone: 'UTC' });
    const expected = distinctNumbers();
    expect(expected).toBe(20_769);
    expect(loaded.tickets).toHaveLength(expected);
    expect(loaded.events).toBe(119_998);
    expect(loaded.inputs).toEqual([{ file: FILE, format: 'csv', preset: 'servicenow', role: 'history', encoding: 'utf-8', rows: 119_998, tickets: expected }]);
    const [detail] = loaded.details;
    expect(detail!.plan.detection).toMatchObject({ by: 'header', preset: 'servicenow', shape: 'incident event log' });
    expect(detail!.plan.detection.distinctive).toContain('sys_updated_at');
    expect(detail!.dateFormats).toEqual({ at: 'D/M/YYYY H:mm', created: 'D/M/YYYY H:mm', closed: 'D/M/YYYY H:mm' });
    expect(loaded.notes).toEqual([]);

    const t = loaded.tickets.find((x) => x.id === 'INC0000047')!;
    expect(t.timeline.map((e) => `${new Date(e.at).toISOString().slice(0, 16)} ${e.queue} | ${e.status} | ${e.assignee}`)).toEqual([
      '2016-02-29T04:57 Group 70 | New | Resolver 89',
      '2016-02-29T05:30 Group 24 | Active | Resolver 31',
      '2016-02-29T05:33 Group 24 | Active | Resolver 31',
      '2016-02-29T11:31 Group 24 | Active | Resolver 31',
      '2016-02-29T11:32 Group 24 | Active | Resolver 31',
      '2016-03-01T09:14 Group 24 | Active | Resolver 31',
      '2016-03-01T09:14 Group 24 | Awaiting User Info | Resolver 89',
      '2016-03-01T09:52 Group 24 | Resolved | Resolver 89',
      '2016-03-06T10:00 Group 24 | Closed | Resolver 89',
    ]);
    expect(t.fields).toMatchObject({ queue: 'Group 24', status: 'Closed', priority: '3 - Moderate', reassignments: '1' });
    expect(t.history).toBe('full');
  });
});
