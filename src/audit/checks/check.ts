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
  /** Minutes spent at a tier the work did not need, for the cost estimate. */
  costedMinutes?: { minutes: number; tier: number; homeTier: number };
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
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');

export const round = (n: number) => Math.round(n * 100) / 100;
