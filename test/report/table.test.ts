import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/result.js';
import { formatTable } from '../../src/report/table.js';
import { INJECTED_RED, INJECTED_TITLE, sampleReport } from './sample-report.js';

const SGR = /\u001b\[[0-9;]*m/g;
const ANY_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const visibleWidth = (line: string) => [...line.replace(SGR, '')].length;
const plain = (width: number) => formatTable(sampleReport, { color: false, width });
const colored = formatTable(sampleReport, { color: true, width: 100 });

describe('formatTable without colour', () => {
  it('matches the snapshot at 100 columns', async () => {
    await expect(plain(100)).toMatchFileSnapshot('./__snapshots__/table-100.txt');
  });

  it('matches the snapshot at 60 columns', async () => {
    await expect(plain(60)).toMatchFileSnapshot('./__snapshots__/table-60.txt');
  });

  it('contains no control character at all, only text and newlines', () => {
    expect(plain(100)).not.toMatch(ANY_CONTROL);
  });

  it.each([60, 100])('keeps every line within %d columns', (width) => {
    const long = plain(width).split('\n').filter((line) => visibleWidth(line) > width);
    expect(long).toEqual([]);
  });

  it('keeps every line within any width from 60 to 200', () => {
    fc.assert(fc.property(fc.integer({ min: 60, max: 200 }), (width) =>
      plain(width).split('\n').every((line) => visibleWidth(line) <= width)));
  });

  it("shows every finding's ticket id", () => {
    const out = plain(60);
    for (const f of sampleReport.findings) expect(out).toContain(f.ticket);
  });

  it('shows the sanitized summary and newlines as spaces', () => {
    const out = plain(200);
    expect(out).toContain('"Printer offline in lobby"');
    expect(out).toContain('"VPN drops every hour"');
    expect(out).toContain('"Password reset for new hire"');
  });

  it('cuts the long summary with an ellipsis', () => {
    const line = plain(100).split('\n').find((l) => l.includes('T-1077'));
    expect(line).toMatch(/…$/);
  });

  it('groups findings in category order, most severe first, then by ticket and time', () => {
    const out = plain(100);
    const headings = [...out.matchAll(/^([a-z-]+) \(\d+ findings?\)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['misrouted', 'stalled', 'over-escalated', 'under-escalated', 'missed-de-escalation', 'ping-pong']);
    const rows = out.split('\n').filter((l) => /^(error|warn|info) /.test(l)).map((l) => l.split(/\s{2,}/).slice(0, 2));
    expect(rows.slice(0, 4)).toEqual([['error', 'T-987'], ['warn', 'T-1042'], ['error', 'T-1001'], ['warn', 'T-1001']]);
  });

  it('sorts by ticket number, then time, within one severity', () => {
    const same = sampleReport.findings[2]!;
    const findings = [
      { ...same, id: 'c', ticket: 'T-1000', at: '2026-09-02T00:00:00Z' },
      { ...same, id: 'b', ticket: 'T-999', at: '2026-09-03T00:00:00Z' },
      { ...same, id: 'a', ticket: 'T-1000', at: '2026-09-01T00:00:00Z' },
    ];
    const out = formatTable({ ...sampleReport, findings }, { color: false, width: 100 });
    const order = out.split('\n').filter((l) => l.startsWith('error')).map((l) => l.split(/\s{2,}/).slice(1, 4).join(' '));
    expect(order).toEqual([
      'T-999 Support 2026-09-03 02:00 Thu', 'T-1000 Support 2026-09-01 02:00 Tue', 'T-1000 Support 2026-09-02 02:00 Wed',
    ]);
  });

  it('shows the totals, findings by kind, fitness, cost, rates and notes', () => {
    const out = plain(100);
    expect(out).toMatch(/^findings +8 \(3 error, 3 warn, 2 info\)$/m);
    expect(out).toMatch(/^by kind +misrouted 2, stalled 2,/m);
    expect(out).toMatch(/^fitness score +89\.6%$/m);
    expect(out).toMatch(/^estimated cost +1,900\.25 EUR \(6 of 8 findings priced\)$/m);
    expect(out).toMatch(/^cost by kind +misrouted 791\.25, stalled 480\.00, missed-de-escalation 405\.00,/m);
    expect(out).toMatch(/^escalation rate +\d/m);
    expect(out).toContain('note: history not available for 12 tickets');
  });

  it('shows the trend, a status column and the resolved findings with a baseline', () => {
    const [first, second] = sampleReport.findings;
    const report: Report = {
      ...sampleReport,
      findings: sampleReport.findings.map((f, i) => ({ ...f, status: i === 0 ? 'new' : 'persisting' })),
      resolved: [{ ...second!, id: 'gone-1', ticket: 'T-GONE' }],
      summary: { ...sampleReport.summary, trend: { previousAsOf: '2026-09-30T00:00:00.000Z', previousFitnessScore: 0.8, fitnessScore: 0.896, delta: 0.096, newFindings: 1, persistingFindings: 7, resolvedFindings: 1, points: [] } },
    };
    const out = formatTable(report, { color: false, width: 120 });
    expect(out).toMatch(/^fitness change +\+9\.6 pp$/m);
    expect(out).toMatch(new RegExp(`^new +${first!.severity} +${first!.ticket} `, 'm'));
    expect(out).toContain('resolved since the baseline (1 finding)');
    expect(out).toMatch(/^\w+ +T-GONE +/m);
  });

  it.each<[string, Partial<Report['summary']>, RegExp]>([
    ['no rates: says so, never 0.00', { estimatedCost: null, currency: null, pricedFindings: 0 }, /^estimated cost +not priced \(the framework states no rates\)$/m],
    ['rates, but no finding of a priced kind', { estimatedCost: null, pricedFindings: 0 }, /^estimated cost +not priced$/m],
    ['some findings priced: says how many', { pricedFindings: 6 }, /^estimated cost +1,900\.25 EUR \(6 of 8 findings priced\)$/m],
  ])('the cost line: %s', (_name, summary, expected) => {
    const report: Report = { ...sampleReport, summary: { ...sampleReport.summary, ...summary } };
    expect(formatTable(report, { color: false, width: 100 })).toMatch(expected);
  });

  it('says so in one line when there are no findings', () => {
    const report: Report = { ...sampleReport, findings: [] };
    const out = formatTable(report, { color: false, width: 100 });
    expect(out).toContain('\n\nNo findings in 48 tickets.\n');
    expect(out).not.toContain('severity');
  });

  it('renders a large report (20k findings) without overflowing the stack', () => {
    const base = sampleReport.findings[0]!;
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ ...base, id: `f-${i}`, ticket: `T-${i}` }));
    const out = formatTable({ ...sampleReport, findings }, { color: false, width: 100 });
    expect(out).toContain('misrouted (20000 findings)');
    expect(out).toContain('T-19999');
  });

  it('falls back to 100 columns for a width that is not a number, and never goes below 40', () => {
    expect(formatTable(sampleReport, { color: false, width: Number.NaN })).toBe(plain(100));
    expect(formatTable(sampleReport, { color: false, width: 12 })).toBe(plain(40));
  });

  it('sanitizes file, framework, queue and note text from the data', () => {
    const report: Report = {
      ...sampleReport,
      framework: { ...sampleReport.framework, name: 'Acme\u001b]0;pwned\u0007' },
      inputs: [{ ...sampleReport.inputs[0]!, file: 'evil\u001b[2J.csv' }],
      notes: ['line one\nline two\u001b[8m'],
      summary: { ...sampleReport.summary, queues: [{ ...sampleReport.summary.queues[0]!, queue: 'Help\u001b[1ADesk' }] },
    };
    const out = formatTable(report, { color: false, width: 200 });
    expect(out).not.toMatch(ANY_CONTROL);
    expect(out).toContain('Framework: Acme\n');
    expect(out).toContain('Inputs: evil.csv (connectwise tickets, 48 tickets)');
    expect(out).toContain('note: line one line two');
    expect(out).toContain('HelpDesk');
  });
});

