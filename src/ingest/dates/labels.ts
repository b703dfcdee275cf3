import { createLayoutFormat, DATE_LAYOUTS, type DateLayout, type LayoutFormat } from './layouts.js';

/** Names users write for layouts that are not patterns, compared case-insensitively. */
const NAMED_ALIASES: Readonly<Record<string, string>> = {
  'iso-8601': 'ISO-8601',
  iso8601: 'ISO-8601',
  iso: 'ISO-8601',
  'epoch-s': 'epoch-s',
  epoch: 'epoch-s',
  'unix-s': 'epoch-s',
  unix: 'epoch-s',
  'epoch-ms': 'epoch-ms',
  'unix-ms': 'epoch-ms',
};

/**
 * Reduces a moment/Java-style pattern to what decides the layout, so 'DD/MM/YYYY HH:mm:ss',
 * 'dd/MM/yyyy HH:mm' and 'D/M/YYYY H:mm' all name one layout: padding, seconds, fractions and an
 * offset are optional in every layout anyway.
 */
export function patternKey(pattern: string): string {
  return pattern
    .trim()
    .replace(/'/g, '') // Java quoting: yyyy-MM-dd'T'HH:mm
    .replace(/[[\]]/g, '') // optional groups: HH:mm[:ss]
    .replace(/\s*(?:Z{1,5}|X{1,3}|x{1,3}|O{1,4})$/, '')
    .replace(/[.,]S{1,9}/g, '')
    .replace(/:ss?/g, '')
    .replace(/\s*(?:A|a{1,2}|tt)$/, ' A')
    .replace(/[yY]{4}/g, 'YYYY')
    .replace(/(?<![yY])[yY]{2}(?![yY])/g, 'YY')
    .replace(/(?<!M)M{1,2}(?!M)/g, 'M')
    .replace(/(?<![dD])[dD]{1,2}(?![dD])/g, 'D')
    .replace(/H{1,2}/g, 'H')
    .replace(/h{1,2}/g, 'h')
    .replace(/m{1,2}/g, 'mm')
    .replace(/\s+/g, ' ');
}

const LAYOUT_BY_KEY = new Map<string, DateLayout>();
for (const layout of DATE_LAYOUTS) LAYOUT_BY_KEY.set(patternKey(layout.label), layout);
for (const layout of DATE_LAYOUTS) {
  // Month-name layouts read four-digit years too.
  if (layout.fields === 'day-month-name') LAYOUT_BY_KEY.set(patternKey(layout.label.replace('YY', 'YYYY')), layout);
}
// ISO written as a pattern.
LAYOUT_BY_KEY.set(patternKey('YYYY-MM-DDTHH:mm'), DATE_LAYOUTS[0]!);

/** The layout a user-written label or pattern names, if any. */
export function layoutFromLabel(label: string): DateLayout | undefined {
  const named = NAMED_ALIASES[label.trim().toLowerCase()];
  if (named !== undefined) return DATE_LAYOUTS.find((l) => l.label === named);
  return LAYOUT_BY_KEY.get(patternKey(label));
}

/** A format from a label or pattern written by a user; undefined when unknown (callers list knownDateLabels()). */
export function dateFormatFromLabel(label: string, timezone: string): LayoutFormat | undefined {
  const layout = layoutFromLabel(label);
  return layout && createLayoutFormat(layout, timezone);
}

/** The canonical label of every supported layout. */
export function knownDateLabels(): string[] {
  return DATE_LAYOUTS.map((l) => l.label);
}

/** One line per layout with an example, for error messages. */
export function describeKnownLayouts(): string {
  return DATE_LAYOUTS.map((l) => `  ${l.label.padEnd(18)} e.g. ${l.example}`).join('\n');
}
