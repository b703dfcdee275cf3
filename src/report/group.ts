import { CATEGORIES, SEVERITY_RANK, type Category, type Finding } from '../model/finding.js';

const tickets = new Intl.Collator('en', { numeric: true });

/** Most severe first, then by ticket number, time and id: the order every human-facing format shows. */
export function byPriority(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
    || tickets.compare(a.ticket, b.ticket)
    || (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface CategoryGroup {
  category: Category;
  findings: Finding[];
}

/**
 * The categories that have findings, in the order of CATEGORIES, each sorted by priority; then any
 * category this version does not know (a baseline's resolved findings from a newer version), by name.
 */
export function groupByCategory(findings: readonly Finding[]): CategoryGroup[] {
  const groups = new Map<Category, Finding[]>(CATEGORIES.map((c) => [c, []]));
  for (const f of findings) {
    const group = groups.get(f.category);
    if (group) group.push(f);
    else groups.set(f.category, [f]);
  }
  const unknown = [...groups.keys()].filter((c) => !(CATEGORIES as readonly string[]).includes(c)).sort();
  return [...CATEGORIES, ...unknown].flatMap((category) => {
    const group = groups.get(category)!;
    return group.length === 0 ? [] : [{ category, findings: group.sort(byPriority) }];
  });
}
