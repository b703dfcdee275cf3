import type { EvidenceValue } from '../model/finding.js';
import { localTime } from './heading.js';
import { formatMinutes } from './text.js';

type Kind = 'time' | 'minutes' | 'plain';

/** The checks' evidence keys in words; a key not listed is spelt out from its camelCase. */
const LABELS: Record<string, string> = {
  routedTo: 'Routing puts it in',
  source: 'Source',
  type: 'Type',
  subtype: 'Subtype',
  minutesInQueue: 'Business time in the queue',
  criterionAt: 'De-escalation criterion met',
  status: 'Status',
  minutesAfterCriterion: 'Business time after the criterion',
  graceMinutes: 'Grace period',
  from: 'Came from',
  effortMinutes: 'Effort before it moved up',
  minEffortMinutes: 'Effort the rule asks for first',
  minutesAtHigherTier: 'Business time at the higher tier',
  pausedAt: 'Paused',
  statuses: 'Pause statuses',
  pauseMinutes: 'Length of the pause',
  limitMinutes: 'Limit',
  stillPaused: 'Still paused',
  rule: 'Rule',
  pauses: 'Pauses',
  totalPauseMinutes: 'Time paused in all',
  hiddenRule: 'Limit the pause hid',
  remainingMinutes: 'Time left before the limit',
  queueChanges: 'Queue changes',
  path: 'Path through the queues',
  returnedTo: 'Returned to',
  counted: 'Counted from the change count only',
  lastActivity: 'Last activity',
  idleMinutes: 'Idle time',
  gapsOverLimit: 'Idle spells over the limit',
  longestIdleMinutes: 'Longest idle spell',
  created: 'Created',
  ageMinutes: 'Age',
  enteredAt: 'Entered the queue',
  calendar: 'Business calendar',
  priority: 'Priority',
  closedAt: 'Closed',
  closedStatus: 'Closed with status',
  changes: 'Changes after closure',
  eventsAfterClosure: 'Events after closure',
  reopened: 'Reopened',
  firstTier: 'First tier',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function kindOf(key: string, value: EvidenceValue): Kind {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return 'time';
  if (typeof value === 'number' && /^minutes|Minutes$/.test(key)) return 'minutes';
  return 'plain';
}

/** `hoursOnQueue` as `Hours on queue`. */
const spelt = (key: string) => {
  const words = key.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const evidenceLabel = (key: string): string => (Object.hasOwn(LABELS, key) ? LABELS[key]! : spelt(key));

/**
 * An evidence value as a client reads it: instants in the framework's zone as `explain` writes them,
 * minutes as hours and minutes, lists joined, yes/no. Plain text: each format escapes it.
 */
export function evidenceText(key: string, value: EvidenceValue | undefined, timezone: string): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.join(value.length > 0 && key === 'path' ? ' → ' : ', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  switch (kindOf(key, value)) {
    case 'time': return localTime(value as string, timezone);
    case 'minutes': return formatMinutes(value as number);
    default: return String(value);
  }
}

/** Every evidence entry, keys in contract order (sorted), as [label, text]. */
export function evidenceRows(evidence: Record<string, EvidenceValue>, timezone: string): [string, string][] {
  return Object.keys(evidence).sort().map((k) => [evidenceLabel(k), evidenceText(k, evidence[k], timezone)]);
}
