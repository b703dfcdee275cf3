import type { ColumnAliases, Preset } from './preset.js';

// List exports write field names (CSV default) or labels (Excel default); JSON and the Table API add
// `/display_value` and `/value` under reference fields.
const fieldNames: ColumnAliases = {
  id: ['number'],
  queue: ['assignment_group', 'assignment_group/display_value', 'assignment_group_value', 'assignment_group/value'],
  status: ['incident_state', 'state', 'incident_state/display_value', 'state/display_value'],
  priority: ['priority', 'priority/display_value'],
  assignee: ['assigned_to', 'assigned_to/display_value', 'assigned_to_value'],
  type: ['category'],
  subtype: ['subcategory'],
  source: ['contact_type'],
  created: ['opened_at', 'sys_created_on'],
  updated: ['sys_updated_on'],
  closed: ['closed_at', 'resolved_at'],
  summary: ['short_description'],
  company: ['company', 'company/display_value', 'location'],
  reassignments: ['reassignment_count'],
};

const labels: ColumnAliases = {
  id: ['Number'],
  queue: ['Assignment group'],
  status: ['Incident state', 'State'],
  priority: ['Priority'],
  assignee: ['Assigned to'],
  type: ['Category'],
  subtype: ['Subcategory'],
  source: ['Contact type', 'Channel'],
  created: ['Opened', 'Created'],
  updated: ['Updated'],
  closed: ['Closed', 'Resolved'],
  summary: ['Short description'],
  company: ['Company', 'Location'],
  reassignments: ['Reassignment count'],
};

const auditFields = {
  assignment_group: 'queue', 'assignment group': 'queue', state: 'status', incident_state: 'status', 'incident state': 'status',
  assigned_to: 'assignee', 'assigned to': 'assignee', priority: 'priority',
} as const;

export const servicenow: Preset = {
  id: 'servicenow',
  title: 'ServiceNow: incident list (field names or labels); incident event log; sys_audit',
  shapes: [
    {
      // The UCI "incident management process enriched event log": one whole-record row per update.
      name: 'incident event log', role: 'history', style: 'snapshot', required: ['id', 'at', 'queue'],
      signature: ['sys_updated_at', 'sys_created_at', 'sys_mod_count', 'reassignment_count', 'incident_state', 'u_symptom'],
      columns: { ...fieldNames, at: ['sys_updated_at'], updated: [] },
    },
    {
      name: 'incident list (field names)', role: 'tickets', required: ['id', 'queue'], altId: ['sys_id'],
      signature: ['sys_id', 'sys_updated_on', 'sys_created_on', 'short_description', 'assignment_group', 'incident_state',
        'opened_at', 'reassignment_count', 'sys_mod_count', 'assignment_group/display_value'],
      columns: fieldNames,
    },
    {
      name: 'incident list (labels)', role: 'tickets', required: ['id', 'queue'], altId: ['Sys ID'],
      signature: ['Assignment group', 'Short description', 'Reassignment count', 'Incident state', 'Opened by',
        'Contact type', 'Configuration item', 'Sys ID'],
      columns: labels,
    },
    {
      // sys_audit: documentkey is the record's sys_id; reference fields hold sys_ids (use lookups).
      name: 'sys_audit', role: 'history', style: 'diff', required: ['id', 'at'],
      signature: ['tablename', 'fieldname', 'documentkey', 'oldvalue', 'newvalue', 'Table name', 'Field name', 'Document key',
        'Old value', 'New value'],
      columns: { id: ['documentkey', 'Document key'], at: ['sys_created_on', 'Created', 'Sys created on'], assignee: [] },
      diff: { field: ['fieldname', 'Field name'], from: ['oldvalue', 'Old value'], to: ['newvalue', 'New value'] },
      fieldNames: auditFields,
    },
  ],
  // The REST/Table API writes states and priorities as numbers.
  values: {
    status: { 1: 'New', 2: 'In Progress', 3: 'On Hold', 6: 'Resolved', 7: 'Closed', 8: 'Canceled' },
    priority: { 1: '1 - Critical', 2: '2 - High', 3: '3 - Moderate', 4: '4 - Low', 5: '5 - Planning' },
  },
};
