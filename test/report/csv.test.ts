import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/result.js';
import { dropControls, restoreFormula } from '../../src/report/csv-cell.js';
import { CSV_COLUMNS, formatCsv } from '../../src/report/csv.js';
import { hostileFinding, withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

const HEADER = 'id,ticket,summary,category,rule,severity,status,queue,expected_queue,at,business_minutes,estimated_cost,currency,message,evidence,docs_url';
const NUMBERS = new Set(['business_minutes', 'estimated_cost']);

type Row = Record<string, unknown>;

/** Reads the CSV as a consumer that knows the contract: unquoted empty is null, quoted text is restored. */
function readCsv(text: string): Row[] {
  return parse(text, {
    bom: true,
    columns: true,
    cast: (value, context) => {
      if (context.header) return value;
      if (NUMBERS.has(String(context.column))) return value === '' ? null : Number(value);
      return context.quoting ? restoreFormula(value) : value === '' ? null : value;
    },
  });
}

const textOf = (value: string | null) => (value === null ? null : dropControls(value));

/** What the CSV must say about a finding: the text without controls, the evidence as JSON. */
function expectedRow(f: Finding, report: Report): Row {
  return {
    id: textOf(f.id), ticket: textOf(f.ticket), summary: textOf(f.summary), category: f.category, rule: textOf(f.rule),
    severity: f.severity, status: f.status ?? null, queue: textOf(f.queue), expected_queue: textOf(f.expectedQueue),
    at: f.at, business_minutes: f.businessMinutes, estimated_cost: f.cost,
    currency: f.cost === null ? null : report.summary.currency, message: textOf(f.message),
    evidence: f.evidence, docs_url: textOf(f.docsUrl),
  };
}

const asRead = (row: Row) => ({ ...row, evidence: typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence });

describe('formatCsv', () => {
  const out = formatCsv(sampleReport);

  it('matches the snapshot', async () => {
    await expect(out).toMatchFileSnapshot('./__snapshots__/report.csv');
  });

  it('starts with the documented header and has one row per finding', () => {
    expect(out.split('\r\n')[0]).toBe(HEADER);
    expect(CSV_COLUMNS.map((c) => c.header).join(',')).toBe(HEADER);
    expect(readCsv(out)).toHaveLength(sampleReport.findings.length);
  });

  it('parses back to the findings, in report order', () => {
    const expected = sampleReport.findings.map((f) => expectedRow(f, sampleReport));
    expect(readCsv(out).map(asRead)).toEqual(expected.map(asRead));
  });

  it('ends every record with CRLF, and line breaks inside cells stay inside quotes', () => {
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out).toContain('"VPN drops\r\nevery hour"');
    const records = out.split('\r\n').filter(Boolean);
    expect(records).toHaveLength(1 + sampleReport.findings.length + 2); // two cells hold a CRLF
  });

  it('writes no control character but tab and line breaks', () => {
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('adds a UTF-8 BOM only for Excel', () => {
    expect(out.startsWith('id,')).toBe(true);
    const excel = formatCsv(sampleReport, { color: false, width: 100, excel: true });
    // The same CSV but for `at`, unquoted and without T and Z: a date-time Excel and LibreOffice read as one.
    expect(excel).toBe(`\ufeff${out.replace(/,"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})\.000Z",/g, ',$1 $2,')}`);
    expect(excel).toContain(',2026-10-05 09:12:44,');
    expect(out).toContain(',"2026-10-05T09:12:44.000Z",');
    expect(Buffer.from(excel, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes only the header when there are no findings', () => {
    expect(formatCsv(withFindings([]))).toBe(`${HEADER}\r\n`);
  });

  it('neutralizes formulas in text cells but writes negative numbers as numbers', () => {
    const f: Finding = { ...sampleReport.findings[0]!, summary: '=HYPERLINK("http://evil","x")', message: '-1+2', cost: -12.5, businessMinutes: -3 };
    const [line] = formatCsv(withFindings([f])).split('\r\n').slice(1);
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(line).toContain(`"'-1+2"`);
    expect(line).toContain(',-3,-12.5,"EUR",');
  });

  it('round-trips findings with hostile text: quotes, line breaks, commas, formulas, emoji', () => {
    fc.assert(fc.property(fc.array(hostileFinding, { maxLength: 5 }), (findings) => {
      const report = withFindings(findings);
      const rows = readCsv(formatCsv(report));
      expect(rows.map(asRead)).toEqual(findings.map((f) => asRead(expectedRow(f, report))));
    }), { numRuns: 300 });
  });

  it('never starts a text cell with a formula character', () => {
    fc.assert(fc.property(fc.array(hostileFinding, { minLength: 1, maxLength: 3 }), (findings) => {
      const rows = parse(formatCsv(withFindings(findings)), { columns: true, bom: true }) as Record<string, string>[];
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          if (!NUMBERS.has(column)) expect(cell).not.toMatch(/^[\s]*[=+\-@]|^[\t\r]/);
        }
      }
    }), { numRuns: 200 });
  });
});
