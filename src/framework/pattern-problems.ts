import type { DocumentPath, FrameworkProblem } from './problem.js';
import { checkPattern, parseSlashPattern } from './safe-pattern.js';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Unsafe or broken regular expressions in a framework document: queue `match` entries written as
 * /.../flags (other entries are plain names) and every condition `matches`. Tolerates a document
 * that failed the schema: whatever is not shaped as expected is skipped.
 */
export function findPatternProblems(document: unknown): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const check = (text: string, path: DocumentPath) => {
    const problem = checkPattern(text);
    if (problem) problems.push({ path, message: problem });
  };
  if (!isRecord(document)) return problems;

  if (isRecord(document['queues'])) {
    for (const [id, queue] of Object.entries(document['queues'])) {
      for (const key of ['match', 'matchTier']) {
        const names = isRecord(queue) ? queue[key] : undefined;
        if (!Array.isArray(names)) continue;
        names.forEach((entry, i) => {
          if (typeof entry === 'string' && parseSlashPattern(entry)) check(entry, ['queues', id, key, i]);
        });
      }
    }
  }
  for (const list of ['routing', 'rules', 'clientCalendars'] as const) {
    const entries = document[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (isRecord(entry)) walkCondition(entry['when'], [list, i, 'when'], check);
    });
  }
  return problems;
}

function walkCondition(cond: unknown, path: DocumentPath, check: (text: string, path: DocumentPath) => void): void {
  if (!isRecord(cond)) return;
  for (const combinator of ['all', 'any'] as const) {
    const list = cond[combinator];
    if (Array.isArray(list)) list.forEach((c, i) => walkCondition(c, [...path, combinator, i], check));
  }
  walkCondition(cond['not'], [...path, 'not'], check);
  if (typeof cond['matches'] === 'string') check(cond['matches'], [...path, 'matches']);
}
