import type { ColumnAliases, Preset } from './preset.js';

// Service-board list export and Report Writer (v_rpt_Service) names, plus the REST model's paths.
const ticketColumns: ColumnAliases = {
  id: ['Ticket #', 'Ticket Number', 'TicketNbr', 'Ticket ID', 'SR_Service_RecID'],
  queue: ['Board', 'Board Name', 'Board_Name', 'board/name'],
  status: ['Status', 'Status_Description', 'status/name'],
  priority: ['Priority', 'priority/name'],
  type: ['Type', 'type/name'],
  subtype: ['Subtype', 'Sub Type', 'subType/name'],
  source: ['Source', 'source/name'],
  assignee: ['Resources', 'Assigned To', 'Owner', 'owner/identifier'],
  tier: ['Escalation Level', 'escalationLevel'],
  created: ['Date Entered', 'Entered', 'date_entered', '_info/dateEntered'],
  updated: ['Last Updated', 'Last Update', '_info/lastUpdated'],
  closed: ['Closed Date', 'Date Closed', 'Date_Closed', 'closedDate'],
  hours: ['Actual Hours', 'Hours_Actual', 'actualHours'],
  summary: ['Summary', 'Summary Description', 'summary'],
  company: ['Company', 'Company Name', 'company_name', 'company/name'],
  onsite: ['Service Location', 'serviceLocation', 'Location', 'serviceLocation/name'],
};

const signature = ['Ticket #', 'Board', 'Board Name', 'Board_Name', 'TicketNbr', 'SR_Service_RecID', 'board/name',
  'Service Location', 'serviceLocation/name', 'Summary Description', 'Date Entered', '_info/dateEntered', 'escalationLevel'];

export const connectwise: Preset = {
  id: 'connectwise',
  title: 'ConnectWise PSA (Manage): service tickets; board/status history; audit trail',
  shapes: [
    {
      name: 'board/status history', role: 'history', style: 'snapshot', signature,
      columns: { ...ticketColumns, at: ['Date Changed', 'Changed On', 'Audit Date'] }, required: ['id', 'at', 'queue'],
    },
    { name: 'service tickets', role: 'tickets', columns: ticketColumns, required: ['id', 'queue'], signature },
    {
      // /system/audittrail entries (text, enteredDate, enteredBy, auditType...) with the ticket id added.
      name: 'audit trail', role: 'history', style: 'text',
      signature: ['auditType', 'auditSubType', 'auditSource', 'enteredBy', 'enteredDate', 'Audit Type'],
      columns: { id: ['Ticket #', 'ticketId', 'Ticket ID', 'TicketNbr', 'id'], at: ['enteredDate', 'Entered Date', 'Audit Date'] },
      text: ['text', 'Audit Text', 'Description'],
      required: ['id', 'at'],
      fieldNames: {
        board: 'queue', 'service board': 'queue', status: 'status', priority: 'priority',
        owner: 'assignee', 'ticket owner': 'assignee', resources: 'assignee', 'assigned to': 'assignee', 'escalation level': 'tier',
      },
    },
  ],
  onsiteValues: ['on-site', 'onsite', 'on site'],
};
