import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isInputError } from '../../src/errors.js';
import { loadFramework } from '../../src/pipeline/framework.js';
import { FRAMEWORK_SCHEMA_URL } from '../../src/framework/framework-schema.js';

// What an editor does with a single file: rules/framework.schema.json on that file alone, base unknown.
const schema = JSON.parse(readFileSync(FRAMEWORK_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
const editorErrors = (text: string) => (validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
const loads = (file: string) => loadFramework(file).then(() => true, (e: unknown) => {
  if (isInputError(e)) return false;
  throw e;
});

const dir = 'fixtures/frameworks/extends';

describe('rules/framework.schema.json on a file that extends another', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ea-extends-schema-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(tmp, name), text);
    return join(tmp, name);
  };
  writeFileSync(join(tmp, 'base.yaml'), readFileSync('rules/default.yaml'));

  it.each(['client.yaml', 'on-builtin.yaml'])('accepts the valid fixture %s (overrides without check, severity, tier, timezone)', async (name) => {
    expect(await loads(`${dir}/${name}`)).toBe(true);
    expect(editorErrors(readFileSync(`${dir}/${name}`, 'utf8'))).toEqual([]);
  });

  it.each<[string, string]>([
    ['a rule override with one key', 'rules:\n  - { id: triage-time-limit, after: 45m }\n'],
    ['an inherited rule turned off', 'rules:\n  - { id: ping-pong, enabled: false }\n'],
    ['a rule whose key is removed', 'rules:\n  - { id: triage-time-limit, description: ~ }\n'],
    ['a queue override with match only', 'queues:\n  triage: { match: [Acme Help Desk] }\n'],
    ['a queue removed', 'queues:\n  noc: ~\nroutes: []\n'.replace('routes: []\n', 'routing:\n  - queue: triage\nrules:\n  - { id: onsite-needs-support, from: triage }\n  - { id: onsite-done-back-to-noc, enabled: false }\n')],
    ['a calendar override with hours only', 'calendars:\n  office: { hours: { mon: ["09:00-17:00"] } }\n'],
    ['costs removed', 'costs: ~\n'],
    ['a purpose removed', 'queues:\n  triage: { purpose: ~ }\n'],
    ['holidays replaced', 'calendars:\n  office: { holidays: ["12-24"] }\n'],
    ['a new rule, whole', 'rules:\n  - { id: very-old, check: stalled, severity: info, maxAge: 90d }\n'],
    ['a rule replaced by one of another check', 'rules:\n  - { id: aged-open, check: ping-pong, severity: info, maxQueueChanges: 6 }\n'],
  ])('accepts what the loader accepts: %s', async (_name, body) => {
    const text = `version: 1\nname: Client\nextends: base.yaml\n${body}`;
    const file = write('client.yaml', text);
    expect(await loads(file)).toBe(true);
    expect(editorErrors(text)).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['a misspelt key in a queue override', 'queues:\n  support: { purpse: Depth. }\n', /must NOT have additional properties/],
    ['a misspelt key in a rule override', 'rules:\n  - { id: triage-time-limit, afer: 45m }\n', /must NOT have additional properties/],
    ['a tier of 0', 'queues:\n  triage: { tier: 0 }\n', /must be >= 1/],
    ['a tier removed', 'queues:\n  triage: { tier: ~ }\n', /must be integer/],
    ['a malformed duration', 'rules:\n  - { id: triage-time-limit, after: half an hour }\n', /must match pattern/],
    ['a key that does not apply to the check named', 'rules:\n  - { id: aged-open, check: stalled, after: 1h }\n', /must be equal to one of the allowed values/],
    ['a rule override without an id', 'rules:\n  - { after: 45m }\n', /must have required property 'id'/],
    ['an unknown top-level key', 'queue:\n  triage: { match: [x] }\n', /must NOT have additional properties/],
    ['rules removed', 'rules: ~\n', /must be array/],
    ['an unknown severity', 'rules:\n  - { id: ping-pong, severity: critical }\n', /must be equal to one of the allowed values/],
  ])('rejects, as the loader does: %s', async (_name, body, editor) => {
    const text = `version: 1\nname: Client\nextends: base.yaml\n${body}`;
    expect(await loads(write('client.yaml', text))).toBe(false);
    expect(editorErrors(text).join('\n')).toMatch(editor);
  });

  it.each([['version', 'name: Client\nextends: base.yaml\n'], ['name', 'version: 1\nextends: base.yaml\n']])('rejects a file without its own %s', async (key, text) => {
    expect(await loads(write('client.yaml', text))).toBe(false);
    expect(editorErrors(text)).toContain(` must have required property '${key}'`);
  });

  it('the fixtures the loader refuses for a mistake of their own are flagged too', () => {
    expect(editorErrors(readFileSync(`${dir}/broken-override.yaml`, 'utf8')).join('\n')).toMatch(/must NOT have additional properties/);
    expect(editorErrors(readFileSync(`${dir}/clients/globex.yaml`, 'utf8')).join('\n')).toMatch(/must be >= 1/);
  });

  it('a whole framework (no extends) is checked as strictly as ever', () => {
    expect(editorErrors(readFileSync('rules/default.yaml', 'utf8'))).toEqual([]);
    expect(editorErrors('version: 1\nname: x\nqueues:\n  triage: { match: [x] }\nrules: []\n').join('\n')).toMatch(/must have required property 'tier'/);
    expect(editorErrors('version: 1\nname: x\nqueues: {}\nrules:\n  - { id: a, after: 1h }\n').join('\n')).toMatch(/must have required property 'check'/);
  });

  it('property: every override of the default framework that the loader accepts, the schema accepts alone', async () => {
    const base = parse(readFileSync('rules/default.yaml', 'utf8')) as { queues: Record<string, unknown>; rules: { id: string; check: string }[] };
    const orNull = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
    // Board names of the queue's own: a name two queues claim is a mistake the loader reports.
    const names = (id: string) => fc.subarray([`${id} board`, `Acme ${id}`, `/^acme-${id}\\b/i`], { minLength: 1 });
    const duration = fc.constantFrom('10m', '45m', '2h', '1d', '1h30m');
    const queue = (id: string) => fc.record({ tier: fc.constantFrom(1, 2), purpose: orNull(fc.constantFrom('Front line.', 'Depth.')), match: orNull(names(id)),
      calendar: orNull(fc.constantFrom('office', 'around-the-clock')) }, { requiredKeys: [] });
    const calendar = fc.record({ timezone: fc.constantFrom('America/Chicago', 'Europe/London'), hours: fc.constantFrom('24x7', { mon: ['09:00-17:00'] }),
      holidays: fc.constant(['12-24', '2026-12-31']) }, { requiredKeys: [] });
    const rule = (id: string, check: string) => fc.record({
      id: fc.constant(id), enabled: fc.boolean(), severity: fc.constantFrom('error', 'warn', 'info'), description: orNull(fc.constant('Changed.')),
      ...(check === 'under-escalated' ? { after: duration } : check === 'stalled' ? { idle: duration } : check === 'ping-pong' ? { maxQueueChanges: fc.constantFrom(2, 5) } : {}),
    }, { requiredKeys: ['id'] });
    const subset = <T>(entries: [string, fc.Arbitrary<T>][]) => fc.subarray(entries).chain((picked) =>
      fc.tuple(...picked.map(([k, a]) => a.map((v) => [k, v] as const))).map((pairs) => Object.fromEntries(pairs)));
    const overrides = fc.record({
      version: fc.constant(1), name: fc.constant('Client'), extends: fc.constant('base.yaml'),
      queues: subset(Object.keys(base.queues).map((id) => [id, queue(id)] as [string, fc.Arbitrary<unknown>])),
      calendars: subset([['office', calendar], ['around-the-clock', calendar]] as [string, fc.Arbitrary<unknown>][]),
      rules: fc.subarray(base.rules).chain((rs) => fc.tuple(...rs.map((r) => rule(r.id, r.check)))),
      costs: orNull(fc.constantFrom({ currency: 'EUR' }, { hourly: { 1: 60, 2: 120 } })),
      // The base's rules name its paused statuses: only the closed ones are replaced.
      statuses: fc.constant({ closed: ['Closed', 'Done'] }),
    }, { requiredKeys: ['version', 'name', 'extends'] });
    let accepted = 0;
    let refused = 0;
    await fc.assert(fc.asyncProperty(overrides, async (doc) => {
      const text = stringify(doc);
      if (!(await loads(write('generated.yaml', text)))) {
        refused++;
        return;
      }
      accepted++;
      expect(editorErrors(text), text).toEqual([]);
    }), { numRuns: 150, interruptAfterTimeLimit: 5_000 });
    // The property must have seen overrides the loader takes (most of them) and, now and then, one it refuses.
    expect(accepted).toBeGreaterThan(refused);
  });
});
