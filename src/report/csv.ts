import type { Finding } from '../model/finding.js';
import type { Report } from '../model/result.js';
import { headerCell, numberCell, textCell } from './csv-cell.js';
import type { FormatOptions } from './formatters.js';
import { sortedEvidence, stringifyJson } from './json.js';

/** Version of the column contract below; columns are only ever appended within a major version. */

type Column =
  | { header: string; text: (f: Finding, report: Report) => string | null }
  | { header: string; number: (f: Finding) => number | null }
  | { header: string; instant: (f: Finding) => string };

/** The CSV contract: one row per finding, these columns in this order (documented in README.md). */
export const CSV_COLUMNS: readonly Column[] = [
  { header: 'id', text: (f) => f.id },
  { header: 'ticket', text: (f) => f.ticket },
  { header: 'summary', text: (f) => f.summary },
  { header: 'category', text: (f) => f.category },
  { header: 'rule', text: (f) => f.rule },
  { header: 'severity', text: (f) => f.severity },
  { header: 'status', text: (f) => f.status ?? null },
  { header: 'queue', text: (f) => f.queue },
  { header: 'expected_queue', text: (f) => f.expectedQueue },
  { header: 'at', instant: (f) => f.at },
  { header: 'business_minutes', number: (f) => f.businessMinutes },
  { header: 'estimated_cost', number: (f) => f.cost },
  { header: 'currency', text: (f, r) => (f.cost === null ? null : r.summary.currency) },
  { header: 'message', text: (f) => f.message },
  { header: 'evidence', text: (f) => stringifyJson(sortedEvidence(f.evidence)) },
  { header: 'docs_url', text: (f) => f.docsUrl },
];

const CRLF = '\r\n';
const BOM = '\ufeff';

/**
 * `--excel`: an instant as `2026-10-21 13:14:00` (UTC, unquoted), which Excel and LibreOffice read as a
 * date-time; the ISO form with its T and Z they keep as text. Without it, the ISO-8601 instant, quoted.
 */
function instantCell(iso: string, excel: boolean): string {
  const plain = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return excel && plain ? `${plain[1]} ${plain[2]}` : textCell(iso);
}

function row(f: Finding, report: Report, excel: boolean): string {
  return CSV_COLUMNS.map((c) => ('number' in c ? numberCell(c.number(f)) : 'instant' in c ? instantCell(c.instant(f), excel)
    : textCell(c.text(f, report)))).join(',');
}

/** The findings as RFC 4180 CSV (CRLF, a header row); with `excel`, a UTF-8 BOM so Excel reads UTF-8, and `at` as a date-time it reads as one. */
export function formatCsv(report: Report, options?: Partial<FormatOptions>): string {
  return [...formatCsvChunks(report, options)].join('');
}

const BATCH = 500;

/** The same bytes as {@link formatCsv}: the header, then a batch of rows at a time. */
export function* formatCsvChunks(report: Report, options?: Partial<FormatOptions>): Generator<string> {
  yield `${options?.excel ? BOM : ''}${CSV_COLUMNS.map((c) => headerCell(c.header)).join(',')}${CRLF}`;
  const { findings } = report;
  for (let i = 0; i < findings.length; i += BATCH) {
    let text = '';
    for (const f of findings.slice(i, i + BATCH)) text += `${row(f, report, options?.excel === true)}${CRLF}`;
    yield text;
  }
}
