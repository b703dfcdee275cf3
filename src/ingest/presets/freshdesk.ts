import type { Preset } from './preset.js';

const priority = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Urgent' };

export const freshdesk: Preset = {
  id: 'freshdesk',
  title: 'Freshdesk: tickets export (CSV or JSON); ticket activities export (JSON)',
  shapes: [
    {
      name: 'tickets export', role: 'tickets', required: ['id'],
      signature: ['Created time', 'Resolved time', 'Closed time', 'Last update time', 'Resolution status', 'Due by Time',
        'First response status', 'Agent interactions', 'Customer interactions', 'Initial response time', 'Time tracked', 'Contact ID'],
      columns: {
        id: ['Ticket ID', 'Ticket Id'],
        queue: ['Group'],
        status: ['Status'],
        priority: ['Priority'],
        type: ['Type', 'Category'],
        subtype: ['Sub-Category'],
        source: ['Source'],
        assignee: ['Agent'],
        created: ['Created time'],
        updated: ['Last update time'],
        closed: ['Resolved time', 'Closed time'],
        summary: ['Subject'],
        company: ['Company Name', 'Company'],
      },
    },
    {
      name: 'tickets (API JSON)', role: 'tickets', required: ['id'],
      signature: ['responder_id', 'fr_due_by', 'is_escalated', 'fr_escalated', 'requester_id', 'due_by'],
      columns: {
        id: ['id'], queue: ['group_id', 'group/name'], status: ['status'], priority: ['priority'], type: ['type'],
        source: ['source'], assignee: ['responder_id'], created: ['created_at'], updated: ['updated_at'],
        summary: ['subject'], company: ['company_id'],
      },
    },
    {
      // {"activities_data": [{performed_at, ticket_id, activity: {group, status, agent_id, ...}}]}: only what changed.
      name: 'ticket activities', role: 'history', style: 'new-values', required: ['id', 'at'],
      signature: ['performed_at', 'performer_type', 'performer_id'],
      columns: {
        id: ['ticket_id'], at: ['performed_at'], queue: ['activity/group'], status: ['activity/status'],
        assignee: ['activity/agent_id'], priority: ['activity/priority'], type: ['activity/ticket_type'], source: ['activity/source'],
      },
    },
  ],
  values: {
    priority,
    status: { 2: 'Open', 3: 'Pending', 4: 'Resolved', 5: 'Closed' },
    source: { 1: 'Email', 2: 'Portal', 3: 'Phone', 7: 'Chat', 9: 'Feedback widget', 10: 'Outbound email' },
  },
};
