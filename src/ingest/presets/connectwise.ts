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
  onsite: ['Service Location', 'serviceLocation', 'Location'],
};

export const connectwise: Preset = {
  id: 'connectwise',
  title: 'ConnectWise PSA (Manage): service tickets; board/status history',
  shapes: [
    { role: 'history', columns: { ...ticketColumns, at: ['Date Changed', 'Changed On', 'Audit Date', 'enteredDate'] }, required: ['id', 'at', 'queue'] },
    { role: 'tickets', columns: ticketColumns, required: ['id', 'queue'] },
  ],
  onsiteValues: ['on-site', 'onsite', 'on site'],
};