describe('formatTable heading', () => {
  const out = formatTable(sampleReport, { color: false, width: 120 });

  it('starts with the title, the framework, the period and as-of in the framework zone, and file names without folders', () => {
    expect(out.split('\n').slice(0, 4)).toEqual([
      'Acme Corp - Q4 fitness check',
      'Framework: Acme MSP escalation framework',
      'Period covered: 2026-09-14 09:02 Mon to 2026-10-06 18:40 Tue; as of 2026-10-07 08:00 Wed (times in Europe/Amsterdam)',
      'Inputs: tickets.csv (connectwise tickets, 48 tickets), ticket-history.csv (connectwise history, 36 tickets)',
    ]);
    expect(out).not.toContain('/home/consultant');
  });

  it('says the figures in words before the summary table', () => {
    const out = formatTable(sampleReport, { color: false, width: 1000 });
    expect(out.indexOf('The fitness score is 89.6%')).toBeGreaterThan(0);
    expect(out.indexOf('The fitness score is 89.6%')).toBeLessThan(out.indexOf('\nSummary\n'));
  });

  it('without --title, is headed "Escalation audit"', () => {
    expect(formatTable({ ...sampleReport, title: null }, { color: false, width: 120 }).split('\n')[0]).toBe('Escalation audit');
  });
});

describe('formatTable with colour', () => {
  it.each([
    ['error', '\u001b[31m'],
    ['warn', '\u001b[33m'],
    ['info', '\u001b[34m'],
  ])('colours %s', (severity, code) => {
    expect(colored).toContain(`${code}${severity}\u001b[39m`);
  });

  it("does not pass the data's escape sequences through", () => {
    expect(colored).not.toContain(INJECTED_TITLE);
    expect(colored).not.toContain('\u0007');
    expect(colored).not.toContain('\u001b]');
    expect(colored).not.toContain('\u009b');
    const redUses = [...colored.matchAll(/\u001b\[31m(.{5})/g)].map((m) => m[1]);
    expect(redUses.length).toBeGreaterThan(0);
    expect(redUses.every((text) => text === 'error')).toBe(true);
    expect(colored).not.toContain(`offline${INJECTED_RED}`);
  });

  it('uses only the styles it means to (bold and the three severity colours)', () => {
    const codes = new Set(colored.match(/\u001b\[[0-9;]*m/g));
    expect([...codes].sort()).toEqual(['\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[33m', '\u001b[34m', '\u001b[39m']);
    expect(colored.replace(SGR, '')).not.toMatch(ANY_CONTROL);
  });

  it('reads the same as the plain output once the colour is removed', () => {
    expect(colored.replace(SGR, '')).toBe(plain(100));
  });

});
