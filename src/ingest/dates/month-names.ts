/** English, Spanish and Portuguese three-letter month abbreviations (Jira exports follow the user's locale). */
const MONTH_ABBREVIATIONS: ReadonlyArray<readonly [string, number]> = [
  ['jan', 1], ['ene', 1],
  ['feb', 2], ['fev', 2],
  ['mar', 3],
  ['apr', 4], ['abr', 4],
  ['may', 5], ['mai', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8], ['ago', 8],
  ['sep', 9], ['set', 9],
  ['oct', 10], ['out', 10],
  ['nov', 11],
  ['dec', 12], ['dic', 12], ['dez', 12],
];

/** Lower-case ASCII letters packed into one integer, so a lookup needs no substring. */
const packLetters = (a: number, b: number, c: number): number => (a << 16) | (b << 8) | c;

const MONTH_BY_PACKED = new Map<number, number>(
  MONTH_ABBREVIATIONS.map(([name, month]) => [
    packLetters(name.charCodeAt(0), name.charCodeAt(1), name.charCodeAt(2)),
    month,
  ]),
);

/** ASCII letter to lower case, or -1 for anything that is not an ASCII letter. */
function lowerLetter(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 97 && code <= 122) return code;
  return -1;
}

/** The month (1-12) spelled by the three letters at `pos`, case-insensitive; 0 when not a known abbreviation. */
export function monthFromAbbreviation(text: string, pos: number): number {
  const a = lowerLetter(text.charCodeAt(pos));
  const b = lowerLetter(text.charCodeAt(pos + 1));
  const c = lowerLetter(text.charCodeAt(pos + 2));
  if (a < 0 || b < 0 || c < 0) return 0;
  return MONTH_BY_PACKED.get(packLetters(a, b, c)) ?? 0;
}
