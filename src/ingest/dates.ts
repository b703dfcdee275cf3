/**
 * Date cells of ticket exports: one layout is detected per column of a file (never guessing day
 * versus month), then every cell is parsed with a hand-written reader for that layout.
 */
export type { DateFormat, DateSnifferOptions, DayOrder } from './dates/types.js';
export { DateSniffer } from './dates/sniffer.js';
export { dateFormatFromLabel, knownDateLabels } from './dates/labels.js';
