import { describe, expect, it } from 'vitest';
import type { LoadOptions } from '../../../src/ingest/load.js';
import { load, mapping, ticket, timeline } from './helpers.js';

interface Case {
  name: string;
  files: string[];
  options?: () => Partial<LoadOptions>;
  id: string;
  fields?: ('queue' | 'status' | 'assignee' | 'priority')[];
  expected: string[];
}

// Every history shape ends as one ordered timeline per ticket, values carried forward.
const cases: Case[] = [
  {
    name: 'snapshot per update (ServiceNow event log): unsorted rows, equal times keep file order, ? is empty',
    files: ['servicenow-event-log.csv'], id: 'INC0000047', fields: ['queue', 'status', 'assignee'],
    expected: [
      '2016-02-29T05:39 Group 70 | New | ',
      '2016-02-29T06:10 Group 24 | Active | ',
      '2016-02-29T06:10 Group 24 | Active | Resolver 89',
      '2016-03-01T10:00 Group 24 | Active | Resolver 89',
    ],
  },
  {
    name: 'activity rows carrying the current group (BPIC 2014), #N/B carries the group forward',
    files: ['event-log-bpic2014.csv'], id: 'IM0000005',
    expected: ['2013-03-18T11:13 TEAM0004 | Reassignment', '2013-03-18T11:14 TEAM0004 | Closed'],
  },
  {
    name: 'new values only (Freshdesk activities): group, status and agent carried forward; notes are activity',
    files: ['freshdesk-tickets.csv', 'freshdesk-activities.json'], id: '741', fields: ['queue', 'status', 'assignee', 'priority'],
    expected: [
      '2026-08-13T14:02 Soporte N1 | Open |  | Medium',
      '2026-08-13T14:30 Koha | Open |  | Medium',
      '2026-08-13T14:45 Koha | Open | 203005585239 | Medium',
      '2026-08-13T15:02 Koha | Esperando por cliente | 203005585239 | Medium',
      '2026-08-14T10:00 Koha | Esperando por cliente | 203005585239 | Medium',
      '2026-08-15T10:00 Koha | Closed | 203005585239 | Medium',
    ],
  },
  {
    name: 'new values only: a field given as null was cleared (not carried forward), an absent one is carried',
    files: ['freshdesk-tickets.csv', 'freshdesk-activities.json'], id: '742',
    expected: ['2026-08-14T09:00 Dspace | Open', '2026-08-14T12:00 Dspace | Pending', '2026-08-14T13:00  | Pending', '2026-08-14T13:05  | Pending'],
  },
  {
    name: 'field diffs (sys_audit): joined by sys_id, ids named by a lookup, state codes named, starts at creation with the old values',
    files: ['servicenow-incidents.csv', 'servicenow-sys-audit.csv'], options: () => ({ mapping: mapping('servicenow-sys-audit.yaml') }),
    id: 'INC0010002', fields: ['queue', 'status', 'assignee'],
    expected: [
      '2026-10-13T09:30 Service Desk | New | Raj Patel',
      '2026-10-13T09:45 Database | New | Raj Patel',
      '2026-10-13T10:30 Database | In Progress | Raj Patel',
      '2026-10-13T11:00 Database | In Progress | Raj Patel',
      '2026-10-13T15:00 Network | In Progress | Raj Patel',
      '2026-10-14T09:00 Database | In Progress | Raj Patel',
    ],
  },
  {
    name: 'field diffs (glpi_logs): fields by search option, old values before the first change',
    files: ['glpi-logs.csv'], id: '52267', fields: ['queue', 'status', 'priority'],
    expected: [
      '2025-05-09T11:30 Support N2 | New | Medium',
      '2025-05-09T11:35 Support N2 | Processing (assigned) | Medium',
      '2025-05-09T14:02 Support N2 | Processing (assigned) | High',
      '2025-05-09T14:02 Support N2 | Processing (assigned) | High',
    ],
  },
  {
    name: 'field diffs (Zendesk audit Change events), group ids named by a lookup table',
    files: ['zendesk-tickets.ndjson', 'zendesk-audits.json'], options: () => ({ mapping: mapping('zendesk.yaml') }),
    id: '101', fields: ['queue', 'status', 'assignee'],
    expected: [
      '2026-10-13T08:00 Tier 1 Support |  | ',
      '2026-10-13T08:00 Tier 1 Support | new | ',
      '2026-10-13T08:10 Tier 1 Support | open | ',
      '2026-10-13T08:10 Tier 1 Support | open | 7001',
      '2026-10-13T11:30 Tier 2 Support | open | 7001',
      '2026-10-13T11:30 Tier 2 Support | open | 7002',
      '2026-10-13T14:00 Tier 2 Support | open | 7002',
      '2026-10-13T16:20 Tier 2 Support | solved | 7002',
    ],
  },
  {
    name: 'field diffs (Jira changelog): components route, a creation event holds the old values',
    files: ['jira-issues-changelog.json'], id: 'SR-1517', fields: ['queue', 'status', 'assignee'],
    expected: [
      '2026-01-06T09:29 Frontend | To Do | ',
      '2026-01-06T09:40 Platform | To Do | ',
      '2026-01-06T09:40 Platform | To Do | Shivam Vyas',
      '2026-01-07T10:02 Platform | In Progress | Shivam Vyas',
      '2026-01-27T16:24 Platform | In Progress | Shivam Vyas',
    ],
  },
  {
    name: 'free text (ConnectWise audit trail): sentences name board and status changes',
    files: ['connectwise-tickets.csv', 'connectwise-audit-trail.csv'], id: '1002',
    expected: [
      '2026-10-14T13:15 Help Desk | New',
      '2026-10-14T13:40 Support | New',
      '2026-10-14T13:40 Support | Assigned',
      '2026-10-15T16:00 Support | In Progress',
    ],
  },
  {
    name: 'free text (Autotask ticket history "Queue: A > B"), joined by the numeric ticket id, picklists named',
    files: ['autotask-tickets-api.json', 'autotask-ticket-history.csv'], options: () => ({ mapping: mapping('autotask-api.yaml') }),
    id: 'T20261014.0002',
    expected: ['2026-10-14T10:30 Level I Support | New', '2026-10-14T11:05 Level II Support | New', '2026-10-14T11:05 Level II Support | In Progress'],
  },
  {
    name: 'actions (HaloPSA): new team/status columns and "Team changed to" outcomes',
    files: ['halopsa-tickets.json', 'halopsa-actions.csv'], id: '5001',
    expected: [
      '2026-10-13T08:00 1st Line Support | New',
      '2026-10-13T08:40 2nd Line Support | New',
      '2026-10-13T08:55 2nd Line Support | New',
      '2026-10-13T09:10 1st Line Support | In Progress',
    ],
  },
  {
    name: 'snapshot history rows in any order; blank board carried forward; equal times keep file order',
    files: ['quirk-unsorted-history.csv'], id: '3001',
    expected: ['2026-10-13T08:00 Help Desk | New', '2026-10-13T10:00 Support | In Progress', '2026-10-13T10:00 Help Desk | Assigned', '2026-10-14T16:00 Help Desk | Closed'],
  },
  {
    name: '--history: a list export with one row per update, its updated column giving the time',
    files: [], options: () => ({ history: ['servicenow-list-per-update.csv'] }), id: 'INC0010002',
    expected: ['2026-10-13T09:30 Service Desk | New', '2026-10-13T09:45 Database | In Progress', '2026-10-14T12:00 Database | Resolved'],
  },
  {
    name: 'no history: the current queue from creation to the last change',
    files: ['zendesk-tickets.csv'], id: '101',
    expected: ['2026-10-13T08:00 Tier 2 Support | ', '2026-10-13T16:20 Tier 2 Support | Solved'],
  },
];

