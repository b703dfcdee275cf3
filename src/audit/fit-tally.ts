import type { Framework } from '../framework/model.js';
import { fold } from '../text/fold.js';
import type { TicketReplay } from './replay.js';
import { stintQueueName } from './ticket-flow.js';

/** A value a rule's limit applies to, measured on one ticket (its worst case) on the rule's clock. */
export interface Measurement {
  /** The rule key whose limit this is (`after`, `idle`...). */
  key: string;
  value: number;
  /** The limit is a minimum (`minEffort`): a ticket complies at or above it. */
  atLeast?: boolean;
}

/** The values measured for one limit key of a rule over the judged tickets. */
export interface MeasuredValues { values: number[]; atLeast: boolean }

interface Counted { name: string; tickets: number }

/** A move between two queues: how many tickets made it, and how many of them it took to their routing home. */
export interface PathTally { from: string; to: string; tickets: number; toHome: number }

export interface FitTallies {
  /** Per rule (framework order): per limit key, the values measured on the tickets it judged. */
  measured: Map<string, MeasuredValues>[];
  statuses: Counted[];
  unknownQueues: Counted[];
  /** Per field, the values of tickets that no routing entry places. */
  unrouted: { field: 'type' | 'subtype' | 'source'; value: string; tickets: number }[];
  paths: PathTally[];
}

const ROUTED_FIELDS = ['type', 'subtype', 'source'] as const;

/** What the fit of a framework is computed from, gathered ticket by ticket while the audit replays them. */
export class FitTally {
  private readonly measured: Map<string, MeasuredValues>[];
  private readonly statuses = new Map<string, Counted>();
  private readonly unknownQueues = new Map<string, Counted>();
  private readonly unrouted = new Map<string, { field: 'type' | 'subtype' | 'source'; value: string; tickets: number }>();
  private readonly paths = new Map<string, PathTally>();

  constructor(framework: Framework) {
    this.measured = framework.rules.map(() => new Map());
  }

  measure(ruleIndex: number, measurements: readonly Measurement[]): void {
    const byKey = this.measured[ruleIndex]!;
    for (const m of measurements) {
      const entry = byKey.get(m.key) ?? byKey.set(m.key, { values: [], atLeast: m.atLeast === true }).get(m.key)!;
      entry.values.push(m.value);
    }
  }

  ticket(replay: TicketReplay): void {
    const seen = new Set<string>();
    for (const { event: e } of replay.segments) {
      if (e.status === undefined || e.status === '') continue;
      const key = fold(e.status);
      if (seen.has(key)) continue;
      seen.add(key);
      count(this.statuses, key, e.status);
    }
    const unknown = new Set<string>();
    for (const s of replay.stints) if (!s.queue && s.rawQueue) unknown.add(s.rawQueue);
    for (const q of unknown) count(this.unknownQueues, q, q);
    if (!replay.home) {
      for (const field of ROUTED_FIELDS) {
        const value = replay.ticket.fields[field];
        if (value === undefined || value === '') continue;
        const key = `${field}\u0000${value}`;
        const entry = this.unrouted.get(key) ?? this.unrouted.set(key, { field, value, tickets: 0 }).get(key)!;
        entry.tickets++;
      }
    }
    if (replay.ticket.history !== 'full') return;
    const moves = new Set<string>();
    for (let i = 1; i < replay.stints.length; i++) {
      const from = stintQueueName(replay.stints[i - 1]!);
      const to = stintQueueName(replay.stints[i]!);
      if (from === undefined || to === undefined || from === to) continue;
      const key = `${from}\u0000${to}`;
      if (moves.has(key)) continue;
      moves.add(key);
      const path = this.paths.get(key) ?? this.paths.set(key, { from, to, tickets: 0, toHome: 0 }).get(key)!;
      path.tickets++;
      if (replay.home !== undefined && replay.stints[i]!.queue === replay.home) path.toHome++;
    }
  }

  result(): FitTallies {
    return {
      measured: this.measured,
      statuses: [...this.statuses.values()],
      unknownQueues: [...this.unknownQueues.values()],
      unrouted: [...this.unrouted.values()],
      paths: [...this.paths.values()],
    };
  }
}

function count(map: Map<string, Counted>, key: string, name: string): void {
  const entry = map.get(key) ?? map.set(key, { name, tickets: 0 }).get(key)!;
  entry.tickets++;
}
