import { InputError } from '../../errors.js';
import {
  ambiguousDayOrder, emptyColumn, inconsistentDayOrder, mixedLayouts, nothingFits,
} from './decision-messages.js';
import { knownDateLabels, layoutFromLabel } from './labels.js';
import { createLayoutFormat, DATE_LAYOUTS, dayOrderOf, familyOf, type LayoutFormat } from './layouts.js';
import type { DateDecision, DateFormat, DateSnifferOptions, DayOrder } from './types.js';

const SAMPLE_LIMIT = 5;

/** One layout, or the day-first and month-first readings of one layout, and what the values said. */
interface FamilyTally {
  readonly formats: readonly LayoutFormat[];
  count: number;
  firstSample: string;
  /** The first value only the day-first (resp. month-first) reading accepts. */
  readonly onlyFits: { dmy?: string; mdy?: string };
  readonly ambiguousSamples: string[];
}

/**
 * Feed sample values (a column's non-empty cells, in file order); it decides as soon as the data
 * settles it. A family is decided once it holds more than half of the values that fit any layout
 * (values that fit none never count), and, for slash/dash dates, once a value shows the day order.
 * `finish()` can still reject a layout `decided` earlier when later values contradict it.
 */
export class DateSniffer {
  private readonly forced: DateFormat | undefined;
  private readonly families: FamilyTally[] = [];
  private decision: { format: DateFormat; family: FamilyTally } | undefined;
  private total = 0;
  private fitting = 0;
  private readonly unfitSamples: string[] = [];

  /** @throws InputError when `format` is not a known label or contradicts `dayOrder`. */
  constructor(options: DateSnifferOptions) {
    this.forced = options.format === undefined ? undefined : forcedFormat(options);
    if (this.forced) return;
    const byFamily = new Map<string, LayoutFormat[]>();
    for (const layout of DATE_LAYOUTS) {
      const order = dayOrderOf(layout);
      if (order && options.dayOrder && order !== options.dayOrder) continue;
      const key = familyOf(layout);
      const members = byFamily.get(key) ?? [];
      members.push(createLayoutFormat(layout, options.timezone));
      byFamily.set(key, members);
    }
    for (const formats of byFamily.values()) {
      this.families.push({ formats, count: 0, firstSample: '', onlyFits: {}, ambiguousSamples: [] });
    }
  }

  add(text: string): void {
    this.total++;
    if (this.forced) return;
    const decision = this.decision;
    if (decision && decision.format.parse(text) !== undefined) {
      decision.family.count++;
      this.fitting++;
      return;
    }
    const family = this.classify(text);
    if (!family) {
      if (this.unfitSamples.length < SAMPLE_LIMIT) this.unfitSamples.push(text);
      return;
    }
    this.fitting++;
    if (!decision && family.count * 2 > this.fitting) {
      const format = settledFormat(family);
      if (format) this.decision = { format, family };
    }
  }

  /** The format once decided (e.g. a first field > 12 seen, or the layout is unambiguous like ISO), else undefined. */
  get decided(): DateFormat | undefined {
    return this.forced ?? this.decision?.format;
  }

  /** Called after the last value: the decision, or why none could be made. */
  finish(): DateDecision {
    if (this.forced) return { ok: true, format: this.forced };
    if (this.total === 0) return emptyColumn();
    if (this.fitting === 0) return nothingFits(this.unfitSamples);
    const ranked = this.families.filter((f) => f.count > 0).sort((a, b) => b.count - a.count);
    const leader = ranked[0]!;
    const expected = this.decision?.family ?? leader;
    if (leader !== expected || leader.count * 2 <= this.fitting) {
      const other = ranked.find((f) => f !== expected)!;
      return mixedLayouts(summary(expected), summary(other));
    }
    const format = settledFormat(leader);
    if (format) return { ok: true, format };
    const { dmy, mdy } = leader.onlyFits;
    if (dmy !== undefined && mdy !== undefined) return inconsistentDayOrder(dmy, mdy);
    return ambiguousDayOrder(leader.ambiguousSamples);
  }

  /** Finds the family the value fits (families never overlap) and notes what it says about day order. */
  private classify(text: string): FamilyTally | undefined {
    for (const family of this.families) {
      const [first, second] = family.formats;
      const firstFits = first!.parse(text) !== undefined;
      const secondFits = second !== undefined && second.parse(text) !== undefined;
      if (!firstFits && !secondFits) continue;
      if (family.count++ === 0) family.firstSample = text;
      if (firstFits && secondFits) {
        if (family.ambiguousSamples.length < SAMPLE_LIMIT) family.ambiguousSamples.push(text);
      } else if (second) {
        const order = dayOrderOf((firstFits ? first! : second).layout)!;
        family.onlyFits[order] ??= text;
      }
      return family;
    }
    return undefined;
  }
}

/** The family's format when nothing is left to settle; undefined while the day order is open or contradicted. */
function settledFormat(family: FamilyTally): LayoutFormat | undefined {
  const [first, second] = family.formats;
  if (!second) return first;
  const { dmy, mdy } = family.onlyFits;
  if ((dmy === undefined) === (mdy === undefined)) return undefined;
  const wanted: DayOrder = dmy !== undefined ? 'dmy' : 'mdy';
  return family.formats.find((f) => dayOrderOf(f.layout) === wanted);
}

function summary(family: FamilyTally): { name: string; count: number; sample: string } {
  return { name: family.formats.map((f) => f.label).join(' or '), count: family.count, sample: family.firstSample };
}

function forcedFormat(options: DateSnifferOptions): DateFormat {
  const label = options.format ?? '';
  const layout = layoutFromLabel(label);
  if (!layout) {
    throw new InputError(`unknown date format "${label}"`, undefined, `use one of: ${knownDateLabels().join(', ')}`);
  }
  const order = dayOrderOf(layout);
  if (order && options.dayOrder && order !== options.dayOrder) {
    throw new InputError(
      `date format "${label}" puts the ${order === 'dmy' ? 'day' : 'month'} first, but the day order is set to ${options.dayOrder}`,
    );
  }
  return createLayoutFormat(layout, options.timezone);
}
