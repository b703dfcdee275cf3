import { describe, expect, it } from 'vitest';
import { compareWithBaseline, parseBaseline } from '../../src/prepare/baseline.js';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { formatters } from '../../src/report/formatters.js';
import { formatJson } from '../../src/report/json.js';
import { sampleReport } from '../report/sample-report.js';

const FILE = 'previous.json';

function problem(text: string): string {
  try {
    parseBaseline(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).format();
  }
  throw new Error('expected the baseline to be refused');
}

const withReport = (change: (doc: Record<string, unknown>) => void) => {
  const doc = JSON.parse(formatJson(sampleReport)) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
};

describe('parseBaseline', () => {
  it('reads a report written by --format json', () => {
    const b = parseBaseline(formatJson(sampleReport), FILE);
    expect(b).toMatchObject({ file: FILE, asOf: sampleReport.asOf, fitnessScore: sampleReport.summary.fitnessScore });
    expect(b.findings).toEqual(sampleReport.findings);
  });

  it('accepts a newer minor version and a byte order mark', () => {
    expect(parseBaseline(`\uFEFF${withReport((d) => { d.schemaVersion = '1.7'; })}`, FILE).findings).toHaveLength(sampleReport.findings.length);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"schemaVersion": "1.0",\n  oops}', /^previous\.json:2:\d+ {2}not JSON/],
    ['empty', '', /^previous\.json {2}not JSON/],
    ['a JSON array', '[1, 2]', /the document is not a JSON object/],
    ['another JSON document', '{"name": "package"}', /no "schemaVersion"/],
    ['a major version this one cannot read', withReport((d) => { d.schemaVersion = '2.0'; }), /schemaVersion "2\.0" cannot be compared with this version's 1\.2/],
    ['no fitness score', withReport((d) => { delete (d.summary as Record<string, unknown>).fitnessScore; }), /no "summary\.fitnessScore"/],
    ['findings not a list', withReport((d) => { d.findings = {}; }), /no "findings" list/],
    ['a finding without an id', withReport((d) => { delete (d.findings as Record<string, unknown>[])[1]!.id; }), /findings\[1\]\.id is not a string/],
    ['an unknown severity', withReport((d) => { (d.findings as Record<string, unknown>[])[0]!.severity = 'fatal'; }), /findings\[0\]\.severity is "fatal"/],
  ])('%s: an input error naming the file and what was expected', (_name, text, message) => {
    const out = problem(text);
    expect(out).toMatch(message);
    expect(out).toContain('expected an escalation-audit JSON report (schemaVersion 1.x)');
    expect(out).toContain('hint: pass a report written by an earlier run with --format json');
  });
});

describe('compareWithBaseline', () => {
  const [f1, f2, f3, ...rest] = sampleReport.findings as [Finding, Finding, Finding, ...Finding[]];
  const previous: Report = { ...sampleReport, asOf: '2026-09-30T06:00:00.000Z', summary: { ...sampleReport.summary, fitnessScore: 0.8 }, findings: [f1, f2, ...rest] };
  const removedLater = rest[0]!;
  const current: Report = { ...sampleReport, findings: [f1, f2, f3, ...rest.slice(1)] };
  const compared = compareWithBaseline(current, parseBaseline(formatJson(previous), FILE));

  it('marks each finding new or persisting by id', () => {
    expect(compared.findings.map((f) => [f.id, f.status])).toEqual(current.findings.map((f) => [f.id, f.id === f3.id ? 'new' : 'persisting']));
  });

  it('lists the findings of the baseline that are gone as resolved', () => {
    expect(compared.resolved?.map((f) => f.id)).toEqual([removedLater.id]);
  });

  it('adds the trend of the fitness score', () => {
    expect(compared.summary.trend).toEqual({
      previousAsOf: '2026-09-30T06:00:00.000Z', previousFitnessScore: 0.8, fitnessScore: sampleReport.summary.fitnessScore,
      delta: Math.round((sampleReport.summary.fitnessScore - 0.8) * 10000) / 10000,
      newFindings: 1, persistingFindings: current.findings.length - 1, resolvedFindings: 1,
    });
  });

  it('round-trips through the JSON contract', () => {
    const back = JSON.parse(formatJson(compared));
    expect(back.findings.map((f: Finding) => f.status)).toEqual(compared.findings.map((f) => f.status));
    expect(back.resolved).toHaveLength(1);
    expect(back.summary.trend.newFindings).toBe(1);
  });

  it('without a baseline, none of the comparison fields appear', () => {
    const json = JSON.parse(formatJson(current));
    expect(json).not.toHaveProperty('resolved');
    expect(json.summary).not.toHaveProperty('trend');
    expect(json.findings[0]).not.toHaveProperty('status');
  });
});

describe('resolved findings of a category this version does not know (item 18)', () => {
  const future: Finding = { ...sampleReport.findings[0]!, id: 'future-1', category: 'queue-hopping' as Finding['category'], message: 'hopped between queues' };
  const baseline = parseBaseline(withReport((d) => { (d.findings as unknown[]).push(JSON.parse(JSON.stringify(future))); }), FILE);
  const compared = compareWithBaseline(sampleReport, baseline);

  it('is counted and carried in report.resolved', () => {
    expect(compared.summary.trend?.resolvedFindings).toBe(1);
    expect(compared.resolved?.map((f) => f.id)).toEqual(['future-1']);
  });

  it.each(['table', 'markdown', 'html', 'json'] as const)('%s lists it, not only counts it', (id) => {
    const out = formatters[id](compared, { color: false, width: 200 });
    expect(out).toContain('hopped between queues');
  });
});
