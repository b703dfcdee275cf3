import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { formatters, type FormatId } from '../../src/report/formatters.js';
import { withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

const N = 10_000;

const findings: Finding[] = Array.from({ length: N }, (_, i) => {
  const base = sampleReport.findings[i % sampleReport.findings.length]!;
  return { ...base, id: `f-${i.toString(16).padStart(6, '0')}`, ticket: `T-${100000 + i}`, summary: `Ticket number ${i}`, message: `${base.message} (#${i})` };
});
const report = withFindings(findings);

/** How many findings each format shows, counted the way its reader would. */
const shown: Record<FormatId, (out: string) => number> = {
  table: (out) => out.split('\n').filter((l) => /^(error|warn|info) +T-\d+/.test(l)).length,
  json: (out) => JSON.parse(out).findings.length,
  ndjson: (out) => out.split('\n').filter(Boolean).length,
  csv: (out) => out.split('\r\n').filter(Boolean).length - 1,
  markdown: (out) => out.split('\n').filter((l) => /^\| (error|warn|info) \|/.test(l)).length,
  html: (out) => out.split('<details class="finding">').length - 1,
};

describe(`${N} findings`, () => {
  it.each(Object.keys(formatters) as FormatId[])('render in %s, every one of them', (id) => {
    const out = formatters[id](report, { color: false, width: 120 });
    expect(shown[id](out)).toBe(N);
  });
});
