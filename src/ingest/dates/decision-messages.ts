import { describeKnownLayouts } from './labels.js';
import type { DateDecision } from './types.js';

type Failure = Extract<DateDecision, { ok: false }>;

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

export function emptyColumn(): Failure {
  return { ok: false, reason: 'empty', message: 'no date values to detect a layout from', samples: [] };
}

export function nothingFits(samples: string[]): Failure {
  return {
    ok: false,
    reason: 'unrecognised',
    message:
      `no supported date layout fits values such as ${quoted(samples)}. Supported layouts ` +
      `(seconds, fractions, a UTC offset and zero padding are optional):\n${describeKnownLayouts()}`,
    samples,
  };
}

/** Two families each hold a real share of the column: reading it with either would reject the other rows. */
export function mixedLayouts(
  first: { name: string; count: number; sample: string },
  second: { name: string; count: number; sample: string },
): Failure {
  return {
    ok: false,
    reason: 'unrecognised',
    message:
      `the dates follow more than one layout: ${first.count} like "${first.sample}" (${first.name}) and ` +
      `${second.count} like "${second.sample}" (${second.name}). Name the layout (mapping \`dates.format\` or ` +
      'CLI `--date-format`) to read the column with it and report the other rows.',
    samples: [first.sample, second.sample],
  };
}

export function inconsistentDayOrder(dayFirst: string, monthFirst: string): Failure {
  return {
    ok: false,
    reason: 'unrecognised',
    message:
      `day and month are in inconsistent order: "${dayFirst}" can only be day-first but ` +
      `"${monthFirst}" can only be month-first.`,
    samples: [dayFirst, monthFirst],
  };
}

export function ambiguousDayOrder(samples: string[]): Failure {
  return {
    ok: false,
    reason: 'ambiguous',
    message:
      `dates such as ${quoted(samples)} read as both day-first and month-first, and no value settles it ` +
      `(a first field above 12 would mean day-first, a second field above 12 month-first). ` +
      'Say which: mapping `dates.dayOrder: dmy|mdy` or CLI `--day-first` / `--month-first`.',
    samples,
  };
}
