import type { MailMessage } from '../deliver/mail.js';
import type { Report } from '../model/result.js';
import { formatters, type TextFormatId, type FormatOptions, type Formatter } from '../report/formatters.js';
import { DEFAULT_FINDINGS_PER_KIND } from '../report/long-lists.js';
import type { MailSettings } from './mail-options.js';
import type { RenderFlags } from './outputs.js';

// The text part wraps at 100 columns: a mail reader's width is unknown, and nothing of a message may be cut.
const PLAIN: FormatOptions = { color: false, width: 100, wrap: true };
// The attachment is for a spreadsheet: with a byte order mark, Excel reads it as UTF-8.
const SPREADSHEET: FormatOptions = { ...PLAIN, excel: true };

const render = (id: TextFormatId, report: Report, options: FormatOptions) => (formatters[id] as Formatter)(report, options);

/** The mail of a report: HTML body, the plain table as its text alternative, and the findings as CSV. */
export function composeMail(report: Report, settings: MailSettings, flags: Pick<RenderFlags, 'findingsPerKind' | 'allFindings'> = {}): MailMessage {
  const day = report.asOf.slice(0, 10);
  const filename = `escalation-audit-${day}.csv`;
  // The body shows the worst findings of each kind; the attachment has them all, and the body says so.
  const body: FormatOptions = { ...PLAIN, findingsPerKind: flags.allFindings ? Infinity : flags.findingsPerKind ?? DEFAULT_FINDINGS_PER_KIND,
    fullList: `in the CSV file ${filename} attached to this mail` };
  return {
    from: settings.from,
    to: settings.to,
    subject: settings.subject ?? defaultSubject(report),
    html: render('html', report, body),
    text: render('table', report, body),
    attachments: [{ filename, content: render('csv', report, SPREADSHEET), contentType: 'text/csv; charset=utf-8' }],
  };
}

/**
 * `Acme Corp - Q4 fitness check - escalation-audit: 12 findings (3 error, 9 warn), 4 new, as of 2026-10-31`:
 * the --title (one printable line, checked when parsed), then numbers only, nothing from the data.
 */
export function defaultSubject(report: Report): string {
  const { findings, bySeverity, trend } = report.summary;
  const title = report.title ? `${report.title} - ` : '';
  const severities = (['error', 'warn', 'info'] as const).filter((s) => bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`);
  return `${title}escalation-audit: ${findings} finding${findings === 1 ? '' : 's'}${severities.length ? ` (${severities.join(', ')})` : ''}`
    + `${trend ? `, ${trend.newFindings} new` : ''}, as of ${report.asOf.slice(0, 10)}`;
}
