import { STATE_FIELDS, type CanonicalField, type StateField } from '../model/ticket.js';
import type { Change, RowData } from './assemble.js';
import { foldFieldName, parseChangeText } from './change-text.js';
import type { ColumnPlan } from './plan.js';

/** How a row reader sees cell values: trimmed with null markers as undefined, codes and ids named. */
export interface CellValues {
  cell(cells: (string | undefined)[], index: number | undefined): string | undefined;
  isNull(text: string): boolean;
  translate(field: CanonicalField, value: string): string;
}

/**
 * Field changes of diff and text rows, for the state fields the shape knows by name; in new-value
 * rows, a field given as null or empty (not just absent: JSON) was cleared.
 */
export function readChanges(cells: (string | undefined)[], plan: ColumnPlan, fieldNames: Map<string, StateField>, v: CellValues): Change[] | undefined {
  const { changes, columns, shape } = plan;
  const out: Change[] = [];
  if (shape.style === 'new-values') {
    for (const field of STATE_FIELDS) {
      const i = columns[field];
      if (i !== undefined && cells[i] !== undefined && v.cell(cells, i) === undefined) out.push({ field, from: undefined, to: '' });
    }
  }
  const found: { field: string; from: string | undefined; to: string }[] = [];
  if (changes.field !== undefined) {
    const field = v.cell(cells, changes.field);
    const from = changes.from === undefined ? undefined : v.cell(cells, changes.from) ?? '';
    if (field !== undefined) found.push({ field, from, to: v.cell(cells, changes.to) ?? '' });
  }
  const text = v.cell(cells, changes.text);
  if (text !== undefined) found.push(...parseChangeText(text));
  for (const c of found) {
    const field = fieldNames.get(foldFieldName(c.field));
    if (field === undefined) continue;
    // '' is "empty": a cleared field, or one that had no value before.
    const from = c.from === undefined ? undefined : c.from === '' || v.isNull(c.from) ? '' : v.translate(field, c.from);
    const to = c.to === '' || v.isNull(c.to) ? '' : v.translate(field, c.to);
    out.push({ field, from, to });
  }
  return out.length ? out : undefined;
}

/** Queue changes a counter column tells: reassignments as is, stations (queues visited) minus one. */
export function queueCounter(fields: RowData['fields']): number | undefined {
  const n = (text: string | undefined) => (text === undefined || !/^\d+$/.test(text) ? undefined : Number(text));
  const reassignments = n(fields.reassignments);
  if (reassignments !== undefined) return reassignments;
  const stations = n(fields.stations);
  return stations === undefined ? undefined : Math.max(0, stations - 1);
}
