import type { InputDetail } from '../ingest/input-part.js';
import type { DateRange, InspectedFile } from '../model/inspect.js';
import type { InputSummary } from '../model/result.js';

const CHANGE_ROLES = { field: 'changed field', from: 'old value', to: 'new value', text: 'change text' } as const;

export const isoRange = (r: { first: number; last: number } | undefined): DateRange | null =>
  r ? { first: new Date(r.first).toISOString(), last: new Date(r.last).toISOString() } : null;

/** One input as `inspect` shows it: how it was read, which preset and why, and what each column feeds. */
export function inspectFile(summary: InputSummary, detail: InputDetail): InspectedFile {
  const { plan, headers } = detail;
  const uses = headers.map((): string[] => []);
  for (const [field, i] of Object.entries(plan.columns)) uses[i]?.push(field);
  for (const [role, i] of Object.entries(plan.changes)) if (i !== undefined) uses[i]?.push(CHANGE_ROLES[role as keyof typeof CHANGE_ROLES]);
  if (plan.altId !== undefined) uses[plan.altId]?.push('second id');
  const d = plan.detection;
  return {
    file: summary.file,
    format: summary.format,
    encoding: detail.source.encoding,
    encodingBy: detail.source.encodingBy,
    delimiter: detail.source.delimiter ?? null,
    role: plan.role,
    historyStyle: plan.role === 'history' ? plan.shape.style ?? 'snapshot' : null,
    preset: {
      id: plan.preset.id, title: plan.preset.title, shape: plan.shape.name, by: d.by, reason: plan.reason,
      distinctive: d.distinctive, score: d.score, runnerUp: d.runnerUp ?? null, unrolled: d.unrolled ?? null,
    },
    columns: headers.flatMap((column, i) => (uses[i]!.length ? [{ column, fields: uses[i]! }] : [])),
    unmapped: headers.filter((_, i) => uses[i]!.length === 0),
    dateFormats: (['at', 'created', 'updated', 'closed'] as const).flatMap((field) => {
      const i = plan.columns[field];
      return i === undefined ? [] : [{ column: headers[i]!, field, format: detail.dateFormats[field] ?? null }];
    }),
    rows: summary.rows,
    skippedRows: summary.skippedRows ?? 0,
    tickets: summary.tickets,
    events: detail.events,
    dateRange: isoRange(detail.dates),
  };
}
