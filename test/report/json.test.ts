import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { formatJson } from '../../src/report/json.js';
import { sampleReport } from './sample-report.js';

/** The same data, every object built with its keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
}

describe('formatJson', () => {
  const out = formatJson(sampleReport);

  it('matches the snapshot', async () => {
    await expect(out).toMatchFileSnapshot('./__snapshots__/report.json');
  });

  it('parses back to the report', () => {
    expect(JSON.parse(out)).toStrictEqual(sampleReport);
  });

  it('indents with 2 spaces and ends with a newline', () => {
    expect(out.startsWith('{\n  "schemaVersion": "1.2",\n  "tool": {\n    "name"')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('writes the fields in the order of the Report type', () => {
    expect(Object.keys(JSON.parse(out))).toEqual(
      ['schemaVersion', 'tool', 'asOf', 'framework', 'inputs', 'notes', 'summary', 'rules', 'title', 'period', 'fit', 'findings'],
    );
    expect(Object.keys(JSON.parse(out).findings[0])).toEqual([
      'id', 'ticket', 'summary', 'category', 'rule', 'severity', 'queue', 'expectedQueue', 'at', 'message',
      'businessMinutes', 'cost', 'evidence', 'docsUrl',
    ]);
  });

  it('gives the same bytes however the report object was built', () => {
    expect(formatJson(reverseKeys(sampleReport))).toBe(out);
  });

  it('leaves out properties that are not in the contract', () => {
    const extra = { ...sampleReport, debug: { secret: 1 } } as Report;
    const finding = { ...sampleReport.findings[0]!, internal: true } as Finding;
    const json = formatJson({ ...extra, findings: [finding] });
    expect(json).not.toContain('debug');
    expect(json).not.toContain('internal');
  });

  it('escapes every control character, so printing the JSON to a terminal is safe', () => {
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('Printer offline\\u001b[31m in lobby\\u001b]0;title\\u0007');
    expect(out).toContain('\\u007f hire\\u009b2J');
  });
});
