import type { ColumnAliases, Preset } from './preset.js';

// Ticket Search export (UI labels), "In Import Template Format" (Ticket_Import.htm: tickets match on
// "Autotask Ticket Number"; "Create Date/Time" like 10/10/2022 8:00 PM) and the REST entity's names.
const ticketColumns: ColumnAliases = {
  id: ['Ticket Number', 'Autotask Ticket Number', 'ticketNumber', 'Ticket #', 'id'],
  queue: ['Queue', 'queueID', 'Queue Name'],
  status: ['Status', 'status'],
  priority: ['Priority', 'priority'],
  type: ['Issue Type', 'issueType', 'Ticket Type', 'ticketType'],
  subtype: ['Sub-Issue Type', 'Sub Issue Type', 'subIssueType'],
  source: ['Source', 'source'],
  assignee: ['Primary Resource', 'Resource', 'Assigned Resource', 'assignedResourceID'],
  created: ['Created', 'Create Date', 'Create Date/Time', 'Created Date', 'createDate'],
  updated: ['Last Activity Date', 'Last Activity', 'Last Modified', 'lastActivityDate', 'lastTrackedModificationDateTime'],
  closed: ['Completed Date', 'Complete Date', 'Completed Date/Time', 'Complete Date/Time', 'completedDate', 'resolvedDateTime'],
  hours: ['Hours Worked', 'Total Hours Worked', 'Worked Hours'],
  summary: ['Title', 'Ticket Title', 'title'],
  company: ['Account', 'Account Name', 'Client', 'Client Name', 'Organization', 'Company', 'companyID', 'accountID'],
};

export const autotask: Preset = {
  id: 'autotask',
  title: 'Autotask (Datto) PSA: ticket search export (also import-template format, REST); ticket history',
  shapes: [
    {
      // REST history (TicketHistory.TicketID) names tickets by their numeric id, the list by ticket number.
      name: 'tickets', role: 'tickets', columns: ticketColumns, required: ['id', 'queue'], altId: ['id'],
      signature: ['Autotask Ticket Number', 'External (Legacy) Ticket ID', 'Create Date/Time', 'Queue', 'Sub-Issue Type',
        'Issue Type', 'Primary Resource', 'queueID', 'ticketNumber', 'assignedResourceID', 'subIssueType', 'lastActivityDate'],
    },
    {
      // TicketHistory entity: TicketID, Action, Detail, ResourceID, Date; Detail is free text.
      name: 'ticket history', role: 'history', style: 'text',
      signature: ['Action', 'Detail', 'ResourceID', 'TicketID'],
      columns: { id: ['TicketID', 'Ticket ID', 'Ticket Number', 'ticketID'], at: ['Date', 'Date/Time', 'date'], assignee: ['Resource'] },
      text: ['Detail', 'detail'],
      required: ['id', 'at'],
      fieldNames: {
        queue: 'queue', 'queue name': 'queue', status: 'status', priority: 'priority',
        'primary resource': 'assignee', 'assigned resource': 'assignee', resource: 'assignee',
      },
    },
  ],
};
