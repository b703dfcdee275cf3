import type { Category, Finding, Severity } from './finding.js';

export const REPORT_SCHEMA_VERSION = '1.0';

export interface InputSummary {
  file: string;
  format: 'csv' | 'json' | 'ndjson';
  preset: string;
  role: 'tickets' | 'history';
  encoding: string;
  rows: number;
  tickets: number;
}

export interface QueueSummary {
  queue: string;
  tier: number | null;
  tickets: number;
  findings: number;
  byCategory: Record<Category, number>;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
  limitMinutes: number | null;
  overLimit: number;
}

export interface AuditSummary {
  tickets: number;
  events: number;
  findings: number;
  byCategory: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  /** Share (0..1) of tickets without a finding at or above warn. */
  fitnessScore: number;
  estimatedCost: number | null;
  currency: string | null;
  queues: QueueSummary[];
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  asOf: string;
  framework: { name: string; source: string };
  inputs: InputSummary[];
  /** What the audit could not judge, in words (e.g. "history not available for 12 tickets"). */
  notes: string[];
  summary: AuditSummary;
  findings: Finding[];
}
