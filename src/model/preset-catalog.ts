/** One file shape of a preset as `escalation-audit presets` shows it. */
export interface ShapeEntry {
  name: string;
  role: 'tickets' | 'history';
  /** History only: how a row tells what changed (snapshot, activity, new-values, diff, text). */
  style: string | undefined;
  /** Canonical field -> the header names it is read from, in order of preference. */
  columns: Record<string, string[]>;
  required: string[];
  distinctive: string[];
  /** Detected on its field names alone, without a distinctive header (the generic event log). */
  generic: boolean;
  /** Diff histories: field-name, old- and new-value columns. */
  changes: { field: string[]; from: string[]; to: string[] } | undefined;
  /** Text histories: the column of change sentences. */
  text: string[] | undefined;
}

/** A preset: what one PSA's exports look like. */
export interface PresetEntry {
  id: string;
  title: string;
  shapes: ShapeEntry[];
  /** JSON records the preset recognises and unrolls into rows first (audits, changelogs). */
  jsonRecords: string[];
}
