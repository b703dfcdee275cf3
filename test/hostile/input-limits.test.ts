import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_BASELINE_BYTES } from '../../src/prepare/baseline.js';
import type { InputError } from '../../src/errors.js';
import { MAX_LOOKUP_BYTES } from '../../src/ingest/lookups.js';
import { collect, MAX_EXPORT_BYTES } from '../../src/ingest/read/source.js';
import { MAX_JSON_DEPTH } from '../../src/text/json-depth.js';
import { CLEAN, cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ea-limits-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** A sparse file: `size` bytes long on paper, nothing on disk; refused by its size before a byte is read. */
const sparse = (name: string, size: number) => {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
};
const crash = /Maximum call stack|internal error|Invalid string length|^\s+at /m;
const deepArray = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;

describe('12. JSON nested too deep: a clear error naming the file, never a stack overflow', () => {
  it.each([
    ['a JSON export (array of records)', 'deep.json', `[{"id": "1", "x": ${deepArray(5000)}}]`, /deep\.json:1:\d+ {2}nested more than 100 levels deep \(the limit for a JSON export\)/],
    ['a JSON export (objects)', 'deep-objects.json', `[{"id": "1", "x": ${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}}]`, /deep-objects\.json:1:\d+ {2}nested more than 100 levels/],
    ['an NDJSON export', 'deep.ndjson', `{"id": "1", "x": ${deepArray(5000)}}\n`, /deep\.ndjson:1:\d+ {2}nested more than 100 levels deep \(the limit for a JSON record\)/],
    ['a JSON export that is also cut short', 'deep-bad.json', `[{"id": "1", "x": ${deepArray(5000).slice(0, -1)}}]`, /deep-bad\.json:1:\d+ {2}nested more than 100 levels/],
  ])('%s', async (_name, name, text, message) => {
    const r = await cli('audit', file(name, text));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(crash);
  });

  it('a baseline nested too deep', async () => {
    const path = file('deep-baseline.json', `{"schemaVersion": "1.0", "findings": [{"evidence": ${deepArray(5000)}}]}`);
    const r = await cli('audit', ...CLEAN, '--baseline', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`deep-baseline\\.json:1:\\d+ {2}nested more than ${MAX_JSON_DEPTH} levels deep \\(the limit for a baseline report\\)`));
    expect(r.stderr).not.toMatch(crash);
  });

  it('a lookup table nested too deep', async () => {
    file('deep-lookup.json', `{"1": ${deepArray(5000)}}`);
    const mapping = file('deep-lookup-mapping.yaml', 'preset: connectwise\nlookups:\n  queue: deep-lookup.json\n');
    const r = await cli('audit', ...CLEAN, '--mapping', mapping);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep-lookup\.json:1:\d+ {2}nested more than 100 levels/);
  });

  it('JSON nested within the limit is read', async () => {
    const text = `[{"Ticket #": "1", "Board": "Help Desk", "Status": "New", "Date Entered": "2026-10-05T09:00:00Z", "x": ${deepArray(MAX_JSON_DEPTH - 3)}}]`;
    const r = await cli('audit', file('deep-ok.json', text), '--preset', 'connectwise', '--fail-on', 'never');
    expect(r.stderr).not.toMatch(/nested/);
    expect(r.code).toBe(0);
  });
});

describe('13. size limits: exports, lookups, baseline', () => {
  it('/dev/zero as an export: a clear error at once, not 7 GB read', async () => {
    const started = Date.now();
    const r = await cli('audit', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero  not a text export');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a text stream past the in-memory limit is refused there (stdin, a pipe, a device)', async () => {
    const endless = Readable.from((function* () { for (;;) yield Buffer.from('Ticket #,Board\n'.repeat(4096)); })());
    const error = await collect(endless, 'stdin', 1024 * 1024).then(() => { throw new Error('read'); }, (e: unknown) => e as InputError);
    expect(error.format()).toBe('stdin  export is too large: more than 1 MB (the limit is 1 MB for stdin, a pipe or a device)\n'
      + '  hint: pass the export as a file, or check that this is the right input');
  });

  it(`an export file over ${MAX_EXPORT_BYTES / 2 ** 30} GB is refused by its size`, async () => {
    const r = await cli('audit', sparse('huge.csv', MAX_EXPORT_BYTES + 1));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.csv {2}export is too large: 4\.0 GB \(the limit is 4 GB\)/);
  });

  it('a JSON document over 256 MB is refused before it is read whole', async () => {
    const path = sparse('huge.json', 257 * 1024 * 1024);
    const fd = openSync(path, 'r+');
    writeSync(fd, `[${' '.repeat(100_000)}`, 0);
    closeSync(fd);
    const r = await cli('audit', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.json {2}JSON export is too large to read whole: 257 MB \(the limit is 256 MB\)/);
  });

  it('an NDJSON line that never ends is refused at 10 MB', async () => {
    const r = await cli('audit', file('endless.ndjson', `{"id": "${'x'.repeat(11 * 1024 * 1024)}`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/endless\.ndjson:1 {2}line 1 is longer than 10 MB/);
  });

  it('a JSON record over 10 MB is refused', async () => {
    const r = await cli('audit', file('big-record.json', `[{"id": "1", "Summary": "${'x'.repeat(11 * 1024 * 1024)}"}, {"id": "2"}]`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big-record\.json:1:2 {2}record 1 is larger than 10 MB/);
  });

  it(`a lookup table over ${MAX_LOOKUP_BYTES / 2 ** 20} MB is refused`, async () => {
    sparse('huge-lookup.csv', MAX_LOOKUP_BYTES + 1);
    const mapping = file('huge-lookup-mapping.yaml', 'preset: connectwise\nlookups:\n  queue: huge-lookup.csv\n');
    const r = await cli('audit', ...CLEAN, '--mapping', mapping);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge-lookup\.csv {2}lookup table is too large: 64 MB \(the limit is 64 MB\)/);
  });

  it(`a baseline over ${MAX_BASELINE_BYTES / 2 ** 20} MB, or /dev/zero, is refused`, async () => {
    const big = await cli('audit', ...CLEAN, '--baseline', sparse('huge-baseline.json', MAX_BASELINE_BYTES + 1));
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/the baseline report is too large: 256 MB or more \(the limit is 256 MB\)/);
    const zero = await cli('audit', ...CLEAN, '--baseline', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('/dev/zero  the baseline report is too large');
  });
});
