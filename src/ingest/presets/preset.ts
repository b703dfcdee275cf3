import type { CanonicalField } from '../../model/ticket.js';
import type { DayOrder } from '../dates.js';

export type InputRole = 'tickets' | 'history';

/** Header names (matched ignoring case and surrounding space) that may carry each canonical field. */
export type ColumnAliases = Partial<Record<CanonicalField, string[]>>;

/** One kind of file a PSA exports: a ticket list (one row per ticket) or a change history. */
export interface PresetShape {
  role: InputRole;
  columns: ColumnAliases;
  /** Fields that must be present for this shape to be recognised. */
  required: CanonicalField[];
}

/** What one PSA's exports look like. */
export interface Preset {
  id: string;
  title: string;
  shapes: PresetShape[];
  dates?: { format?: string; dayOrder?: DayOrder };
  /** Values of the onsite column that mean "onsite" (besides true/yes/1). */
  onsiteValues?: string[];
}
