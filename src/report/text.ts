// OSC, DCS, SOS, PM and APC carry a string up to BEL or ST; an unterminated one would swallow the
// output that follows it, so it is cut to the end of the value.
const CONTROL_STRING = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/g;
const SHORT_ESCAPE = /\u001b[ -/]*[0-~]/g;
const LINE_BREAK = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi overrides and isolates can make one ticket id or message read as another.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes a value from the data safe to print: escape sequences (CSI, OSC, DCS...), C0 and C1 controls,
 * DEL and bidi overrides are removed, line breaks and tabs become a space.
 */
export function sanitizeForTerminal(value: string): string {
  return value
    .replace(CONTROL_STRING, '')
    .replace(CSI, '')
    .replace(SHORT_ESCAPE, '')
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '');
}

const WIDE = /^(?:\p{Emoji_Presentation}|[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1b000}-\u{1b2ff}\u{1f200}-\u{1f2ff}\u{20000}-\u{3fffd}])$/u;
const ZERO_WIDTH = /^[\p{M}\p{Cf}\p{Cc}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const REGIONAL_INDICATOR = /^[\u{1f1e6}-\u{1f1ff}]$/u;
const ZWJ = '\u200d';
const EMOJI_STYLE = '\ufe0f';

/** What the terminal draws as one glyph: a base character with its marks, joiners and selectors. */
interface Cluster { base: string; text: string; width: number }

function codePointWidth(cp: string): number {
  if (ZERO_WIDTH.test(cp)) return 0;
  return WIDE.test(cp) ? 2 : 1;
}

// Not Intl.Segmenter: in Node 20 each step costs O(length), so one huge ticket title made the report
// quadratic (seconds for 40k characters). This approximation of grapheme clusters is linear.
function* clusters(text: string): Generator<Cluster> {
  let current: Cluster | undefined;
  let previous = '';
  for (const cp of text) {
    const flagPair = current?.text === current?.base && REGIONAL_INDICATOR.test(cp) && REGIONAL_INDICATOR.test(previous);
    if (current && (previous === ZWJ || ZERO_WIDTH.test(cp) || flagPair)) {
      current.text += cp;
      if (cp === EMOJI_STYLE && PICTOGRAPH.test(current.base)) current.width = 2;
    } else {
      if (current) yield current;
      current = { base: cp, text: cp, width: codePointWidth(cp) };
    }
    previous = cp;
  }
  if (current) yield current;
}

/** Terminal columns a sanitized string takes (wide East Asian characters and emoji count 2). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const cluster of clusters(text)) width += cluster.width;
  return width;
}

/** Cuts a sanitized string to at most `width` columns, ending it with an ellipsis when cut. */
export function truncateToWidth(text: string, width: number): string {
  let used = 0;
  let keptBeforeEllipsis = '';
  for (const cluster of clusters(text)) {
    used += cluster.width;
    if (used > width) return width < 1 ? '' : `${keptBeforeEllipsis.trimEnd()}…`;
    if (used < width) keptBeforeEllipsis += cluster.text;
  }
  return text;
}

/** Breaks a sanitized string into lines of at most `width` columns, at spaces when it can. */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (displayWidth(candidate) <= width || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => truncateToWidth(l, width));
}

/**
 * Breaks a sanitized string into lines of at most `width` columns and loses nothing: at spaces where
 * it can, and a word longer than a line (a URL, a path) is broken inside. For files, pipes and mail.
 */
export function wrapAllToWidth(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (displayWidth(candidate) <= room) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = splitToWidth(word, room);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

function splitToWidth(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const cluster of clusters(word)) {
    if (used + cluster.width > width && piece) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += cluster.text;
    used += cluster.width;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** A line that fits `width`: cut with an ellipsis (a terminal), or wrapped onto as many lines as it needs (`wrap`). */
export function fitToWidth(text: string, width: number, wrap: boolean): string[] {
  return wrap ? wrapAllToWidth(text, width) : [truncateToWidth(text, width)];
}

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/**
 * Business minutes as `45m`, `4h12m` or `46h30m`: hours, never days. A business day is as long as
 * the calendar's working day (10 hours, say), which a report column does not know; a "day" of 24
 * hours would show a three-business-day limit as `1d6h`. Hours mean the same in every queue.
 */
export const formatMinutes = (minutes: number): string => formatSpan(minutes, Infinity);

/** Wall-clock minutes as `45m`, `4h12m` or `3d2h` (a day is 24 hours). */
export const formatWallMinutes = (minutes: number): string => formatSpan(minutes, MINUTES_PER_DAY);

/** Days (when a day has a length), then hours, then minutes; minutes are left out beside days. */
function formatSpan(minutes: number, dayMinutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '-' : '';
  const days = Number.isFinite(dayMinutes) ? Math.floor(total / dayMinutes) : 0;
  const rest = days > 0 ? total - days * dayMinutes : total;
  const hours = Math.floor(rest / MINUTES_PER_HOUR);
  const mins = rest % MINUTES_PER_HOUR;
  if (days > 0) return `${sign}${days}d${hours > 0 ? `${hours}h` : ''}`;
  if (hours > 0) return `${sign}${formatHours(hours)}h${mins > 0 ? `${mins}m` : ''}`;
  return `${sign}${mins}m`;
}

const formatHours = (hours: number) => (hours >= 1000 ? hours.toLocaleString('en-US') : String(hours));

/** An ISO-8601 instant as `2026-10-06 14:05Z` (UTC, seconds dropped); anything unparsable is shown sanitized. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return sanitizeForTerminal(iso);
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** The width a table is laid out in: a whole number of columns, at least `narrowest`; 100 when it is not a number. */
export const layoutWidth = (width: number, narrowest = 60): number => (Number.isFinite(width) ? Math.max(narrowest, Math.floor(width)) : 100);
