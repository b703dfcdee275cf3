import type { EvidenceValue, Finding } from '../model/finding.js';
import type { Report } from '../model/result.js';
import type { Ticket } from '../model/ticket.js';
import type { TicketExplanation } from '../audit/explain.js';
import { splitAssignees } from './assignees.js';
import { describeChange, parseChange } from '../audit/checks/change-words.js';

export const REDACTABLE = ['assignee', 'company', 'summary'] as const;
export type RedactField = (typeof REDACTABLE)[number];

/** Value -> pseudonym, per ticket (for free text) and overall (for the fields that hold one value). */
export interface Redaction {
  fields: Set<RedactField>;
  exact: Map<RedactField, Map<string, string>>;
  byTicket: Map<string, [string, string][]>;
  all: [string, string][];
}

// One- or two-letter values ("IT", "A") would also hit ordinary words in messages; they are still
// replaced where they are the whole value.
const MIN_TEXT_LENGTH = 3;
const REDACTED = '[redacted]';

/**
 * Pseudonyms for the values of the chosen fields, numbered in ticket order (`assignee-1`,
 * `company-2`...), so the same value always gets the same pseudonym within a report.
 */
export function planRedaction(tickets: Ticket[], fields: RedactField[]): Redaction {
  const exact = new Map<RedactField, Map<string, string>>(fields.map((f) => [f, new Map()]));
  const pseudonym = (field: RedactField, value: string) => {
    const names = exact.get(field)!;
    return names.get(value) ?? names.set(value, `${field}-${names.size + 1}`).get(value)!;
  };
  const byTicket = new Map<string, [string, string][]>();
  for (const t of tickets) {
    const pairs = new Map<string, string>();
    for (const field of fields) for (const v of valuesOf(t, field)) pairs.set(v, pseudonym(field, v));
    byTicket.set(t.id, longestFirst([...pairs]));
  }
  const all = longestFirst([...exact.values()].flatMap((m) => [...m]));
  return { fields: new Set(fields), exact, byTicket, all };
}

function valuesOf(t: Ticket, field: RedactField): string[] {
  if (field === 'assignee') {
    return [...new Set([t.fields.assignee, ...t.events().map((e) => e.assignee)].flatMap(splitAssignees))];
  }
  const v = t.fields[field]?.trim();
  return v ? [v] : [];
}

const longestFirst = (pairs: [string, string][]) => pairs.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));

/**
 * The report with every chosen value replaced: in the fields that hold them, and where a message or
 * its evidence quotes one, which only a change of assignee does (`assignee a -> b`, written by
 * {@link describeChange}). Messages are never searched for the values as text: a person called
 * "support" leaves the queue support alone.
 */
export function redactReport(report: Report, plan: Redaction): Report {
  const finding = (f: Finding): Finding => {
    const pairs = plan.byTicket.get(f.ticket) ?? plan.all;
    const text = (s: string) => replaceValues(s, pairs);
    const { message, evidence } = redactChanges(f, plan);
    return { ...f, summary: redactValue(plan, 'summary', f.summary, text), message, evidence };
  };
  const assignees = plan.exact.get('assignee');
  return {
    ...report,
    summary: {
      ...report.summary,
      assignees: report.summary.assignees?.map((a) => ({ ...a, assignee: assignees?.get(a.assignee) ?? a.assignee })),
    },
    findings: report.findings.map(finding),
    resolved: report.resolved?.map(finding),
  };
}

/**
 * A field's own value: its pseudonym when the field is redacted (a value no ticket of this export has,
 * such as a resolved finding of the baseline, is dropped, not kept), else its text with the other values replaced.
 */
function redactValue(plan: Redaction, field: RedactField, value: string | null, text: (s: string) => string): string | null {
  if (value === null) return null;
  return plan.fields.has(field) ? plan.exact.get(field)!.get(value.trim()) ?? REDACTED : text(value);
}

/** The finding's changes of assignee, in its evidence and its message, with the people pseudonymised. */
function redactChanges(f: Pick<Finding, 'message' | 'evidence'>, plan: Redaction): { message: string; evidence: Record<string, EvidenceValue> } {
  const changes = f.evidence['changes'];
  if (!plan.fields.has('assignee') || !Array.isArray(changes)) return { message: f.message, evidence: f.evidence };
  let message = f.message;
  const redacted = changes.map((change) => {
    const parsed = parseChange(change);
    if (parsed?.field !== 'assignee') return change;
    const replaced = describeChange('assignee', people(plan, parsed.before), people(plan, parsed.after));
    message = message.split(change).join(replaced);
    return replaced;
  });
  return { message, evidence: { ...f.evidence, changes: redacted } };
}

/** An explanation's findings carry no evidence: the changes of assignee its messages may quote come from its events. */
function redactHandovers(message: string, x: TicketExplanation, plan: Redaction): string {
  if (!plan.fields.has('assignee') || !message.includes('assignee ')) return message;
  const values = [...new Set(x.events.map((e) => e.assignee ?? undefined))];
  let out = message;
  for (const a of values) {
    for (const b of values) {
      if (a === b) continue;
      const change = describeChange('assignee', a, b);
      if (out.includes(change)) out = out.split(change).join(describeChange('assignee', people(plan, a), people(plan, b)));
    }
  }
  return out;
}

/** An assignee value (one or several people) as pseudonyms; a person no ticket of the export has is [redacted]. */
function people(plan: Redaction, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return splitAssignees(value).map((p) => plan.exact.get('assignee')!.get(p) ?? REDACTED).join(', ');
}

const WORD = /[\p{L}\p{N}]/u;

/** Replaces whole-word occurrences of the values (longest first at each place) in one pass. */
export function replaceValues(text: string, pairs: [string, string][]): string {
  const present = pairs.filter(([v]) => v.length >= MIN_TEXT_LENGTH && text.includes(v));
  if (present.length === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const hit = WORD.test(text[i - 1] ?? ' ') ? undefined
      : present.find(([v]) => text.startsWith(v, i) && !WORD.test(text[i + v.length] ?? ' '));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** The explanation of one ticket with the chosen values replaced, as {@link redactReport} does for a report. */
export function redactExplanation(x: TicketExplanation, plan: Redaction): TicketExplanation {
  const pairs = plan.byTicket.get(x.ticket.id) ?? plan.all;
  const text = (s: string) => replaceValues(s, pairs);
  const person = (value: string | null) => (value === null || !plan.fields.has('assignee') ? value : people(plan, value)!);
  return {
    ...x,
    ticket: { ...x.ticket, summary: redactValue(plan, 'summary', x.ticket.summary, text), company: redactValue(plan, 'company', x.ticket.company, text) },
    events: x.events.map((e) => ({ ...e, assignee: person(e.assignee) })),
    rules: x.rules.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, message: redactHandovers(f.message, x, plan) })) })),
  };
}
