import type { DocumentPath } from './problem.js';

/** Where part of a merged document was written: a layer (0 = the file named, 1 = its base, ...) and the path there. */
export interface Source {
  layer: number;
  path: DocumentPath;
}

/**
 * The sources of a merged value, most derived first; `children` when its parts come from several
 * layers. A value without `children` comes whole from its first source.
 */
export interface Origin {
  sources: Source[];
  children?: Map<string, Origin>;
}

export interface Merged {
  value: unknown;
  origin: Origin;
}

/** How a value merges with the one it overrides: replaced whole, per key, or (rules) by id. */
type Level = 'replace' | 'rules' | { keys: Record<string, Level>; others: Level };

/** Per-key override inside a queue, a calendar, a rule, `statuses` or `costs`. */
const ENTRY: Level = { keys: {}, others: 'replace' };
/** A mapping of ids (queues, calendars): entries merged by id, then per key. */
const BY_ID: Level = { keys: {}, others: ENTRY };
const TOP: Level = {
  keys: { calendars: BY_ID, queues: BY_ID, priorities: BY_ID, statuses: ENTRY, costs: ENTRY, rules: 'rules' },
  others: 'replace',
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Merges framework layers, most derived first (`[client, base, base's base]`): see rules/README.md
 * "Extending another framework". `extends` itself is left out of the result.
 */
export function mergeLayers(layers: readonly Record<string, unknown>[]): Merged {
  let merged: Merged | undefined;
  for (let layer = layers.length - 1; layer >= 0; layer--) {
    const data = layers[layer]!;
    merged = merged === undefined ? leaf(data, layer, []) : mergeValue(merged, data, layer, [], TOP);
  }
  if (!merged || !isRecord(merged.value)) return { value: {}, origin: { sources: [{ layer: 0, path: [] }] } };
  const { extends: _resolved, ...value } = merged.value;
  return { value, origin: merged.origin };
}

/** As YAML's own reader sets keys: `__proto__` becomes a key, not the object's prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const leaf = (value: unknown, layer: number, path: DocumentPath): Merged => ({ value, origin: { sources: [{ layer, path }] } });

function mergeValue(base: Merged, value: unknown, layer: number, path: DocumentPath, level: Level): Merged {
  if (level === 'rules') return Array.isArray(base.value) && Array.isArray(value) ? mergeRules(base, value, layer, path) : leaf(value, layer, path);
  if (level === 'replace' || !isRecord(base.value) || !isRecord(value)) return leaf(value, layer, path);
  const out: Record<string, unknown> = {};
  const children = new Map<string, Origin>();
  // Own keys only, and set as own properties: ids like `constructor` or `__proto__` are ids like any other.
  for (const [key, inherited] of Object.entries(base.value)) {
    const inheritedOrigin = childOrigin(base.origin, key);
    if (!Object.hasOwn(value, key)) {
      define(out, key, inherited);
      children.set(key, inheritedOrigin);
    } else if (value[key] !== null) {
      // null removes what the base set; a null the base never set stays, for the schema to report.
      const levelOf = Object.hasOwn(level.keys, key) ? level.keys[key]! : level.others;
      const sub = mergeValue({ value: inherited, origin: inheritedOrigin }, value[key], layer, [...path, key], levelOf);
      define(out, key, sub.value);
      children.set(key, sub.origin);
    }
  }
  for (const [key, own] of Object.entries(value)) {
    if (Object.hasOwn(base.value, key)) continue;
    define(out, key, own);
    children.set(key, { sources: [{ layer, path: [...path, key] }] });
  }
  return { value: out, origin: { sources: [{ layer, path }, ...base.origin.sources], children } };
}

/** Rules merge by id: a rule with a base rule's id overrides it key by key (or whole, when its `check` differs); others are appended. */
function mergeRules(base: Merged, rules: unknown[], layer: number, path: DocumentPath): Merged {
  const values = [...(base.value as unknown[])];
  const origins = values.map((_, i) => childOrigin(base.origin, String(i)));
  const byId = new Map<string, number>();
  values.forEach((rule, i) => {
    if (isRecord(rule) && typeof rule['id'] === 'string' && !byId.has(rule['id'])) byId.set(rule['id'], i);
  });
  rules.forEach((rule, j) => {
    const rulePath = [...path, j];
    const i = isRecord(rule) && typeof rule['id'] === 'string' ? byId.get(rule['id']) : undefined;
    if (i === undefined || !isRecord(rule)) {
      values.push(rule);
      origins.push({ sources: [{ layer, path: rulePath }] });
      return;
    }
    // Each base rule is overridden once per layer; a second rule with its id is a duplicate, reported as such.
    byId.delete(rule['id'] as string);
    const inherited = values[i];
    const sameCheck = rule['check'] === undefined || (isRecord(inherited) && inherited['check'] === rule['check']);
    const merged = sameCheck ? mergeValue({ value: inherited, origin: origins[i]! }, rule, layer, rulePath, ENTRY) : leaf(rule, layer, rulePath);
    values[i] = merged.value;
    origins[i] = merged.origin;
  });
  const children = new Map(origins.map((o, i) => [String(i), o]));
  return { value: values, origin: { sources: [{ layer, path }, ...base.origin.sources], children } };
}

/** The origin of one part of a value: recorded when it was merged, otherwise the same path one step deeper. */
function childOrigin(origin: Origin, key: string): Origin {
  const recorded = origin.children?.get(key);
  if (recorded) return recorded;
  const first = origin.sources[0]!;
  const step = /^\d+$/.test(key) ? Number(key) : key;
  return { sources: [{ layer: first.layer, path: [...first.path, step] }] };
}
