import type { ConditionDocument, FrameworkDocument } from './document.js';
import { fold } from '../text/fold.js';

/**
 * The values each canonical field is compared with (`equals`, `in`) anywhere in the framework's
 * conditions, folded: a status a rule names is placed by that rule, even when it is neither paused nor closed.
 */
export function namedValues(doc: FrameworkDocument): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (c: ConditionDocument | undefined): void => {
    if (!c || typeof c !== 'object') return;
    if ('all' in c) { c.all.forEach(visit); return; }
    if ('any' in c) { c.any.forEach(visit); return; }
    if ('not' in c) { visit(c.not); return; }
    if (c.field === undefined) return;
    const values = [...(c.equals !== undefined ? [c.equals] : []), ...(c.in ?? [])];
    const set = out.get(c.field) ?? out.set(c.field, new Set()).get(c.field)!;
    for (const v of values) set.add(fold(String(v)));
  };
  for (const r of doc.rules ?? []) visit((r as { when?: ConditionDocument }).when);
  for (const r of doc.routing ?? []) visit(r.when);
  for (const c of doc.clientCalendars ?? []) visit(c.when);
  return out;
}
