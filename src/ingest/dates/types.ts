/** A date layout decided for one column of one file. */
export interface DateFormat {
  /**
   * Human name shown to users and accepted back in mapping files / `--date-format`, e.g. 'ISO-8601',
   * 'YYYY-MM-DD HH:mm', 'D/M/YYYY H:mm', 'M/D/YYYY h:mm A', 'D/MMM/YY h:mm A', 'epoch-ms'.
   */
  readonly label: string;
  /** Epoch ms, or undefined if the text does not fit this format or is not a real date/time (31/2, 25:00). */
  parse(text: string): number | undefined;
}

/** Which of the two leading fields of a slash/dash date is the day: `dmy` = 31/1/2026, `mdy` = 1/31/2026. */
export type DayOrder = 'dmy' | 'mdy';

/** How a {@link DateSniffer} reads one column. */
export interface DateSnifferOptions {
  /** IANA zone used for values without an offset. */
  timezone: string;
  /** A label (or known pattern such as 'DD/MM/YYYY HH:mm') forced by mapping/CLI: skips detection. */
  format?: string;
  /** Settles the day/month ambiguity of slash/dash dates when given. */
  dayOrder?: DayOrder;
}

/** The outcome of sniffing one column. */
export type DateDecision =
  | { ok: true; format: DateFormat }
  /** Only values such as 3/4/2026 were seen; the message names the options that settle it. */
  | { ok: false; reason: 'ambiguous'; message: string; samples: string[] }
  /** Nothing fits a supported layout, the values mix layouts, or day-first and month-first values both appear. */
  | { ok: false; reason: 'unrecognised'; message: string; samples: string[] }
  /** No values were added. */
  | { ok: false; reason: 'empty'; message: string; samples: string[] };
