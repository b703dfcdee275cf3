import { CATEGORIES, SEVERITIES, type Category, type EvidenceValue, type Finding } from '../model/finding.js';
import type { AuditSummary, InputSummary, QueueSummary, Report } from '../model/result.js';

const byCategory = (counts: Record<Category, number>) =>
  Object.fromEntries(CATEGORIES.map((c) => [c, counts[c]]));

const input = (i: InputSummary) => ({
  file: i.file, format: i.format, preset: i.preset, role: i.role,
  encoding: i.encoding, rows: i.rows, tickets: i.tickets,
});

const queue = (q: QueueSummary) => ({
  queue: q.queue, tier: q.tier, tickets: q.tickets, findings: q.findings,
  byCategory: byCategory(q.byCategory),
  medianBusinessMinutes: q.medianBusinessMinutes, p90BusinessMinutes: q.p90BusinessMinutes,
  limitMinutes: q.limitMinutes, overLimit: q.overLimit,
});

const summary = (s: AuditSummary) => ({
  tickets: s.tickets, events: s.events, findings: s.findings,
  byCategory: byCategory(s.byCategory),
  bySeverity: Object.fromEntries(SEVERITIES.map((v) => [v, s.bySeverity[v]])),
  fitnessScore: s.fitnessScore, estimatedCost: s.estimatedCost, currency: s.currency,
  queues: s.queues.map(queue),
});

// Evidence keys belong to each check, not to the contract: sorting them keeps the bytes stable.
const evidence = (e: Record<string, EvidenceValue>) =>
  Object.fromEntries(Object.keys(e).sort().map((k) => [k, e[k]]));

const finding = (f: Finding) => ({
  id: f.id, ticket: f.ticket, summary: f.summary, category: f.category, rule: f.rule,
  severity: f.severity, queue: f.queue, expectedQueue: f.expectedQueue, at: f.at,
  message: f.message, businessMinutes: f.businessMinutes, cost: f.cost,
  evidence: evidence(f.evidence), docsUrl: f.docsUrl,
});

// JSON.stringify escapes C0 controls but not DEL or C1 (0x9b is CSI on some terminals).
const UNESCAPED_CONTROL = /[\u007f-\u009f]/g;
const escapeControl = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The report as the versioned JSON contract: fields in the order of the Report type, 2-space indent. */
export function formatJson(report: Report): string {
  const ordered = {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    asOf: report.asOf,
    framework: { name: report.framework.name, source: report.framework.source },
    inputs: report.inputs.map(input),
    notes: [...report.notes],
    summary: summary(report.summary),
    findings: report.findings.map(finding),
  };
  return `${JSON.stringify(ordered, null, 2).replace(UNESCAPED_CONTROL, escapeControl)}\n`;
}
