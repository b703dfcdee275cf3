import { CATEGORIES, type Category } from '../../src/model/finding.js';
import type { AssigneeSummary, Report } from '../../src/model/result.js';
import { sampleReport } from './sample-report.js';

const none = { error: 0, warn: 0, info: 0 };
const kinds = (misrouted: number, stalled: number) =>
  ({ ...Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>, misrouted, stalled });

/** A hand-made `--by assignee` section: a busy person, a long name, and `(unassigned)` on a ticket nobody took. */
export const sampleAssignees: AssigneeSummary[] = [
  {
    assignee: 'Dana', tickets: 3, findings: 2, byCategory: kinds(1, 1), bySeverity: { ...none, error: 1, warn: 1 },
    fitnessScore: 0.3333, estimatedCost: 123456.78, medianBusinessMinutes: 95, p90BusinessMinutes: 1470.4,
    escalationRate: 0.6667, deEscalationRate: 0, resolvedWithoutEscalationRate: 0.3333, reassignmentsPerTicket: 1.3333,
  },
  {
    assignee: 'maximiliana.oyelaran-whitford@example.com', tickets: 12, findings: 0, byCategory: kinds(0, 0), bySeverity: none,
    fitnessScore: 1, estimatedCost: 0, medianBusinessMinutes: 30, p90BusinessMinutes: 45,
    escalationRate: 0, deEscalationRate: 0.0833, resolvedWithoutEscalationRate: 1, reassignmentsPerTicket: 0,
  },
  {
    assignee: '(unassigned)', tickets: 1, findings: 0, byCategory: kinds(0, 0), bySeverity: none,
    fitnessScore: 1, estimatedCost: 0, medianBusinessMinutes: 0, p90BusinessMinutes: 0,
    escalationRate: 0, deEscalationRate: 0, resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 0,
  },
];

export const sampleReportByAssignee: Report = { ...sampleReport, summary: { ...sampleReport.summary, assignees: sampleAssignees } };
