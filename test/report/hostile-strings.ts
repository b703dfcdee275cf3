import fc from 'fast-check';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { sampleReport } from './sample-report.js';

/** Pieces that break naive CSV, Markdown and HTML writers, or that a spreadsheet would run. */
const PIECES = [
  '"', "'", ',', ';', '|', '\\', '`', '```', '<', '>', '&', '&lt;', '</td>', '<script>', '<img src=x onerror=alert(1)>',
  '[', ']', '(', ')', '*', '_', '~', '#', '$', '!', '-', '+', '=', '@', '1. ', '> ', '=1+1', '-2+3', '@SUM(A1)',
  '\t', '\r', '\n', '\r\n', ' ', '\u00a0', '\u0000', '\u001b[31m', '\u0007', '\u009b', '\u007f', '\u2028', '\u202e',
  'é', '漢', '😀', '👩‍💻', '🇫🇷', 'e\u0301',
];

/** Random text made of hostile pieces and arbitrary graphemes. */
export const hostileString = (maxLength = 12) => fc.string({
  unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength,
});

const text = hostileString();
const orNull = fc.option(text, { nil: null });

/** A finding whose every text field is hostile; numbers (negative ones too) and evidence vary. */
export const hostileFinding: fc.Arbitrary<Finding> = fc.record({
  id: text, ticket: text, summary: orNull, rule: text, queue: orNull, expectedQueue: orNull, message: text,
  docsUrl: text,
  category: fc.constantFrom(...sampleReport.findings.map((f) => f.category)),
  severity: fc.constantFrom('error', 'warn', 'info'),
  at: fc.integer({ min: 0, max: 4102444800000 }).map((ms) => new Date(ms).toISOString()),
  businessMinutes: fc.option(fc.integer({ min: -100000, max: 100000 }), { nil: null }),
  cost: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => (n === 0 ? 0 : n)), { nil: null }),
  evidence: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }))),
}) as fc.Arbitrary<Finding>;

/** The sample report with these findings (the summary is not recomputed: formatters do not check it). */
export const withFindings = (findings: Finding[]): Report => ({ ...sampleReport, findings });
