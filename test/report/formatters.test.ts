import { describe, expect, it } from 'vitest';
import { formatters, type TextFormatId } from '../../src/report/formatters.js';
import { sampleReport } from './sample-report.js';

describe('formatters', () => {
  it('registers every format', () => {
    expect(Object.keys(formatters)).toEqual(['table', 'json', 'ndjson', 'csv', 'markdown', 'html'] satisfies TextFormatId[]);
  });

  it.each(Object.keys(formatters) as TextFormatId[])('%s is pure: same report and options, same output', (id) => {
    const options = { color: false, width: 80 };
    const first = formatters[id](sampleReport, options);
    expect(first.length).toBeGreaterThan(0);
    expect(formatters[id](structuredClone(sampleReport), options)).toBe(first);
  });
});
