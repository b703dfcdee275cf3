import { describe, expect, it } from 'vitest';
import { composeMail } from '../../src/cli/mail-report.js';
import { formatHtml } from '../../src/report/html.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatTable } from '../../src/report/table.js';
import type { Report } from '../../src/model/result.js';
import { sampleReport } from '../report/sample-report.js';
import { cli, EXAMPLE } from '../support/cli.js';

// 47870 stalled "after 2026-09-24T18:30:00.000Z": 14:30 in the example framework's zone (America/New_York).
const UTC = '2026-09-24T18:30:00.000Z';
const LOCAL = '2026-09-24 14:30 Thu';
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('instants inside messages, in the framework\'s zone in every human format (ISO UTC in the data formats)', () => {
  it.each(['table', 'markdown', 'html'])('audit -f %s', async (format) => {
    const r = await cli('audit', ...EXAMPLE, '-f', format, '--fail-on', 'never', '--width', '200');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[:.\d]*Z/);
    expect(flat(r.stdout)).toContain(`after ${LOCAL}`);
    expect(r.stdout).toMatch(/America\/New(\\_|_)York/);
  });

  it.each(['json', 'csv', 'ndjson'])('audit -f %s keeps the UTC instant (contract)', async (format) => {
    const r = await cli('audit', ...EXAMPLE, '-f', format, '--fail-on', 'never');
    expect(r.stdout).toContain(`after ${UTC}`);
  });

  it('explain: the as-of and the rules\' explanations in the zone it names', async () => {
    const r = await cli('explain', '47870', ...EXAMPLE, '--width', '200');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/as of 2026-10-30 17:52 Fri; times in America\/New_York/);
    expect(r.stdout).toContain(`after ${LOCAL}`);
    expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[:.\d]*Z|\d{2}:\d{2}Z/);
  });

  it('the mail\'s text part', () => {
    const finding = { ...sampleReport.findings[0]!, message: `no activity after ${UTC}` };
    const report: Report = { ...sampleReport, findings: [finding] };
    const mail = composeMail(report, { smtp: { url: 'smtp://localhost' } as never, from: 'a@b.c', to: ['d@e.f'], subject: undefined });
    expect(mail.text).toContain('no activity after 2026-09-24 20:30 Thu');
    expect(mail.text).toContain('Europe/Amsterdam');
    expect(mail.text).not.toContain(UTC);
  });

  it.each([
    ['table', (r: Report) => formatTable(r, { color: false, width: 100 })], ['markdown', formatMarkdown], ['html', (r: Report) => formatHtml(r)],
  ])('%s: the baseline\'s as-of in the summary', (_, format) => {
    const trend = { previousAsOf: '2026-09-01T06:00:00.000Z', previousFitnessScore: 0.8, fitnessScore: 0.896, delta: 0.096,
      newFindings: 1, persistingFindings: 7, resolvedFindings: 0, points: [{ asOf: '2026-09-01T06:00:00.000Z', fitnessScore: 0.8, findings: 9 }] };
    const out = format({ ...sampleReport, summary: { ...sampleReport.summary, trend } });
    expect(flat(out)).toMatch(/fitness at baseline \(2026-09-01 08:00 Tue\)/i);
  });
});
