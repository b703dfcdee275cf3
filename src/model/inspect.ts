export const INSPECT_SCHEMA_VERSION = '1.0';

/** The `inspect --format json` contract (README "inspect"): fields are only ever added. */
export interface InspectReport {
  schemaVersion: string;
  tool: { name: string; version: string };
  framework: { name: string; source: string };
  files: InspectedFile[];
  tickets: number;
  /** History rows read into timelines, over every file. */
  events: number;
  /** Tickets by how much history the exports gave: a full timeline, the ticket row only, or a queue-change counter only. */
  history: { full: number; snapshot: number; counterOnly: number };
  dateRange: DateRange | null;
  queues: QueueSeen[];
  /** Tickets whose timeline never names a queue. */
  ticketsWithoutQueue: number;
  statuses: StatusSeen[];
  ticketsWithoutStatus: number;
  notes: string[];
}

/** ISO-8601 instants (UTC). */
export interface DateRange { first: string; last: string }

/** One input as read: a file, or one role of a JSON file that holds tickets and history. */
export interface InspectedFile {
  file: string;
  format: 'csv' | 'json' | 'ndjson';
  encoding: string;
  /** How the encoding was settled; `guessed` deserves a look (`--encoding` overrides). */
  encodingBy: 'bom' | '--encoding' | 'detected' | 'guessed';
  /** CSV only: `,` `;` or a tab. */
  delimiter: string | null;
  role: 'tickets' | 'history';
  /** History only: snapshot, activity, new-values, diff or text. */
  historyStyle: string | null;
  preset: {
    id: string;
    title: string;
    shape: string;
    /** What chose it: the header, `--preset`, or the mapping file. */
    by: string;
    /** The whole reason in one line, as error messages give it. */
    reason: string;
    /** Headers of this file only the chosen PSA writes. */
    distinctive: string[];
    score: number;
    runnerUp: { preset: string; shape: string; score: number } | null;
    /** JSON records unrolled into rows first (audits, changelogs), and why. */
    unrolled: string | null;
  };
  /** Columns read, in file order, with the canonical field(s) each feeds. */
  columns: { column: string; fields: string[] }[];
  /** Columns no field reads (kept in each ticket's raw columns for conditions), duplicates included. */
  unmapped: string[];
  dateFormats: { column: string; field: string; format: string | null }[];
  rows: number;
  skippedRows: number;
  tickets: number;
  events: number;
  dateRange: DateRange | null;
}

/** A queue name as exported, and what the framework makes of it. */
export interface QueueSeen {
  name: string;
  /** Tickets that were in it at some point. */
  tickets: number;
  /** Tickets in it at their latest event. */
  current: number;
  /** The framework queue it resolves to; null: the framework does not know it (flagged). */
  queue: string | null;
  tier: number | null;
  /** How: by its name (`match`), or by the tier value of its events (`matchTier`; the commonest one); null when unknown. */
  by: 'name' | 'tier' | null;
}

/** A status as exported, and how the audit treats it. */
export interface StatusSeen {
  name: string;
  tickets: number;
  current: number;
  /** `open` for every status the framework does not list as paused or closed: clocks run in it. */
  treatedAs: 'open' | 'paused' | 'closed';
  /** The framework lists it (as paused or closed); false is flagged. */
  known: boolean;
  /**
   * Not listed, yet it looks like a closed or paused status (by its name, or most tickets in it have
   * a closed date): probably missing from the framework's `statuses`.
   */
  looksLike: 'closed' | 'paused' | null;
}
