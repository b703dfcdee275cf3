import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../../src/model/finding.js';
import { formatJson } from '../../src/report/json.js';
import { exampleReport } from './example-report.js';
import { sampleAssignees, sampleReportByAssignee } from './sample-assignees.js';
import { sampleReport } from './sample-report.js';

const schema = JSON.parse(readFileSync('rules/report.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const errors = () => (validate.errors ?? [])
  .map((e) => `${e.instancePath} ${e.message}${e.params.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);

describe('rules/report.schema.json', () => {
  it('accepts the real report of the bundled example', async () => {
    const { json } = await exampleReport();
    expect(validate(JSON.parse(json)), errors().join('\n')).toBe(true);
  });

  it('accepts the sample report, with baseline fields and assignees', () => {
    const [first, second] = sampleReport.findings;
    const compared = {
      ...sampleReport,
      summary: {
        ...sampleReport.summary,
        trend: {
          previousAsOf: '2026-09-30T06:00:00.000Z', previousFitnessScore: 0.85, fitnessScore: sampleReport.summary.fitnessScore,
          delta: 0.0458, newFindings: 1, persistingFindings: 7, resolvedFindings: 1,
          points: [{ asOf: '2026-09-30T06:00:00.000Z', fitnessScore: 0.85, findings: 8 }, { asOf: sampleReport.asOf, fitnessScore: sampleReport.summary.fitnessScore, findings: 8 }],
        },
        assignees: sampleAssignees,
      },
      findings: sampleReport.findings.map((f, i) => ({ ...f, status: i === 0 ? 'new' as const : 'persisting' as const })),
      resolved: [{ ...first!, id: 'f-gone' }, second!],
    };
    expect(validate(JSON.parse(formatJson(compared))), errors().join('\n')).toBe(true);
  });

  it.each([
    ['an unknown top-level field', (r: any) => { r.extra = 1; }, ' must NOT have additional properties: extra'],
    ['a finding without an id', (r: any) => { delete r.findings[0].id; }, "/findings/0 must have required property 'id'"],
    ['an unknown severity', (r: any) => { r.findings[0].severity = 'fatal'; }, '/findings/0/severity must be equal to one of the allowed values'],
    ['a local time without a zone', (r: any) => { r.findings[0].at = '2026-10-05 09:12'; }, '/findings/0/at must match pattern'],
    ['a fitness score above 1', (r: any) => { r.summary.fitnessScore = 1.5; }, '/summary/fitnessScore must be <= 1'],
    ['a missing category count', (r: any) => { delete r.summary.byCategory.stalled; }, "/summary/byCategory must have required property 'stalled'"],
    ['schemaVersion 2', (r: any) => { r.schemaVersion = '2.0'; }, '/schemaVersion must match pattern'],
  ])('rejects %s', (_name, spoil, message) => {
    const report = JSON.parse(formatJson(sampleReport));
    spoil(report);
    expect(validate(report)).toBe(false);
    expect(errors().join('\n')).toContain(message);
  });

  it('lists exactly the categories and severities of the code', () => {
    expect(schema.definitions.category.enum).toEqual([...CATEGORIES]);
    expect(schema.definitions.byCategory.required).toEqual([...CATEGORIES]);
    expect(schema.definitions.severity.enum).toEqual([...SEVERITIES]);
  });

  it('requires every field the JSON formatter writes (optional ones aside)', () => {
    const written = JSON.parse(formatJson(sampleReport));
    expect(schema.required).toEqual(Object.keys(written));
    expect(schema.definitions.summary.required).toEqual(Object.keys(written.summary));
    expect(schema.definitions.queue.required).toEqual(Object.keys(written.summary.queues[0]));
    expect(schema.definitions.finding.required).toEqual(Object.keys(written.findings[0]));
    const withAssignees = JSON.parse(formatJson(sampleReportByAssignee));
    expect(schema.definitions.assignee.required).toEqual(Object.keys(withAssignees.summary.assignees[0]));
  });
});
