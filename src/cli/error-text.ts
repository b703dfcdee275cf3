import { sanitizeForTerminal, truncateToWidth } from '../report/text.js';

/** Longest line of an error message, in terminal columns; an echoed cell can be megabytes long. */
export const MAX_ERROR_LINE_COLUMNS = 1000;

/**
 * Error messages quote values from the inputs (a cell, a header, a ticket id), so they reach the
 * terminal stripped of escape sequences and control characters, each line cut to a readable length.
 */
export function terminalSafeLines(text: string): string {
  return text.split('\n')
    // Cut before sanitizing so a huge line costs nothing; the sanitizer drops a sequence cut in half.
    .map((line) => truncateToWidth(sanitizeForTerminal(line.slice(0, MAX_ERROR_LINE_COLUMNS * 4)), MAX_ERROR_LINE_COLUMNS))
    .join('\n');
}
