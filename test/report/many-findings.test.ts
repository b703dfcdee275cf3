import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { formatters, type TextFormatId } from '../../src/report/formatters.js';
import { withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

const N = 10_000;

const findings: Finding[] = Array.from({ length: N }, (_, i) => {
  const base = sampleReport.findings[i % sampleReport.findings.length]!;
  return { ...base, id: `f-${i.toString(16).padStart(6, '0')}`, ticket: `T-${100000 + i}`, summary: `Ticket number ${i}`, message: `${base.message} (#${i})` };
});
const report = withFindings(findings);

/** How many findings each format shows, counted the way its reader would. */
const shown: Record<TextFormatId, (out: string) => number> = {
  table: (out) => out.split('\n').filter((l) => /^(error|warn|info) +T-\d+/.test(l)).length,
  json: (out) => JSON.parse(out).findings.length,
  ndjson: (out) => out.split('\n').filter(Boolean).length,
  csv: (out) => out.split('\r\n').filter(Boolean).length - 1,
  markdown: (out) => out.split('\n').filter((l) => /^\| (error|warn|info) \|/.test(l)).length,
  html: (out) => out.split('<details class="finding">').length - 1,
};

describe(`${N} findings`, () => {
  it.each(Object.keys(formatters) as TextFormatId[])('render in %s, every one of them (HTML and Markdown with --all-findings)', (id) => {
    const out = formatters[id](report, { color: false, width: 120, findingsPerKind: Infinity });
    expect(shown[id](out)).toBe(N);
  });

  it.each(['html', 'markdown'] as const)('%s shows the worst 25 of each kind by default, and says how many more there are and where', (id) => {
    const out = formatters[id](report, { color: false, width: 120, fullList: 'in the CSV file findings.csv' });
    const kinds = new Set(findings.map((f) => f.category));
    expect(shown[id](out)).toBe(25 * kinds.size);
    const stalled = findings.filter((f) => f.category === 'stalled').length;
    expect(out).toContain(`${(stalled - 25).toLocaleString('en-US')} more stalled findings are not shown here, the least severe and costly: the full list is in the CSV file findings.csv.`);
  });

  it('the table shows every finding unless told otherwise (the mail tells it)', () => {
    const out = formatters.table(report, { color: false, width: 120, findingsPerKind: 3 });
    expect(shown.table(out)).toBe(3 * new Set(findings.map((f) => f.category)).size);
  });
});
