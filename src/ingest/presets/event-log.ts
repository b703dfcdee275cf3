import type { Preset } from './preset.js';

/** The process-mining shape: one row per event, a case id, a timestamp and the queue/status after it. */
export const eventLog: Preset = {
  id: 'event-log',
  title: 'Generic event log (process mining: case id, timestamp, queue/activity)',
  shapes: [{
    // BPIC 2013 (VINST) rows are whole snapshots; BPIC 2014 activity rows carry the current group.
    name: 'event log', role: 'history', style: 'activity', generic: true,
    required: ['id', 'at'],
    signature: ['case:concept:name', 'time:timestamp', 'concept:name', 'org:group', 'org:resource', 'lifecycle:transition',
      'incidentactivity_type', 'incidentactivity_number'],
    columns: {
      id: ['case id', 'case', 'case:concept:name', 'caseid', 'case_id', 'incident id', 'ticket id', 'sr number'],
      at: ['timestamp', 'time:timestamp', 'complete timestamp', 'start timestamp', 'event time', 'datestamp', 'change date+time'],
      queue: ['queue', 'group', 'assignment group', 'org:group', 'team', 'resource group', 'involved st', 'workgroup'],
      status: ['status', 'sub status', 'lifecycle:transition', 'activity', 'concept:name', 'incidentactivity_type'],
      assignee: ['resource', 'org:resource', 'assignee', 'owner'],
      tier: ['tier', 'support level', 'st level', 'level', 'service_level'],
      priority: ['priority', 'impact', 'sr latest impact', 'seriousness'],
      summary: ['summary', 'title', 'subject', 'description'],
      company: ['company', 'customer', 'organization', 'country'],
      type: ['type', 'category', 'product'],
    },
  }],
};
