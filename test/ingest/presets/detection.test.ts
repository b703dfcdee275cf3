import { describe, expect, it } from 'vitest';
import type { PresetId } from '../../../src/ingest/presets/index.js';
import { load, mapping } from './helpers.js';

interface Case {
  files: string[];
  mapping?: string;
  /** Per input, in order: preset, shape, role. */
  inputs: [string, string, 'tickets' | 'history'][];
  tickets: number;
  events: number;
  /** A header the detection must name as distinctive (first input). */
  because?: string;
}

const cases: Case[] = [
  { files: ['connectwise-tickets.csv', 'connectwise-audit-trail.csv'], tickets: 3, events: 7, because: 'Ticket #',
    inputs: [['connectwise', 'service tickets', 'tickets'], ['connectwise', 'audit trail', 'history']] },
  { files: ['quirk-tab-crlf.tsv'], tickets: 2, events: 3, because: 'Board', inputs: [['connectwise', 'board/status history', 'history']] },
  { files: ['autotask-tickets.csv'], tickets: 2, events: 0, because: 'Sub-Issue Type', inputs: [['autotask', 'tickets', 'tickets']] },
  { files: ['autotask-import-template.csv'], tickets: 2, events: 0, because: 'Autotask Ticket Number', inputs: [['autotask', 'tickets', 'tickets']] },
  { files: ['autotask-tickets-api.json', 'autotask-ticket-history.csv'], tickets: 2, events: 4, because: 'queueID',
    inputs: [['autotask', 'tickets', 'tickets'], ['autotask', 'ticket history', 'history']] },
  { files: ['halopsa-tickets.json', 'halopsa-actions.csv'], tickets: 2, events: 5, because: 'team_id',
    inputs: [['halopsa', 'tickets', 'tickets'], ['halopsa', 'actions', 'history']] },
  { files: ['servicenow-incidents.csv'], tickets: 2, events: 0, because: 'sys_id', inputs: [['servicenow', 'incident list (field names)', 'tickets']] },
  { files: ['servicenow-incidents-labels.csv'], tickets: 2, events: 0, because: 'Assignment group', inputs: [['servicenow', 'incident list (labels)', 'tickets']] },
  { files: ['servicenow-event-log.csv'], tickets: 2, events: 6, because: 'sys_updated_at', inputs: [['servicenow', 'incident event log', 'history']] },
  { files: ['servicenow-table-api.json'], tickets: 1, events: 0, because: 'assignment_group/display_value', inputs: [['servicenow', 'incident list (field names)', 'tickets']] },
  { files: ['servicenow-incidents.csv', 'servicenow-sys-audit.csv'], tickets: 2, events: 6, because: 'sys_id',
    inputs: [['servicenow', 'incident list (field names)', 'tickets'], ['servicenow', 'sys_audit', 'history']] },
  { files: ['zendesk-tickets.csv'], tickets: 2, events: 0, because: 'Group stations', inputs: [['zendesk', 'ticket export (CSV)', 'tickets']] },
  { files: ['zendesk-tickets.ndjson', 'zendesk-audits.json'], tickets: 2, events: 8, because: 'group_id',
    inputs: [['zendesk', 'tickets (JSON)', 'tickets'], ['zendesk', 'ticket audits (Change events)', 'history']] },
  { files: ['freshdesk-tickets.csv', 'freshdesk-activities.json'], tickets: 2, events: 10, because: 'Resolution status',
    inputs: [['freshdesk', 'tickets export', 'tickets'], ['freshdesk', 'ticket activities', 'history']] },
  { files: ['jira-current-fields.csv'], tickets: 2, events: 0, because: 'Issue key', inputs: [['jira', 'issues CSV', 'tickets']] },
  { files: ['jira-es.csv'], tickets: 2, events: 0, because: 'Clave de incidencia', inputs: [['jira', 'issues CSV', 'tickets']] },
  { files: ['jira-issues-changelog.json'], tickets: 1, events: 4, because: 'fields/status/name',
    inputs: [['jira', 'REST issues', 'tickets'], ['jira', 'changelog', 'history']] },
  { files: ['glpi-en.csv'], tickets: 2, events: 0, because: 'Assigned to - Technician group', inputs: [['glpi', 'ticket search export', 'tickets']] },
  { files: ['glpi-fr.csv'], tickets: 2, events: 0, because: 'Attribué à - Groupe de techniciens', inputs: [['glpi', 'ticket search export', 'tickets']] },
  { files: ['quirk-windows-1252.csv'], tickets: 2, events: 0, because: "Date d'ouverture", inputs: [['glpi', 'ticket search export', 'tickets']] },
  { files: ['glpi-logs.csv'], tickets: 1, events: 4, because: 'id_search_option', inputs: [['glpi', 'glpi_logs', 'history']] },
  { files: ['event-log-bpic2014.csv'], tickets: 2, events: 6, because: 'IncidentActivity_Type', inputs: [['event-log', 'event log', 'history']] },
];

