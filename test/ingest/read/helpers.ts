import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readCsv, type CsvReadOptions } from '../../../src/ingest/read/csv.js';

/** Path of a checked-in fixture under fixtures/csv/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/csv/${name}`, import.meta.url));
}

/** A temp directory for byte-exact fixtures, removed after the file's tests. */
export function byteFixtures(): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), 'escalation-audit-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

/** Everything a CSV read reports, collected. */
export async function readAllCsv(path: string, options: Omit<CsvReadOptions, 'onRow'> = {}) {
  const rows: { cells: string[]; line: number }[] = [];
  let headerCalls = 0;
  const result = await readCsv(path, {
    ...options,
    onHeader: () => void headerCalls++,
    onRow: (cells, line) => void rows.push({ cells, line }),
  });
  return { ...result, rows, rowCount: result.rows, headerCalls };
}

/** The InputError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  const outcome = await promise.then(
    () => new Error('expected an InputError, but the read succeeded'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof InputError)) throw outcome;
  return outcome;
}
