import fc from 'fast-check';

/** The part of JSON Schema (draft-07) that rules/framework.schema.json uses. */
interface Schema {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  type?: string | string[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  definitions?: Record<string, Schema>;
  if?: Schema;
  then?: Schema;
  else?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
}

export interface SchemaArbitraryOptions {
  /** Strings to draw from: ids that refer to each other, durations, hours, zones, patterns... */
  strings: string[];
  /** Nesting beyond which objects and arrays are generated empty (conditions nest without end). */
  maxDepth: number;
  /** Weight of a valid node against a node replaced by any JSON value (1 in corruption + 1). */
  corruption: number;
  /** Values for properties of these names, instead of what their schema allows (a file `extends` must exist). */
  choices?: Record<string, unknown[]>;
}

/**
 * Documents shaped by a JSON Schema: mostly valid, with some nodes replaced by anything. Strings come
 * from a pool, filtered by each schema's pattern, so ids cross-refer and durations parse. The
 * `if`/`then`/`else` forms the schema uses become alternative shapes, so valid documents are common.
 */
export function schemaArbitrary(root: Schema, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  // A $ref is a JSON pointer into the root: a definition, or a property of one.
  const resolve = (s: Schema): Schema => (s.$ref
    ? resolve(s.$ref.slice(2).split('/').reduce<unknown>((n, key) => (n as Record<string, unknown>)[key], root) as Schema)
    : s);

  const stringOf = (s: Schema, freeWeight: number): fc.Arbitrary<string> => {
    const re = s.pattern ? new RegExp(s.pattern) : undefined;
    const pool = options.strings.filter((x) => x.length >= (s.minLength ?? 0) && (!re || re.test(x)));
    const free = fc.string({ minLength: s.minLength ?? 0, maxLength: 12 });
    if (!pool.length) return free;
    const drawn = fc.constantFrom(...pool);
    return freeWeight === 0 ? drawn : fc.oneof({ weight: 10, arbitrary: drawn }, { weight: freeWeight, arbitrary: free });
  };

  const node = (s: Schema, depth: number): fc.Arbitrary<unknown> => fc.oneof(
    { weight: options.corruption, arbitrary: build(s, depth) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );

  const build = (schema: Schema, depth: number): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    if ('const' in s) return fc.constant(s.const);
    if (s.anyOf) return fc.oneof(...s.anyOf.map((x) => build(x, depth)));
    if (s.enum) return fc.constantFrom(...s.enum);
    const types = Array.isArray(s.type) ? s.type : [s.type ?? (s.properties || s.additionalProperties ? 'object' : 'string')];
    // `if: {type: string}, then: ..., else: ...` (working hours: "24x7" or a mapping of weekdays).
    const byType = (t: string): Schema => (s.if?.type === undefined ? s : { ...(t === s.if.type ? s.then : s.else), type: t });
    return fc.oneof(...types.map((t) => typed(t, byType(t), depth)));
  };

  const typed = (type: string, s: Schema, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string': return 'const' in s ? fc.constant(s.const) : stringOf(s, 2);
      case 'integer': return fc.integer({ min: (s.minimum ?? 0) - 1, max: (s.minimum ?? 0) + 5 });
      case 'number': return fc.oneof(fc.integer({ min: -10, max: 500 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
      case 'boolean': return fc.boolean();
      case 'array': {
        if (depth >= options.maxDepth || !s.items) return fc.constant([]);
        return fc.array(node(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: 3 });
      }
      case 'object': return depth >= options.maxDepth ? fc.constant({}) : objectOf(s, depth);
      default: return fc.constant(null);
    }
  };

  const objectOf = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    // `if: {required: [extends]}`: with the key, `then` says what else is required; without it, `else`.
    const key = s.if?.required?.[0];
    // The root picks a whole definition: a file that extends another, or a whole framework.
    if (key !== undefined && s.then?.$ref && s.else?.$ref) return fc.oneof(build(s.then, depth), build(s.else, depth));
    if (key !== undefined && !s.if!.properties) {
      const { if: _if, then, else: otherwise, ...rest } = s;
      return fc.oneof(
        objectOf({ ...rest, required: [...(rest.required ?? []), key, ...(then?.required ?? [])] }, depth),
        objectOf({ ...rest, properties: omit(rest.properties ?? {}, [key]), required: [...(rest.required ?? []), ...(otherwise?.required ?? [])] }, depth),
      );
    }
    const branches = (s.allOf ?? []).filter((b) => b.if && b.then);
    // `check: X` allows only X's keys (rules): one object shape per value of the discriminator.
    const tagged = branches.filter((b) => b.if!.properties);
    if (tagged.length) {
      return fc.oneof(...tagged.map((b) => {
        const [tag, value] = Object.entries(b.if!.properties!)[0]!;
        const allowed = (b.then!.propertyNames?.enum as string[] | undefined) ?? Object.keys(s.properties ?? {});
        const properties = { ...pick(s.properties ?? {}, allowed), [tag]: value };
        return shapeOf({ ...s, properties, required: [...(s.required ?? []), ...(b.then!.required ?? [])] }, depth);
      }));
    }
    // `all`, `any`, `not` take no other key (conditions): each alone, or the other keys together.
    const alone = branches.map((b) => b.if!.required?.[0]).filter((k): k is string => k !== undefined);
    if (alone.length) {
      return fc.oneof(
        ...alone.map((k) => ({ weight: 1, arbitrary: shapeOf({ properties: pick(s.properties!, [k]), required: [k] }, depth) })),
        { weight: 2 * alone.length, arbitrary: shapeOf({ ...s, properties: omit(s.properties ?? {}, alone) }, depth) },
      );
    }
    return shapeOf(s, depth);
  };

  const shapeOf = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    const fixed = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => {
      const choice = options.choices?.[k];
      return [k, choice ? fc.constantFrom(...choice) : node(v, depth + 1)];
    }));
    const record = fc.record(fixed, { requiredKeys: (s.required ?? []).filter((k) => k in fixed) });
    if (typeof s.additionalProperties !== 'object') return record;
    const keys = stringOf({ minLength: 1, ...s.propertyNames }, 0);
    const extra = fc.dictionary(keys, node(s.additionalProperties, depth + 1), { maxKeys: 3 });
    return fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a }));
  };

  return node(root, 0);
}

function pick(properties: Record<string, Schema>, keys: string[]): Record<string, Schema> {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => keys.includes(k)));
}

function omit(properties: Record<string, Schema>, keys: string[]): Record<string, Schema> {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => !keys.includes(k)));
}
