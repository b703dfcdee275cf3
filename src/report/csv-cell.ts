/**
 * A cell a spreadsheet would run as a formula (OWASP CSV injection): one that starts with = + - @, tab
 * or CR, also after leading whitespace or apostrophes (LibreOffice can trim spaces on import). Cells
 * already starting with apostrophes before such a character are included, so the prefix can be undone.
 */
const FORMULA_START = /^(?:[\s']*[=+\-@]|'*[\t\r])/;
const NEEDS_NO_QUOTES = /^[^",\r\n]*$/;
// Controls a spreadsheet never shows but a terminal obeys (`cat report.csv`); tab and line breaks stay.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Drops the control characters that could drive a terminal showing the file (ESC, C1, DEL, NUL...). */
export const dropControls = (text: string): string => text.replace(CONTROL, '');

/** Prefixes a formula-like text with a single quote, so Excel and LibreOffice show it as text. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutralizeFormula, for readers of the CSV that want the original text back. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** RFC 4180: in double quotes, inner quotes doubled. */
export const quoteCsv = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * A text cell: null is an empty unquoted cell; any string (even empty) loses its controls, is
 * neutralized (after that, so a dropped control cannot uncover a formula) and quoted.
 */
export function textCell(value: string | null): string {
  return value === null ? '' : quoteCsv(neutralizeFormula(dropControls(value)));
}

/** A number cell: the tool's own numbers, written plainly (a negative number stays a number). */
export function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

/** A header cell: a fixed name of the contract, quoted only if it ever needed to be. */
export const headerCell = (name: string): string => (NEEDS_NO_QUOTES.test(name) ? name : quoteCsv(name));
