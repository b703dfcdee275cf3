import { expect, it } from 'vitest';
import { loadExports } from '../../src/ingest/load.js';
import { cli } from '../support/cli.js';
import { dataFile, describeWith, realData } from '../support/requires.js';

// Real data, read in place (../shared/data/SOURCES.md): a Freshdesk ticket activities export (JSON).
const FILE = dataFile('freshdesk-activities.json');

const line = (e: { at: number; queue?: string | undefined; status?: string | undefined }) =>
  `${new Date(e.at).toISOString().slice(0, 19)} ${e.queue ?? ''} | ${e.status ?? ''}`;

describeWith(realData('freshdesk-activities.json'), 'freshdesk-activities.json, auto-detected as Freshdesk ticket activities', () => {
  it('reads 292 tickets and 2,485 events, group changes carried forward', async () => {
    const loaded = await loadExports([FILE], { timezone: 'UTC' });
    expect(loaded.tickets).toHaveLength(292);
    expect(loaded.events).toBe(2485);
    expect(loaded.inputs).toEqual([{ file: FILE, format: 'json', preset: 'freshdesk', role: 'history', encoding: 'utf-8', rows: 2485, tickets: 292 }]);
    expect(loaded.details[0]!.plan.detection).toMatchObject({ preset: 'freshdesk', shape: 'ticket activities' });
    expect(loaded.details[0]!.dateFormats).toEqual({ at: 'D-M-YYYY H:mm' });

    // Ticket 684 moves Myloft -> Koha -> Myloft and loses its group; notes and status changes in between keep the group.
    const t = loaded.tickets.find((x) => x.id === '684')!;
    const lines = t.events().map(line);
    expect(lines).toHaveLength(23);
    expect(lines.slice(2, 8)).toEqual([
      '2026-07-03T17:25:48 Myloft Support Ignite | Open',
      '2026-07-03T17:25:48 Myloft Support Ignite | Open',
      '2026-07-03T18:26:56 Koha | Open',
      '2026-07-06T17:47:00 Myloft Support Ignite | Open',
      '2026-07-06T17:50:18 Myloft Support Ignite | Open',
      '2026-07-08T16:38:29 Myloft Support Ignite | Open',
    ]);
    expect(lines.slice(11)).toContain('2026-07-21T16:15:39  | Open');
    expect(lines.at(-1)).toBe('2026-08-07T01:50:58  | Esperando por cliente');
    // Every group an activity names is on the timeline from that moment until the next change.
    const grouped = loaded.tickets.filter((x) => x.events().some((e) => e.queue !== undefined));
    expect(grouped).toHaveLength(181);
  });

  it('audits through the CLI, JSON in, with the preset in inputs[]', async () => {
    const r = await cli('audit', FILE, '--format', 'json', '--fail-on', 'never');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ tickets: 292, events: 2485 });
    expect(report.inputs[0]).toMatchObject({ format: 'json', preset: 'freshdesk', role: 'history', rows: 2485, tickets: 292 });
  });
});
