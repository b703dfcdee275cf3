import type { CanonicalField, StateField } from '../../model/ticket.js';
import type { DayOrder } from '../dates.js';

export type InputRole = 'tickets' | 'history';

/** Header names (matched ignoring case and surrounding space) that may carry each canonical field. */
export type ColumnAliases = Partial<Record<CanonicalField, string[]>>;

/**
 * How a history row tells what changed; every style ends up as one timeline per ticket.
 * - `snapshot`: each row holds the ticket's state after the update (ServiceNow event log, VINST).
 * - `activity`: activity rows carrying the current queue (BPIC 2014 `Reassignment` rows).
 * - `new-values`: only the fields that changed, new value only; a field given as null was cleared
 *   (Freshdesk activities).
 * - `diff`: one field per row with its old and new value (`sys_audit`, `glpi_logs`, Zendesk audits).
 * - `text`: a sentence per row ("Board changed from A to B": ConnectWise audit trail).
 * Blank cells never change a value: the value before them is carried forward.
 */
export type HistoryStyle = 'snapshot' | 'activity' | 'new-values' | 'diff' | 'text';

/** Columns of a `diff` history: which field changed, its value before and after. */
export interface DiffColumns {
  field: string[];
  from?: string[];
  to: string[];
}

/** One kind of file a PSA exports: a ticket list (one row per ticket) or a change history. */
export interface PresetShape {
  /** Shown by `inspect` and in detection reasons, e.g. "incident list (labels)". */
  name: string;
  role: InputRole;
  /** History only; default `snapshot`. */
  style?: HistoryStyle;
  columns: ColumnAliases;
  /** Fields that must be present for this shape to be recognised. */
  required: CanonicalField[];
  /**
   * Headers only this PSA writes; each one found weighs more than a common name like `Status`. A
   * detected shape needs at least one, unless it is `generic`.
   */
  signature?: string[];
  /** Detected on its field names alone (the generic event log). */
  generic?: boolean;
  diff?: DiffColumns;
  /** Column holding change sentences (`text` style). */
  text?: string[];
  /** Field names as diff and text rows write them (compared folded) -> the state field they are. */
  fieldNames?: Record<string, StateField>;
  /** Ticket-list column with a second id that history files use instead (ServiceNow `sys_id`). */
  altId?: string[];
}

/** What one PSA's exports look like. */
export interface Preset {
  id: string;
  title: string;
  shapes: PresetShape[];
  dates?: { format?: string; dayOrder?: DayOrder };
  /** Values of the onsite column that mean "onsite" (besides true/yes/1). */
  onsiteValues?: string[];
  /** Codes the PSA writes instead of names (Freshdesk priority 1..4), applied before mapping lookups. */
  values?: Partial<Record<CanonicalField, Record<string, string>>>;
  /** Ticket ids may be written with thousands separators (GLPI `52 267`). */
  groupedIds?: boolean;
  /** Cells may hold several values joined by this (GLPI `<br>`); the first one is used. */
  multiValueSeparator?: string;
  /** JSON records that need unrolling before their fields line up as columns (audits, changelogs). */
  json?: JsonUnroller[];
}

/** A JSON record flattened to columns: nested keys joined with `/` (`board/name`). */
export type FlatRecord = Map<string, string>;

/** Turns one JSON record into flat rows of tickets and/or history (Zendesk audits, Jira changelogs). */
export interface JsonUnroller {
  /** Why this matched, for `inspect`: "records with events[] (Zendesk ticket audits)". */
  reason: string;
  matches(record: Record<string, unknown>): boolean;
  unroll(record: Record<string, unknown>, emit: (role: InputRole, row: FlatRecord) => void): void;
}
