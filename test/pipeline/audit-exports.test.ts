import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadFramework } from '../../src/pipeline/framework.js';
import { loadExports } from '../../src/ingest/load.js';
import { parseMapping } from '../../src/ingest/mapping.js';
import { auditExports } from '../../src/pipeline/audit-exports.js';
import { formatJson } from '../../src/report/json.js';
import { cli, EXAMPLE } from '../support/cli.js';

describe('auditExports: the report the CLI would write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-library-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const same = async (args: string[], options: Parameters<typeof auditExports>[1]) => {
    const r = await cli('audit', ...EXAMPLE, '-f', 'json', '--fail-on', 'never', ...args);
    expect(r.code, r.stderr).toBe(0);
    expect(formatJson(await auditExports(EXAMPLE, options))).toBe(r.stdout);
  };

  it('defaults: the built-in framework, as of the latest instant in the exports', () => same([], {}));

  it('a framework by path or loaded, an as-of instant, a per-assignee table', async () => {
    await same(['--framework', 'rules/templates/tiered.yaml', '--as-of', '2026-10-20T12:00:00Z', '--by', 'assignee'],
      { framework: 'rules/templates/tiered.yaml', asOf: Date.parse('2026-10-20T12:00:00Z'), byAssignee: true });
    await same(['--framework', 'rules/templates/tiered.yaml'], { framework: await loadFramework('rules/templates/tiered.yaml') });
    await same(['--as-of', '2026-10-20T12:00:00Z'], { asOf: new Date('2026-10-20T12:00:00Z') });
  });

  it('filters (queues by board name), redaction', () => same(
    ['--since', '2026-10-05', '--until', '2026-10-20', '--queue', 'Help Desk', '--min-severity', 'warn', '--redact', 'assignee,summary'],
    // --until a date includes that day: the library takes the exclusive instant.
    { filters: { since: Date.parse('2026-10-05T00:00:00Z'), until: Date.parse('2026-10-21T00:00:00Z'), queues: ['Help Desk'], minSeverity: 'warn' },
      redact: ['assignee', 'summary'] },
  ));

  it('a baseline by path: new, persisting, resolved and the trend; no file there yet is a first audit', async () => {
    const before = join(dir, 'before.json');
    writeFileSync(before, formatJson(await auditExports(EXAMPLE, { asOf: Date.parse('2026-10-15T00:00:00Z') })));
    await same(['--baseline', before], { baseline: before });
    const first = await auditExports(EXAMPLE, { baseline: join(dir, 'none-yet.json') });
    expect(first.findings.every((f) => f.status === 'new')).toBe(true);
    expect(first.notes.at(-1)).toBe(`no baseline report at ${join(dir, 'none-yet.json')} yet: a first audit, every finding is new`);
  });

  it('a mapping by path or parsed', async () => {
    const text = 'preset: connectwise\ncolumns:\n  id: "Ticket #"\n';
    const file = join(dir, 'mapping.yaml');
    writeFileSync(file, text);
    await same(['--mapping', file], { mapping: file });
    await same(['--mapping', file], { mapping: parseMapping(text, file) });
  });

  it('bad input is an InputError, never a partial report', async () => {
    await expect(auditExports(['fixtures/example/nope.csv'])).rejects.toBeInstanceOf(InputError);
    await expect(auditExports(EXAMPLE, { filters: { since: 2, until: 1 } })).rejects.toThrow('--since is not before --until');
    await expect(auditExports(EXAMPLE, { filters: { queues: ['Hlep Desk'] } })).rejects.toThrow('--queue "Hlep Desk": no such queue');
  });
});

describe('loadExports without options', () => {
  it('reads timestamps without an offset as UTC', async () => {
    const utc = await loadExports(EXAMPLE);
    const explicit = await loadExports(EXAMPLE, { timezone: 'UTC' });
    expect(utc.tickets.map((t) => t.created)).toEqual(explicit.tickets.map((t) => t.created));
    expect(utc.tickets).toHaveLength(238);
  });
});

describe('auditExports: the title as the CLI checks it', () => {
  it.each([['an escape sequence', 'Acme\u001b[31mRED'], ['a line break', 'Acme\nCorp'], ['a bidi override', 'Acme\u202Eproc']])('%s is an input error', async (_name, title) => {
    await expect(auditExports(['fixtures/example/tickets.csv'], { title })).rejects.toThrow(/^title: expected/);
  });
});
