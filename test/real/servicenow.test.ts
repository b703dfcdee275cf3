import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadExports } from '../../src/ingest/load.js';
import { loadFramework } from '../../src/pipeline/framework.js';
import { latestInstant } from '../../src/prepare/report.js';
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
    expect(t.events().map((e) => `${new Date(e.at).toISOString().slice(0, 16)} ${e.queue} | ${e.status} | ${e.assignee}`)).toEqual([
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

describeWith(realData('servicenow-incident-events.csv'), 'servicenow-incident-events.csv: reopens seen in the history', () => {
  it('agree with ServiceNow\'s own reopen_count, ticket by ticket', async () => {
    // reopen_count is the fifth column; no cell of the file is quoted (see distinctNumbers).
    const counted = new Map<string, number>();
    for (const line of readFileSync(FILE, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '')) {
      const cells = line.split(',');
      counted.set(cells[0]!, Math.max(counted.get(cells[0]!) ?? 0, Number(cells[4])));
    }
    const framework = await loadFramework();
    const loaded = await loadExports([FILE], { timezone: framework.defaultCalendar.timezone });
    const { findings } = audit(loaded.tickets, framework, { asOf: latestInstant(loaded.tickets) });
    const found = findings.filter((f) => f.rule === 'reopened').map((f): [string, unknown] => [f.ticket, f.evidence['reopens']]);
    const expected = [...counted].filter(([, n]) => n > 1);
    expect(expected).toHaveLength(23);
    expect(new Map(found)).toEqual(new Map(expected));
  });
});
