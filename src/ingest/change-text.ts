/** One field change read from a diff row or a sentence. */
export interface TextChange {
  field: string;
  from: string | undefined;
  to: string;
}

const Q = `["'\u201c\u2018]?`;
const E = `["'\u201d\u2019]?`;
const FIELD = '(?<field>[^:"\']{1,40}?)';

// Wordings seen in audit trails and history exports; anchored, bounded and lazy, so they cannot run away.
const PATTERNS = [
  new RegExp(`^(?:the )?${FIELD} (?:was |has been )?changed from ${Q}(?<from>.*?)${E} to ${Q}(?<to>.*?)${E}\\.?$`, 'i'),
  new RegExp(`^changed ${FIELD} from ${Q}(?<from>.*?)${E} to ${Q}(?<to>.*?)${E}\\.?$`, 'i'),
  new RegExp(`^${FIELD}: ${Q}(?<from>.*?)${E} ?(?:->|\u2192|=>|>) ?${Q}(?<to>.*?)${E}$`, 'i'),
  new RegExp(`^(?:the )?${FIELD} (?:was |has been )?(?:set|changed) to ${Q}(?<to>.*?)${E}\\.?$`, 'i'),
  new RegExp(`^set ${FIELD} (?:as|to) ${Q}(?<to>.*?)${E}\\.?$`, 'i'),
];

const MAX_LINE = 500;

/** The changes a free-text history entry describes, one per line; lines no wording fits are skipped. */
export function parseChangeText(text: string): TextChange[] {
  const out: TextChange[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.length > MAX_LINE) continue;
    for (const pattern of PATTERNS) {
      const m = pattern.exec(line);
      if (!m?.groups) continue;
      out.push({ field: m.groups.field!.trim(), from: m.groups.from?.trim(), to: m.groups.to!.trim() });
      break;
    }
  }
  return out;
}

/** How diff and text rows' field names are compared: case, spaces and underscores do not matter. */
export const foldFieldName = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, ' ');
