import { WALL_CLOCK, type BusinessCalendar } from '../../framework/calendar.js';
import type { Framework, Queue, RuleOf } from '../../framework/model.js';
import type { Category, EvidenceValue } from '../../model/finding.js';
import type { TicketReplay } from '../replay.js';

/** What a check says about one ticket; the engine adds id, severity, docs link and cost. */
export interface Observation {
  at: number;
  queue: Queue | undefined;
  /** The queue name as exported, when the framework does not know it. */
  rawQueue?: string | undefined;
  expectedQueue: Queue | undefined;
  message: string;
  businessMinutes: number | null;
  /**
   * Business minutes to put a price on: at `tier` when the work belonged at `homeTier` (the rate
   * difference), or lost at `tier` (the whole rate) when there is no home tier.
   */
  costedMinutes?: { minutes: number; tier: number; homeTier?: number | undefined };
  evidence: Record<string, EvidenceValue>;
}

export interface CheckMeta {
  id: Category;
  title: string;
  description: string;
}

export interface Check<C extends Category> {
  meta: CheckMeta & { id: C };
  run(replay: TicketReplay, rule: RuleOf<C>, framework: Framework): Observation[];
  /** Why the rule did not fire on this ticket, in plain words (for `explain`). */
  whyNot(replay: TicketReplay, rule: RuleOf<C>, framework: Framework): string;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');

export const round = (n: number) => Math.round(n * 100) / 100;

/** "business time" or "wall time", for messages about a clock. */
export const clockWords = (calendar: BusinessCalendar): string => `${calendar === WALL_CLOCK ? 'wall' : 'business'} time`;
