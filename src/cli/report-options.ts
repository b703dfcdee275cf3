import { titleProblem } from '../text/title.js';
import { InvalidArgumentError, Option } from 'commander';
import { REDACTABLE, type RedactField } from '../prepare/redact.js';
import { suggest } from '../text/did-you-mean.js';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../model/finding.js';
import { parseAddress, parseAddresses, parseSmtpFlag, parseSubject, type MailFlags } from './mail-options.js';
import { DEFAULT_FINDINGS_PER_KIND } from '../report/long-lists.js';
import { parseAsOf } from './options.js';

/** The flags that shape and deliver a report (filters, baseline, privacy, mail), beside --format/--output. */
export interface ReportFlags extends MailFlags {
  title?: string;
  by?: 'assignee';
  since?: number;
  until?: number;
  queue?: string[];
  category?: Category[];
  minSeverity?: Severity;
  baseline?: string;
  failOnNew?: boolean;
  redact?: RedactField[];
  excel?: boolean;
  findingsPerKind?: number;
  allFindings?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `--until`: an instant, or a date that includes that whole day (UTC). */
export function parseUntil(text: string): number {
  const ms = parseAsOf(text);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? ms + DAY_MS : ms;
}

/** `--findings-per-kind`: a whole number, 0 or more. */
function parseCount(text: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number of findings, e.g. 25 (0 shows none, --all-findings all)');
  return Number(text);
}

/** `--title`: one line of printable text, at most 200 characters. */
export function parseTitle(text: string): string {
  const problem = titleProblem(text);
  if (problem) throw new InvalidArgumentError(problem);
  return text.trim();
}

/** A comma-separated, repeatable list; each item checked against `valid` with a "did you mean". */
export function listOf<T extends string>(valid: readonly T[]) {
  return (text: string, previous: T[] = []): T[] => [...previous, ...text.split(',').map((item) => {
    const v = item.trim();
    if ((valid as readonly string[]).includes(v)) return v as T;
    const guess = suggest(v, valid);
    throw new InvalidArgumentError(`"${v}" is not one of ${valid.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
  })];
}

const names = (text: string, previous: string[] = []) => [...previous, ...text.split(',').map((s) => s.trim()).filter(Boolean)];

export function reportOptions(): Option[] {
  return [
    new Option('--title <text>', 'the client or engagement the report is for, heading the table, Markdown, HTML, xlsx, JSON and the mail (e.g. "Acme Corp - Q4 fitness check")').argParser(parseTitle),
    new Option('--by <dimension>', 'add a per-assignee table to the summary').choices(['assignee']),
    new Option('--since <date>', 'only findings at or after this date or instant (and the tickets open since)').argParser(parseAsOf),
    new Option('--until <date>', 'only findings before this instant, or up to the end of this date (UTC)').argParser(parseUntil),
    new Option('--queue <names>', 'only these queues (comma-separated, repeatable): their tickets and findings').argParser(names),
    new Option('--category <names>', `only these finding categories (comma-separated): ${CATEGORIES.join(', ')}`).argParser(listOf(CATEGORIES)),
    new Option('--min-severity <severity>', 'only findings at or above this severity').choices(SEVERITIES),
    new Option('--findings-per-kind <n>', `HTML, Markdown and the mail (default ${DEFAULT_FINDINGS_PER_KIND}), the table (default all): findings of each kind shown in full, worst first`).argParser(parseCount),
    new Option('--all-findings', 'HTML, Markdown and the mail: show every finding (a long report: JSON, CSV and xlsx always have them all)'),
    new Option('--excel', 'CSV for Excel (needs -f csv): a UTF-8 byte order mark, dates Excel reads (the mailed CSV always has them)'),
    new Option('--baseline <report.json>', 'compare with an earlier --format json report: new, persisting and resolved findings'),
    new Option('--fail-on-new', '--fail-on (and --quiet) count only findings that are new since --baseline'),
    redactOption(),
    new Option('--mail-to <addresses>', 'mail the report (HTML, text, CSV attached) to these addresses (comma-separated)').argParser(parseAddresses),
    new Option('--mail-from <address>', 'sender address of the mail').argParser(parseAddress),
    new Option('--mail-subject <text>', 'subject of the mail (default: the --title, the counts and the date)').argParser(parseSubject),
    new Option('--smtp <url>', 'SMTP server: smtp://[user:password@]host[:port][?starttls=required] or smtps://... (default: SMTP_URL)').argParser(parseSmtpFlag),
  ];
}

/** `--redact`, for the audit report and for `explain`. */
export function redactOption(): Option {
  return new Option('--redact <fields>', `replace these values with pseudonyms in every format: ${REDACTABLE.join(', ')}`).argParser(listOf(REDACTABLE));
}
