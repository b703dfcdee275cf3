import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * rules/framework.schema.json, read at run time: it lives outside src/ (editors load it next to the
 * framework files), and the same relative URL works from src/ under vitest and from dist/.
 */
export const FRAMEWORK_SCHEMA_URL = new URL('../../rules/framework.schema.json', import.meta.url);

/** The compiled framework schema and the wording of what each part of it expects. */
export interface FrameworkSchema {
  validate: ValidateFunction;
  /** What a sub-schema (an ajv error's `parentSchema`) expects, in words, when it has a special wording. */
  expectationOf(schema: object): string | undefined;
}

const LIMIT = 'a duration like 30m, or a mapping of priority classes to durations like { p1: 10m, default: 30m }';
const HOURS = '"24x7" or a mapping of weekdays (mon..sun) to lists of "HH:MM-HH:MM" spans';

/** Wordings for sub-schemas whose generic description ("text", "a mapping") would not help. */
const EXPECTATIONS: Record<string, string> = {
  '/definitions/duration': 'a duration like 30m, 4h, 1h30m, 3d',
  '/definitions/limit': LIMIT,
  '/definitions/limit/then': LIMIT,
  '/definitions/limit/else': LIMIT,
  '/definitions/clientCalendar': 'a client calendar: a mapping with when and calendar (and optionally queues)',
  '/definitions/framework/properties/priorities': 'a mapping of priority class ids to lists of priority names, like { p1: [Priority 1 - Emergency Response] }',
  '/definitions/framework/properties/priorities/propertyNames': 'a priority class id: lower-case letters, digits and dashes, starting with a letter (like "p1"); "default" is kept for limits',
  '/definitions/span': 'a time span like "08:00-18:00" (HH:MM-HH:MM)',
  '/definitions/spans': 'a list of time spans like ["08:00-12:00", "13:00-17:00"]',
  '/definitions/holiday': 'a date like "2026-12-24" (YYYY-MM-DD) or "12-25" (MM-DD, every year)',
  '/definitions/hours': HOURS,
  '/definitions/hours/then': HOURS,
  '/definitions/hours/else': HOURS,
  '/definitions/names': 'a list of names',
  '/definitions/queueRefs': 'a queue id or a non-empty list of queue ids',
  '/definitions/queueRefs/items': 'a queue id',
  '/definitions/condition': 'a condition: a mapping like { field: type, in: [Project] }, or with all, any or not',
  '/definitions/conditions': 'a non-empty list of conditions',
  '/definitions/rule': 'a rule: a mapping with id, check, severity, ...',
  '/definitions/route': 'a routing entry: a mapping with queue (and optionally when)',
  '/definitions/queue': 'a queue: a mapping with tier (and optionally purpose, match, calendar)',
  '/definitions/calendar': 'a calendar: a mapping with timezone and hours (and optionally holidays)',
  '/definitions/framework/properties/queues': 'a mapping of queue ids to queues',
  '/definitions/framework/properties/queues/propertyNames': 'a queue id: lower-case letters, digits and dashes, starting with a letter (like "triage")',
  '/definitions/framework/properties/calendars': 'a mapping of calendar ids to calendars',
  '/definitions/framework/properties/routing': 'a list of routing entries',
  '/definitions/framework/properties/rules': 'a list of rules',
  '/definitions/framework/properties/costs/properties/currency': 'a three-letter currency code like "USD"',
  '/definitions/framework/properties/costs/properties/hourly': 'a mapping of tier numbers to hourly costs, like { 1: 55, 2: 110 }',
  '/definitions/framework/properties/costs/properties/hourly/propertyNames': 'a tier number like 1 or 2',
};

let compiled: FrameworkSchema | undefined;

/** The framework schema, compiled on first use (compiling takes longer than validating). */
export function frameworkSchema(): FrameworkSchema {
  compiled ??= compile(JSON.parse(readFileSync(FRAMEWORK_SCHEMA_URL, 'utf8')) as object);
  return compiled;
}

function compile(schema: object): FrameworkSchema {
  // verbose: errors carry the failing sub-schema and value, from which messages are worded.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  const wording = new Map<object, string>();
  for (const [pointer, text] of Object.entries(EXPECTATIONS)) {
    const target = resolvePointer(schema, pointer);
    if (!target) throw new Error(`framework schema has nothing at ${pointer}`);
    wording.set(target, text);
  }
  return { validate, expectationOf: (s) => wording.get(s) };
}

function resolvePointer(root: object, pointer: string): object | undefined {
  let node: unknown = root;
  for (const segment of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node !== null && typeof node === 'object' ? node : undefined;
}
