import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/audit/checks/index.js';
import { FRAMEWORK_SCHEMA_URL } from '../../src/framework/framework-schema.js';
import { RULE_BASE_KEYS } from '../../src/framework/rule-kind.js';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(FRAMEWORK_SCHEMA_URL, 'utf8')) as Schema;
const definitions = schema['definitions'] as Record<string, Schema>;

const resolve = (s: Schema): Schema => {
  const ref = s['$ref'];
  return typeof ref === 'string' ? resolve(definitions[ref.replace('#/definitions/', '')] ?? {}) : s;
};

/** Every sub-schema with its JSON pointer, skipping `if` (a test, not a shape). */
function* walk(node: unknown, pointer = ''): Generator<[string, Schema]> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  yield [pointer, node as Schema];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'if' || key === 'enum' || key === 'required' || key === 'const') continue;
    yield* walk(child, `${pointer}/${key}`);
  }
}

describe('rules/framework.schema.json', () => {
  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('closes every mapping: additionalProperties is false, or a schema for the values of a map keyed by ids', () => {
    const open = [...walk(schema)]
      .filter(([, s]) => s['type'] === 'object' || (Array.isArray(s['type']) && s['type'].includes('object')))
      .filter(([, s]) => s['additionalProperties'] === undefined && (s['else'] as Schema | undefined)?.['additionalProperties'] === undefined)
      // The root only picks a definition: a whole framework, or a file that extends another.
      .filter(([pointer]) => pointer !== '')
      .map(([pointer]) => pointer);
    expect(open).toEqual([]);
  });

  it('describes every property (directly or in the definition it refers to)', () => {
    const bare: string[] = [];
    for (const [pointer, s] of walk(schema)) {
      const properties = s['properties'] as Record<string, Schema> | undefined;
      // `if` tests and `then` restrictions re-mention properties without shaping them.
      if (!properties || /\/then$/.test(pointer)) continue;
      for (const [key, property] of Object.entries(properties)) {
        if (typeof property['description'] !== 'string' && typeof resolve(property)['description'] !== 'string') bare.push(`${pointer}/properties/${key}`);
      }
    }
    expect(bare).toEqual([]);
  });

  // The branches are generated from the registry (test/derived/): here, that what they say is what each check declares.
  it.each(Object.values(checks).map((c) => [c.id, c] as const))('check %s allows exactly its keys and requires its own', (id, check) => {
    const options = Object.entries(check.options as Record<string, { required?: boolean }>);
    const rule = definitions['rule']!;
    const branch = (rule['allOf'] as Schema[]).find((b) =>
      ((b['if'] as Schema)['properties'] as Record<string, Schema>)['check']?.['const'] === id);
    const then = branch?.['then'] as Schema;
    expect((then['propertyNames'] as Schema)['enum']).toEqual([...RULE_BASE_KEYS, ...options.map(([key]) => key)]);
    expect(then['required'] ?? []).toEqual(options.filter(([, o]) => o.required).map(([key]) => key));
    expect(Object.keys(rule['properties'] as object)).toEqual(expect.arrayContaining(options.map(([key]) => key)));
  });

  it.each<[string, unknown]>([
    ['/definitions/rule/properties/check/enum', Object.keys(checks)],
    ['/definitions/rule/properties/severity/enum', ['error', 'warn', 'info']],
    ['/definitions/rule/properties/clock/enum', ['business', 'wall']],
    ['/definitions/hours/else/properties', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
    ['/definitions/framework/properties/queues/propertyNames/pattern', '^[a-z][a-z0-9-]*$'],
    ['/definitions/duration/pattern', '^\\s*(\\d+(\\.\\d+)?\\s*[dhm]\\s*)+$'],
  ])('%s', (pointer, expected) => {
    const value = pointer.split('/').slice(1).reduce<unknown>((node, key) => (node as Schema)[key], schema);
    expect(pointer.endsWith('/properties') ? Object.keys(value as object) : value).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ['duration', '30m', true], ['duration', '1h30m', true], ['duration', '1h 30m', true], ['duration', '1.5h', true],
    ['duration', '3d', true], ['duration', '30 minutes', false], ['duration', '30', false], ['duration', '', false],
    ['span', '08:00-18:00', true], ['span', '13:00 - 24:00', true], ['span', '8:00-18:00', false], ['span', '08:00-18:60', false],
    ['holiday', '2026-05-25', true], ['holiday', '12-25', true], ['holiday', '2026-13-01', false], ['holiday', '12/25', false],
  ])('%s pattern on %j: %s', (definition, text, matches) => {
    expect(new RegExp(definitions[definition]!['pattern'] as string).test(text)).toBe(matches);
  });

  it('is the schema rules/default.yaml points editors at', () => {
    const firstLine = readFileSync(new URL('../../rules/default.yaml', import.meta.url), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./framework.schema.json');
  });
});
