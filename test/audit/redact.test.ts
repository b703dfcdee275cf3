import { describe, expect, it } from 'vitest';
import { planRedaction, redactReport, replaceValues } from '../../src/prepare/redact.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { withEvents, type Ticket } from '../../src/model/ticket.js';
import { formatters, type TextFormatId } from '../../src/report/formatters.js';
import { sampleReport } from '../report/sample-report.js';
import { ticket } from '../support/tickets.js';

describe('replaceValues', () => {
  const pairs: [string, string][] = [['Ann Lee', 'assignee-1'], ['Ann', 'assignee-2'], ['Acme', 'company-1'], ['IT', 'company-2']];
  it.each<[string, string]>([
    ['held by Ann Lee, then Ann', 'held by assignee-1, then assignee-2'],
    ['Acme Acme', 'company-1 company-1'],
    ['Annabel and Acmeware are other words', 'Annabel and Acmeware are other words'],
    ['(Acme)', '(company-1)'],
    // Values under three characters would hit ordinary words: left in text.
    ['IT helpdesk', 'IT helpdesk'],
    ['assignee-2 is not replaced again', 'assignee-2 is not replaced again'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(replaceValues(text, [...pairs].sort((a, b) => b[0].length - a[0].length))).toBe(expected);
  });
});

function people(t: Ticket, names: (string | undefined)[]): Ticket {
  return withEvents(t, t.events().map((e, i) => ({ ...e, assignee: names[i] })));
}

describe('planRedaction', () => {
  const tickets = [
    people(ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Support', 'New']], { id: 'T1', company: 'Acme', summary: 'Printer on fire' }), ['ann', 'bob, cy']),
    people(ticket([['2026-10-05 09:00', 'Help Desk', 'New']], { id: 'T2', company: 'Acme', summary: 'VPN down' }), ['cy']),
  ];

  it('numbers each field on its own, in ticket order, the same value always the same pseudonym', () => {
    const plan = planRedaction(tickets, ['assignee', 'company', 'summary']);
    expect([...plan.exact.get('assignee')!]).toEqual([['ann', 'assignee-1'], ['bob', 'assignee-2'], ['cy', 'assignee-3']]);
    expect([...plan.exact.get('company')!]).toEqual([['Acme', 'company-1']]);
    expect([...plan.exact.get('summary')!]).toEqual([['Printer on fire', 'summary-1'], ['VPN down', 'summary-2']]);
    // Longest first, so "Ann Lee" is replaced before "Ann" could be.
    expect(plan.byTicket.get('T2')).toEqual([['VPN down', 'summary-2'], ['Acme', 'company-1'], ['cy', 'assignee-3']]);
  });

  it('only the fields asked for', () => {
    const plan = planRedaction(tickets, ['company']);
    expect([...plan.exact.keys()]).toEqual(['company']);
    expect(plan.byTicket.get('T1')).toEqual([['Acme', 'company-1']]);
  });
});

describe('redactReport', () => {
  const tickets = sampleReport.findings.map((f) => people(ticket([['2026-10-05 09:00', 'Help Desk', 'New']], {
    id: f.ticket, company: 'Globex Corp', ...(f.summary === null ? {} : { summary: f.summary }),
  }), ['Hank Scorpio']));
  const leaky: Report = {
    ...sampleReport,
    summary: { ...sampleReport.summary, assignees: [{ ...emptyAssignee(), assignee: 'Hank Scorpio' }] },
    // As work-after-closure quotes a change of assignee: in the message and in evidence.changes.
    findings: sampleReport.findings.map((f): Finding => ({
      ...f, message: `${f.message}; assignee Hank Scorpio -> (none)`, evidence: { ...f.evidence, changes: ['assignee Hank Scorpio -> (none)'] },
    })),
  };
  const redacted = redactReport(leaky, planRedaction(tickets, ['assignee', 'company', 'summary']));

  it.each(Object.keys(formatters) as TextFormatId[])('%s carries no redacted value', (id) => {
    const out = formatters[id](redacted, { color: false, width: 200 });
    expect(out).not.toContain('Hank Scorpio');
    expect(out).not.toContain('Globex');
    expect(out).not.toContain('VPN drops');
    expect(out).not.toContain('Onsite switch swap');
  });

  it('replaces summaries by pseudonym, and the people of a change of assignee in messages and evidence', () => {
    const f = redacted.findings[0]!;
    expect(f.summary).toMatch(/^summary-\d+$/);
    expect(f.message).toMatch(/; assignee assignee-1 -> \(none\)$/);
    expect(f.evidence).toMatchObject({ changes: ['assignee assignee-1 -> (none)'] });
    expect(redacted.summary.assignees?.[0]?.assignee).toBe('assignee-1');
  });

  it('the same summary gets the same pseudonym on every finding', () => {
    const t1001 = redacted.findings.filter((f) => f.ticket === 'T-1001').map((f) => f.summary);
    expect(t1001).toHaveLength(2);
    expect(new Set(t1001).size).toBe(1);
  });

  it('leaves everything else as it was', () => {
    const strip = (r: Report) => r.findings.map(({ summary: _s, message: _m, evidence: _e, ...rest }) => rest);
    expect(strip(redacted)).toEqual(strip(leaky));
    expect(redacted.summary.fitnessScore).toBe(leaky.summary.fitnessScore);
  });
});

function emptyAssignee() {
  const zero = { ...sampleReport.summary.byCategory };
  for (const k of Object.keys(zero) as (keyof typeof zero)[]) zero[k] = 0;
  return {
    assignee: '', tickets: 1, findings: 0, byCategory: zero, bySeverity: { error: 0, warn: 0, info: 0 }, fitnessScore: 1, estimatedCost: 0,
    medianBusinessMinutes: 0, p90BusinessMinutes: 0, escalationRate: 0, deEscalationRate: 0, resolvedWithoutEscalationRate: 0, reassignmentsPerTicket: 0,
  };
}

describe('redactReport on findings of tickets the export no longer has', () => {
  it('drops a summary it has no pseudonym for', () => {
    const gone: Finding = { ...sampleReport.findings[0]!, ticket: 'T-404', summary: 'Call Hank Scorpio at Globex Corp' };
    const plan = planRedaction([ticket([['2026-10-05 09:00', 'Help Desk', 'New']], { id: 'T1', company: 'Globex Corp' })], ['company', 'summary']);
    const out = redactReport({ ...sampleReport, findings: [], resolved: [gone] }, plan);
    expect(out.resolved?.[0]?.summary).toBe('[redacted]');
  });

  it('a person no ticket of the export has, in a change of assignee, is [redacted]', () => {
    const gone: Finding = { ...sampleReport.findings[0]!, ticket: 'T-404', message: 'changed while closed: assignee Hank -> ann',
      evidence: { changes: ['assignee Hank -> ann'] } };
    const plan = planRedaction([people(ticket([['2026-10-05 09:00', 'Help Desk', 'New']], { id: 'T1' }), ['ann'])], ['assignee']);
    expect(redactReport({ ...sampleReport, findings: [], resolved: [gone] }, plan).resolved?.[0]).toMatchObject({
      message: 'changed while closed: assignee [redacted] -> assignee-1', evidence: { changes: ['assignee [redacted] -> assignee-1'] },
    });
  });
});

describe('--redact assignee with a person named like a queue (item 17)', () => {
  const tickets = [people(ticket([['2026-10-05 09:00', 'Help Desk', 'New'], ['2026-10-05 09:10', 'Support', 'New']], { id: 'T1' }), ['support', 'bob'])];
  const plan = planRedaction(tickets, ['assignee']);
  const finding = (message: string, changes?: string[]): Finding => ({
    ...sampleReport.findings[0]!, ticket: 'T1', message, evidence: changes ? { changes } : { routedTo: 'support' },
  });

  it('queue names in messages are left alone', () => {
    const report = { ...sampleReport, findings: [finding('sat 40m of business time in triage (limit 30m) without moving to support; still open'),
      finding('worked in support, but routing puts this work in noc')] };
    expect(redactReport(report, plan).findings.map((f) => [f.message, f.evidence])).toEqual(report.findings.map((f) => [f.message, f.evidence]));
  });

  it('the person support in a change of assignee is pseudonymised, the queue support beside it is not', () => {
    const f = finding('changed while closed: queue triage -> support, assignee support -> bob, 2h after closing',
      ['queue triage -> support', 'assignee support -> bob']);
    expect(redactReport({ ...sampleReport, findings: [f] }, plan).findings[0]).toMatchObject({
      message: 'changed while closed: queue triage -> support, assignee assignee-1 -> assignee-2, 2h after closing',
      evidence: { changes: ['queue triage -> support', 'assignee assignee-1 -> assignee-2'] },
    });
  });
});