describe('presets are detected from the header or JSON shape', () => {
  it.each(cases)('$files', async (c) => {
    const loaded = await load(c.files);
    expect(loaded.details.map((d) => [d.plan.preset.id, d.plan.shape.name, d.role])).toEqual(c.inputs);
    expect(loaded.inputs.map((i) => [i.preset, i.role])).toEqual(c.inputs.map(([p, , r]) => [p, r]));
    expect(loaded.tickets).toHaveLength(c.tickets);
    expect(loaded.events).toBe(c.events);
    const first = loaded.details[0]!.plan;
    expect(first.detection.by).toBe('header');
    expect(first.detection.distinctive).toContain(c.because);
    expect(first.reason).toContain(`"${c.because}"`);
  });

  it('records the runner-up preset and its score (Zendesk and Freshdesk JSON share requester_id)', async () => {
    const { details } = await load(['zendesk-tickets.ndjson']);
    const d = details[0]!.plan.detection;
    expect(d).toMatchObject({ preset: 'zendesk', runnerUp: { preset: 'freshdesk', shape: 'tickets (API JSON)' } });
    expect(d.runnerUp!.score).toBeLessThan(d.score);
    expect(details[0]!.plan.reason).toMatch(/; next best freshdesk tickets \(API JSON\) \(score \d+ vs \d+\)$/);
  });

  it('--preset forces one preset and says so', async () => {
    const { details } = await load(['servicenow-incidents.csv'], { preset: 'servicenow' });
    expect(details[0]!.plan.detection.by).toBe('--preset');
    expect(details[0]!.plan.reason).toBe('servicenow incident list (field names) (--preset)');
  });

  it.each<[string, PresetId]>([
    ['zendesk-tickets.csv', 'connectwise'],
    ['glpi-en.csv', 'jira'],
  ])('--preset that does not fit %s names what it needs', async (file, preset) => {
    await expect(load([file], { preset })).rejects.toThrow(new RegExp(`the columns do not fit the ${preset} preset`));
  });

  it('a mapping file with a preset and lookups only is reported as chosen by the mapping file', async () => {
    const { details } = await load(['zendesk-tickets.ndjson'], { mapping: mapping('zendesk.yaml') });
    expect(details[0]!.plan.detection.by).toBe('mapping file');
  });

  it('common header names alone (Id, Status, Priority) pick no preset', async () => {
    await expect(load(['quirk-common-names-only.csv'])).rejects.toThrow(/no preset recognises these columns: "Id", "Status", "Priority", "Created"/);
  });
});

describe('what inspect needs from a load', () => {
  it('per input: headers as read, the column of each canonical field, the change columns and date layouts', async () => {
    const { details } = await load(['servicenow-sys-audit.csv']);
    const d = details[0]!;
    expect(d.headers).toEqual(['sys_id', 'tablename', 'documentkey', 'fieldname', 'oldvalue', 'newvalue', 'user', 'sys_created_on']);
    expect(d.plan.columns).toEqual({ id: 2, at: 7 });
    expect(d.plan.changes).toEqual({ field: 3, from: 4, to: 5 });
    expect(d.plan.shape.style).toBe('diff');
    expect(d.dateFormats).toEqual({ at: 'YYYY-MM-DD HH:mm' });
    expect(d.plan.detection.mapped).toEqual([{ field: 'id', header: 'documentkey' }, { field: 'at', header: 'sys_created_on' }]);
  });
});
