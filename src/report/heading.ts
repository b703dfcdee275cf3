import { localFormatter } from '../audit/explain.js';
import type { InputSummary, Report } from '../model/result.js';

/** What every human format says first: whom the report is for, under which framework, over what time. */
export interface Heading {
  /** `--title`, else "Escalation audit". */
  title: string;
  framework: string;
  /** `2026-10-01 08:00 Thu to 2026-10-28 17:30 Wed`, in the framework's zone; null without events. */
  period: string | null;
  asOf: string;
  timezone: string;
  /** File names without their folders, with what each is. */
  inputs: string[];
}

const DEFAULT_TITLE = 'Escalation audit';

/** A path's last part: a report handed to a client names `tickets.csv`, not the consultant's folders. */
export const fileName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** An instant in the framework's zone as `explain` writes it (`2026-10-05 09:00 Mon`); an unreadable one as it is. */
export function localTime(iso: string, timezone: string): string {
  const ms = Date.parse(iso);
  const format = formatterFor(timezone);
  return Number.isNaN(ms) || !format ? iso : format(ms);
}

const formatters = new Map<string, ((ms: number) => string) | undefined>();

/** One formatter per zone (a report formats thousands of instants); none for a zone this runtime does not know. */
function formatterFor(timezone: string): ((ms: number) => string) | undefined {
  if (!formatters.has(timezone)) {
    try {
      formatters.set(timezone, localFormatter(timezone));
    } catch {
      formatters.set(timezone, undefined);
    }
  }
  return formatters.get(timezone);
}

const describeInput = (i: InputSummary) => `${fileName(i.file)} (${i.preset} ${i.role}, ${i.tickets.toLocaleString('en-US')} tickets)`;

/** Unescaped text: each format escapes it its own way. */
export function heading(report: Report): Heading {
  const zone = report.framework.timezone;
  const period = report.period && `${localTime(report.period.from, zone)} to ${localTime(report.period.to, zone)}`;
  return {
    title: report.title ?? DEFAULT_TITLE,
    framework: report.framework.name,
    period,
    asOf: localTime(report.asOf, zone),
    timezone: zone,
    inputs: report.inputs.map(describeInput),
  };
}

/** `Period covered: ... · as of ... (times in Europe/Amsterdam)`. */
export function whenLine(h: Heading): string {
  return `${h.period ? `Period covered: ${h.period}; ` : ''}as of ${h.asOf} (times in ${h.timezone})`;
}

const INSTANT_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** A check's message with the UTC instants it quotes written in the framework's zone, as the rest of the page is. */
export const localizeInstants = (text: string, timezone: string): string => text.replace(INSTANT_IN_TEXT, (iso) => localTime(iso, timezone));
