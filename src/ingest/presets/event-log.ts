import type { Preset } from './preset.js';

/** The process-mining shape: one row per event, a case id, a timestamp and the queue/status after it. */
export const eventLog: Preset = {
  id: 'event-log',
  title: 'Generic event log (process mining: case id, timestamp, queue/activity)',
  shapes: [{
    role: 'history',
    required: ['id', 'at'],
    columns: {
      id: ['case id', 'case', 'case:concept:name', 'caseid', 'case_id', 'incident id', 'ticket id', 'sr number'],
      at: ['timestamp', 'time:timestamp', 'complete timestamp', 'start timestamp', 'event time', 'datestamp', 'change date+time'],
      queue: ['queue', 'group', 'assignment group', 'org:group', 'team', 'resource group', 'involved st'],
      status: ['status', 'sub status', 'lifecycle:transition', 'activity', 'concept:name'],
      assignee: ['resource', 'org:resource', 'assignee', 'owner'],
      tier: ['tier', 'support level', 'st level', 'level'],
      priority: ['priority', 'impact', 'sr latest impact'],
      summary: ['summary', 'title', 'subject', 'description'],
      company: ['company', 'customer', 'organization', 'country'],
      type: ['type', 'category', 'product'],
    },
  }],
};
