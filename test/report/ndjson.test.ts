import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { formatNdjson } from '../../src/report/ndjson.js';
import { hostileFinding, withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

const lines = (text: string) => text.split('\n').slice(0, -1);

describe('formatNdjson', () => {
  const out = formatNdjson(sampleReport);

  it('matches the snapshot', async () => {
    await expect(out).toMatchFileSnapshot('./__snapshots__/report.ndjson');
  });

  it('has one line per finding, each the same object as in the JSON report', () => {
    expect(out.endsWith('\n')).toBe(true);
    expect(lines(out).map((l) => JSON.parse(l))).toEqual(JSON.parse(formatJson(sampleReport)).findings);
  });

  it('writes nothing at all when there are no findings', () => {
    expect(formatNdjson(withFindings([]))).toBe('');
  });

  it('keeps each finding on one line, whatever its text, with no raw control character', () => {
    fc.assert(fc.property(fc.array(hostileFinding, { maxLength: 5 }), (findings) => {
      const text = formatNdjson(withFindings(findings));
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(lines(text).map((l) => JSON.parse(l).id)).toEqual(findings.map((f) => f.id));
    }), { numRuns: 200 });
  });
});
