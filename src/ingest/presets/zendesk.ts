import { cellText, isObject } from '../flatten.js';
import type { JsonUnroller, Preset } from './preset.js';

const changeFields = { group_id: 'queue', group: 'queue', status: 'status', assignee_id: 'assignee', assignee: 'assignee', priority: 'priority' } as const;

/** Ticket audits (`{"audits": [...]}`): one history row per Change event; audits without one are activity. */
const audits: JsonUnroller = {
  reason: 'records with ticket_id and events[] (Zendesk ticket audits)',
  matches: (r) => Array.isArray(r.events) && 'ticket_id' in r && 'created_at' in r,
  unroll(record, emit) {
    const base = (): Map<string, string> => new Map([
      ['ticket_id', cellText(record.ticket_id)], ['created_at', cellText(record.created_at)], ['author_id', cellText(record.author_id)],
    ]);
    let changes = 0;
    for (const event of record.events as unknown[]) {
      if (!isObject(event) || (event.type !== 'Change' && event.type !== 'Create') || typeof event.field_name !== 'string') continue;
      const row = base();
      row.set('field_name', event.field_name);
      row.set('value', cellText(event.value));
      row.set('previous_value', cellText(event.previous_value));
      emit('history', row);
      changes++;
    }
    if (changes === 0) emit('history', base());
  },
};

export const zendesk: Preset = {
  id: 'zendesk',
  title: 'Zendesk: ticket export (CSV or JSON); ticket audits (JSON); field history',
  shapes: [
    {
      name: 'ticket export (CSV)', role: 'tickets', required: ['id'],
      signature: ['Group stations', 'Assignee stations', 'Requester id', 'Requester external id', 'Requester domain', 'Via',
        'Initially assigned at', 'Solved at', 'Reopens', 'Replies', 'Full resolution time in minutes'],
      columns: {
        id: ['Id', 'Ticket ID'],
        queue: ['Group'],
        status: ['Status'],
        priority: ['Priority'],
        type: ['Ticket type', 'Type'],
        source: ['Via'],
        assignee: ['Assignee'],
        created: ['Created at'],
        updated: ['Updated at'],
        closed: ['Solved at'],
        summary: ['Subject'],
        company: ['Organization'],
        stations: ['Group stations'],
      },
    },
    {
      name: 'tickets (JSON)', role: 'tickets', required: ['id'],
      signature: ['group_id', 'requester_id', 'submitter_id', 'via/channel', 'organization_id', 'metric_set/group_stations'],
      columns: {
        id: ['id'], queue: ['group_id', 'group/name'], status: ['status'], priority: ['priority'], type: ['type'],
        source: ['via/channel'], assignee: ['assignee_id'], created: ['created_at'], updated: ['updated_at'],
        closed: ['metric_set/solved_at', 'solved_at'], summary: ['subject'], company: ['organization_id'],
        stations: ['metric_set/group_stations', 'group_stations'],
      },
    },
    {
      // Unrolled audits, and the warehouse field history (ticket_field_history: new value only).
      name: 'ticket audits (Change events)', role: 'history', style: 'diff', required: ['id', 'at'],
      signature: ['ticket_id', 'field_name', 'previous_value', 'author_id'],
      columns: { id: ['ticket_id'], at: ['created_at', 'updated'] },
      diff: { field: ['field_name'], from: ['previous_value'], to: ['value'] },
      fieldNames: changeFields,
    },
  ],
  json: [audits],
};
