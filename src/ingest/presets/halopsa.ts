import type { Preset } from './preset.js';

// REST /api/Tickets and /api/Actions names (halopsa-node and node-halopsa types) plus list-export labels.
export const halopsa: Preset = {
  id: 'halopsa',
  title: 'HaloPSA: tickets; actions (team/status/agent changes)',
  shapes: [
    {
      name: 'tickets', role: 'tickets', required: ['id', 'queue'],
      signature: ['team_id', 'status_id', 'tickettype_id', 'tickettype_name', 'dateoccurred', 'agent_id', 'client_name',
        'status_name', 'Date Occurred', 'Ticket Type', 'sla_name'],
      columns: {
        id: ['id', 'Ticket ID', 'ID', 'faultid'],
        queue: ['team', 'Team', 'team_name'],
        status: ['status_name', 'Status'],
        priority: ['priority', 'Priority', 'priority_name'],
        type: ['tickettype_name', 'Ticket Type', 'category_1', 'Category'],
        subtype: ['category_2'],
        source: ['source', 'Source'],
        assignee: ['agent_name', 'Agent'],
        created: ['dateoccurred', 'Date Occurred', 'datecreated', 'Date Logged', 'Date Created'],
        updated: ['last_update', 'lastactiondate', 'Last Action Date', 'Last Update'],
        closed: ['dateclosed', 'Date Closed', 'datecleared'],
        hours: ['timetaken', 'Time Taken'],
        summary: ['summary', 'Summary'],
        company: ['client_name', 'Client'],
      },
    },
    {
      // Actions carry the change as fields where the API gives them, else as outcome text.
      name: 'actions', role: 'history', style: 'text', required: ['id', 'at'],
      signature: ['actiondate', 'outcome', 'who', 'who_agentid', 'actiontype_name', 'Action Date', 'Outcome'],
      columns: {
        id: ['ticket_id', 'Ticket ID'],
        at: ['actiondate', 'Action Date', 'datetime'],
        queue: ['new_team', 'new_team_name', 'New Team'],
        status: ['new_status_name', 'New Status'],
        assignee: ['new_agent_name', 'New Agent'],
      },
      text: ['outcome', 'Outcome'],
      fieldNames: { team: 'queue', status: 'status', agent: 'assignee', technician: 'assignee', priority: 'priority' },
    },
  ],
};
