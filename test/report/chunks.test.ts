import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { chunkedFormatters, formatChunks, formatters, type TextFormatId, type FormatOptions, type Formatter } from '../../src/report/formatters.js';
import { stringifyJson } from '../../src/report/json.js';
import { hostileFinding, withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

const hostile = fc.sample(hostileFinding, { numRuns: 50, seed: 6 });

// Sample findings, every seventh one with hostile text (controls, line separators, quotes).
const many = (n: number): Finding[] => Array.from({ length: n }, (_, i) => {
  const base = i % 7 === 3 ? hostile[i % hostile.length]! : sampleReport.findings[i % sampleReport.findings.length]!;
  return { ...base, id: `f-${i}`, ticket: `T-${i}` };
});

const reports: [string, Report][] = [
  ['no findings', withFindings([])],
  ['the sample', sampleReport],
  ['one batch exactly', withFindings(many(500))],
  ['one more than a batch', withFindings(many(501))],
  ['several batches', withFindings(many(1234))],
  ['with resolved findings', { ...withFindings(many(700)), resolved: many(3) }],
  ['with no resolved findings', { ...withFindings(many(2)), resolved: [] }],
];
const chunked = Object.keys(chunkedFormatters) as TextFormatId[];
const options: FormatOptions[] = [{ color: false, width: 100 }, { color: false, width: 100, excel: true }];

describe('formats in pieces', () => {
  it('covers the formats that grow with the findings', () => {
    expect(chunked.sort()).toEqual(['csv', 'json', 'ndjson']);
  });

  for (const id of chunked) {
    it.each(reports)(`${id}: %s gives the same bytes as the string formatter`, (_name, report) => {
      for (const o of options) {
        const pieces = [...formatChunks(id, report, o)];
        expect(pieces.join('')).toBe((formatters[id] as Formatter)(report, o));
        if (report.findings.length > 500) expect(pieces.length).toBeGreaterThan(1);
      }
    });
  }

  it.each(reports)('json: %s is what one JSON.stringify of the whole report writes', (_name, report) => {
    const out = formatters.json(report);
    expect(out).toBe(`${stringifyJson(JSON.parse(out), 2)}\n`);
  });

  it('a format without pieces is one piece', () => {
    expect([...formatChunks('markdown', sampleReport, options[0]!)]).toEqual([formatters.markdown(sampleReport)]);
  });
});