describe('every history shape becomes one timeline', () => {
  it.each(cases)('$name', async (c) => {
    const { tickets } = await load(c.files, c.options?.());
    expect(timeline(ticket(tickets, c.id), c.fields)).toEqual(c.expected);
  });

  it('history ids with no ticket in the list are an error, after joining second ids', async () => {
    await expect(load(['servicenow-incidents-labels.csv', 'servicenow-sys-audit.csv'])).rejects
      .toThrow(/2 ticket\(s\) in the history are not in the ticket list: 7f1e2d3c4b5a69788796a5b4c3d2e1f0, 3d9a7c1f1b2e4a10a5c6d7e8f9012345/);
  });

  it('ticket fields take the ticket list first, then the last state of the history', async () => {
    const { tickets } = await load(['glpi-logs.csv']);
    expect(ticket(tickets, '52267')!.fields).toMatchObject({ queue: 'Support N2', status: 'Processing (assigned)', priority: 'High' });
    const withList = await load(['connectwise-tickets.csv', 'connectwise-audit-trail.csv']);
    expect(ticket(withList.tickets, '1002')!.fields).toMatchObject({ queue: 'Support', status: 'In Progress', onsite: 'On-Site' });
  });
});

describe('counters only: degraded mode', () => {
  it.each([
    ['zendesk-tickets.csv', { '101': 2, '102': 0 }],
    ['servicenow-incidents.csv', { INC0010001: 0, INC0010002: 3 }],
    ['servicenow-table-api.json', { INC0010003: 1 }],
  ])('%s keeps the queue-change count on the ticket', async (file, counts) => {
    const { tickets, notes } = await load([file]);
    expect(Object.fromEntries(tickets.map((t) => [t.id, t.queueChanges]))).toEqual(counts);
    expect(tickets.every((t) => t.history === 'snapshot')).toBe(true);
    const never = Object.values(counts).filter((n) => n === 0).length;
    expect(notes).toContain(`${tickets.length} of those tickets have the export's queue-change counter (e.g. reassignment_count, Group stations): `
      + `ping-pong judges them by that count alone, and the ${never} that never changed queue were judged where they were created`);
  });

  it('a ticket with full history uses its timeline, not the counter note', async () => {
    const { tickets, notes } = await load(['servicenow-event-log.csv']);
    expect(ticket(tickets, 'INC0000047')!.history).toBe('full');
    expect(notes.join('\n')).not.toMatch(/queue-change counter/);
  });
});
