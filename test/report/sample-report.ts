import { CATEGORIES, type Category, type Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';

const DOCS = 'https://github.com/escalation-audit/escalation-audit/blob/main/docs/checks.md';

const categories = (counts: Partial<Record<Category, number>>): Record<Category, number> =>
  ({ ...Object.fromEntries(CATEGORIES.map((c) => [c, 0])), ...counts }) as Record<Category, number>;

/** Injected into a ticket summary: turns text red, then retitles the terminal window (OSC 0, BEL). */
export const INJECTED_RED = '\u001b[31m';
export const INJECTED_TITLE = '\u001b]0;title\u0007';

export const LONG_SUMMARY =
  'Entire accounting floor cannot print to the shared Konica after the weekend firmware push, finance close ' +
  'is due Friday and the workaround of printing to PDF and emailing the files to reception no longer scales';

const finding = (f: Omit<Finding, 'docsUrl'>): Finding => ({ ...f, docsUrl: `${DOCS}#${f.category}` });

const findings: Finding[] = [
  finding({
    id: 'f-3a91c0', ticket: 'T-1042', summary: `Printer offline${INJECTED_RED} in lobby${INJECTED_TITLE}`,
    category: 'misrouted', rule: 'alerts-belong-to-noc', severity: 'warn', queue: 'Help Desk', expectedQueue: 'NOC',
    at: '2026-10-05T09:12:44.000Z', message: 'RMM alert worked on Help Desk; belongs to NOC',
    businessMinutes: 95, cost: 71.25, evidence: { source: 'rmm', subtype: 'printer', hoursOnQueue: 1.6 },
  }),
  finding({
    id: 'f-77d2e1', ticket: 'T-987', summary: null,
    category: 'misrouted', rule: 'alerts-belong-to-noc', severity: 'error', queue: 'Support', expectedQueue: 'NOC',
    at: '2026-10-02T22:40:00.000Z', message: 'Backup failure alert sat on Support for 2 days',
    businessMinutes: 960, cost: 720, evidence: { source: 'rmm', subtype: 'backup' },
  }),
  finding({
    id: 'f-0c44b9', ticket: 'T-1001', summary: 'VPN drops\r\nevery hour',
    category: 'stalled', rule: 'idle-limit', severity: 'error', queue: 'Support', expectedQueue: null,
    at: '2026-09-28T14:05:59.000Z', message: 'No update for 6 business days (limit 2d)',
    businessMinutes: 2880, cost: 480, evidence: { idleMinutes: 3840, status: 'In Progress', limitMinutes: 960 },
  }),
  finding({
    id: 'f-9e12aa', ticket: 'T-1001', summary: 'VPN drops\r\nevery hour',
    category: 'stalled', rule: 'idle-limit', severity: 'warn', queue: 'Support', expectedQueue: null,
    at: '2026-09-21T08:30:00.000Z', message: 'No update for 3 business days',
    businessMinutes: 1440, cost: null, evidence: { idleMinutes: 1440, status: 'Waiting on Vendor', limitMinutes: 960 },
  }),
  finding({
    id: 'f-51b7c3', ticket: 'T-1077', summary: LONG_SUMMARY,
    category: 'over-escalated', rule: 'skip-front-line', severity: 'info', queue: 'Support', expectedQueue: 'Help Desk',
    at: '2026-10-06T07:58:00.000Z', message: 'Went straight to Tier 2 without a Help Desk touch',
    businessMinutes: null, cost: 35, evidence: { path: ['Support'], firstTier: 2 },
  }),
  finding({
    id: 'f-c2f810', ticket: 'T-1100', summary: 'Password reset\tfor new\u007f hire\u009b2J',
    category: 'under-escalated', rule: 'tier1-time-limit', severity: 'error', queue: 'Help Desk', expectedQueue: 'Support',
    at: '2026-10-06T13:47:00.000Z', message: 'On Tier 1 for 4h12m past the 30m limit',
    businessMinutes: 252, cost: 189, evidence: { limitMinutes: 30, tier: 1 },
  }),
  finding({
    id: 'f-4d0e6b', ticket: 'T-1063', summary: 'Onsite switch swap at branch 3',
    category: 'missed-de-escalation', rule: 'onsite-complete-to-noc', severity: 'warn', queue: 'Support',
    expectedQueue: 'NOC', at: '2026-10-01T16:20:00.000Z', message: 'Onsite work done; monitoring left with Support',
    businessMinutes: 540, cost: 405, evidence: { onsiteClosedAt: '2026-10-01T16:20:00.000Z', remaining: null },
  }),
  finding({
    id: 'f-e8a5d4', ticket: 'T-1042', summary: `Printer offline${INJECTED_RED} in lobby${INJECTED_TITLE}`,
    category: 'ping-pong', rule: 'bounce-limit', severity: 'info', queue: null, expectedQueue: null,
    at: '2026-10-05T11:02:00.000Z', message: 'Moved 5 times between Help Desk and NOC',
    businessMinutes: null, cost: null, evidence: { moves: 5, queues: ['Help Desk', 'NOC'], looped: true },
  }),
];

/** A hand-made report: 2 inputs, 3 queues, 8 findings over all six categories and three severities. */
export const sampleReport: Report = {
  schemaVersion: '1.2',
  tool: { name: 'escalation-audit', version: '0.1.0' },
  asOf: '2026-10-07T06:00:00.000Z',
  framework: { name: 'Acme MSP escalation framework', source: 'rules/acme.yaml', timezone: 'Europe/Amsterdam' },
  inputs: [
    { file: '/home/consultant/clients/acme/tickets.csv', format: 'csv', preset: 'connectwise', role: 'tickets', encoding: 'utf-8', rows: 48, tickets: 48 },
    {
      file: 'ticket-history.csv', format: 'csv', preset: 'connectwise', role: 'history', encoding: 'utf-8',
      rows: 1312, tickets: 36,
    },
  ],
  notes: ['history not available for 12 tickets'],
  summary: {
    tickets: 48,
    events: 1312,
    findings: 8,
    byCategory: categories({ misrouted: 2, stalled: 2, 'over-escalated': 1, 'under-escalated': 1, 'missed-de-escalation': 1, 'ping-pong': 1 }),
    bySeverity: { error: 3, warn: 3, info: 2 },
    fitnessScore: 43 / 48,
    estimatedCost: 1900.25,
    currency: 'EUR',
    pricedFindings: 6,
    costByCategory: categories({ misrouted: 791.25, stalled: 480, 'over-escalated': 35, 'under-escalated': 189, 'missed-de-escalation': 405 }),
    escalationRate: 0.1667,
    deEscalationRate: 0.0833,
    resolvedWithoutEscalationRate: 0.625,
    overLimitRate: 0.1458,
    reassignmentsPerTicket: 1.0625,
    escalated: 8,
    deEscalated: 4,
    resolvedWithoutEscalation: 30,
    overLimit: 7,
    reachedTier: { 1: 40, 2: 19 },
    queues: [
      {
        queue: 'Help Desk', tier: 1, tickets: 21, findings: 2, byCategory: categories({ misrouted: 1, 'under-escalated': 1 }),
        medianBusinessMinutes: 45, p90BusinessMinutes: 252, limitMinutes: 30, overLimit: 4, overLimitRate: 0.1905,
        escalationRate: 0.381, deEscalationRate: 0, resolvedWithoutEscalationRate: 0.4762, reassignmentsPerTicket: 1.2857,
        fitnessScore: 0.9048, estimatedCost: 260.25, escalated: 8, deEscalated: 0, resolvedWithoutEscalation: 10,
      },
      {
        queue: 'Support', tier: 2, tickets: 19, findings: 5,
        byCategory: categories({ misrouted: 1, stalled: 2, 'over-escalated': 1, 'missed-de-escalation': 1 }),
        medianBusinessMinutes: 1470.4, p90BusinessMinutes: 4440, limitMinutes: 2880, overLimit: 3, overLimitRate: 0.1579,
        escalationRate: 0, deEscalationRate: 0.2105, resolvedWithoutEscalationRate: 0.3158, reassignmentsPerTicket: 0.8947,
        fitnessScore: 0.8421, estimatedCost: 1640.25, escalated: 0, deEscalated: 4, resolvedWithoutEscalation: 6,
      },
      {
        queue: 'NOC', tier: null, tickets: 8, findings: 0, byCategory: categories({}),
        medianBusinessMinutes: null, p90BusinessMinutes: null, limitMinutes: null, overLimit: 0, overLimitRate: null,
        escalationRate: null, deEscalationRate: null, resolvedWithoutEscalationRate: null, reassignmentsPerTicket: null,
        fitnessScore: null, estimatedCost: 0, escalated: 0, deEscalated: 0, resolvedWithoutEscalation: 0,
      },
    ],
    moves: [
      { from: 'Help Desk', to: 'Support', direction: 'up', tickets: 8, flagged: 1 },
      { from: 'Support', to: 'Help Desk', direction: 'down', tickets: 4, flagged: 0 },
      { from: 'Help Desk', to: 'NOC', direction: 'across', tickets: 2, flagged: 0 },
    ],
    missedMoves: [
      { from: 'Support', to: 'Help Desk', category: 'missed-de-escalation', tickets: 1 },
      { from: 'Help Desk', to: 'NOC', category: 'misrouted', tickets: 1 },
    ],
  },
  rules: [
    { id: 'triage-time-limit', check: 'under-escalated', severity: 'error', judged: 36, fired: 3, findings: 3, notJudged: 12, partlyJudged: 0,
      notJudgedReasons: [{ reason: 'ticket list without history: the data does not show how long it stayed in each queue', tickets: 12, partly: false }] },
    { id: 'stalled-idle', check: 'stalled', severity: 'warn', judged: 48, fired: 1, findings: 1, notJudged: 0, partlyJudged: 12,
      notJudgedReasons: [{ reason: 'ticket list without history: the data does not show its quiet spells before its last update', tickets: 12, partly: true }] },
  ],
  title: 'Acme Corp - Q4 fitness check',
  period: { from: '2026-09-14T07:02:00.000Z', to: '2026-10-06T16:40:00.000Z' },
  fit: {
    rules: [
      { id: 'triage-time-limit', check: 'under-escalated', judged: 36, fired: 3, notJudged: 12, limit: '30m',
        measured: { p50: 22, p90: 41, p95: 58, max: 95 }, complyAt: { p80: 35, p90: 41, p95: 58 },
        limits: [{ key: 'after', limit: '30m', unit: 'minutes', atLeast: false, tickets: 30, measured: { p50: 22, p90: 41, p95: 58, max: 95 }, complyAt: { p80: 35, p90: 41, p95: 58 } }],
        notJudgedReasons: [{ reason: 'ticket list without history: the data does not show how long it stayed in each queue', tickets: 12, partly: false }],
        verdict: 'fires-on-some', advice: 'Fired on 3 of the 36 tickets it judged (8%).' },
      { id: 'stalled-idle', check: 'stalled', judged: 48, fired: 1, notJudged: 0, limit: { p1: '4h', default: '2d' },
        measured: { p50: 300, p90: 1500, p95: 2000, max: 4000 }, complyAt: null,
        limits: [{ key: 'idle', limit: { p1: '4h', default: '2d' }, unit: 'minutes', atLeast: false, tickets: 48, measured: { p50: 300, p90: 1500, p95: 2000, max: 4000 }, complyAt: null }],
        notJudgedReasons: [],
        verdict: 'fires-on-some', advice: 'Fired on 1 of the 48 tickets it judged (2%).' },
    ],
    unplaced: {
      queues: [{ name: 'Projects', tickets: 2 }],
      statuses: [{ name: 'Waiting on Vendor', tickets: 4, looksLike: 'pause' }, { name: 'In Progress', tickets: 40, looksLike: null }],
      values: [{ field: 'type', value: 'Procurement', tickets: 2 }],
    },
    paths: [
      { from: 'Help Desk', to: 'Support', tickets: 12, described: true, by: ['triage-time-limit'] },
      { from: 'Support', to: 'Help Desk', tickets: 3, described: false, by: [] },
    ],
  },
  findings,
};
