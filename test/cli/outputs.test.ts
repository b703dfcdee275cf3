import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullListOf, fullRowsOf, planOutputs, type OutputTarget, type Tagged } from '../../src/cli/outputs.js';
import { InputError } from '../../src/errors.js';
import type { FormatId } from '../../src/report/formatters.js';
import { CLEAN, cli, EXAMPLE } from '../support/cli.js';

/** A command line as ['-f', 'html', '-o', 'a.html', ...] -> the tagged flag values commander hands over. */
function flags(...argv: string[]): [Tagged<FormatId>[], Tagged<string>[]] {
  const formats: Tagged<FormatId>[] = [];
  const outputs: Tagged<string>[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '-f') formats.push({ value: argv[i + 1] as FormatId, seq: i });
    else outputs.push({ value: argv[i + 1]!, seq: i });
  }
  return [formats, outputs];
}

const to = (format: FormatId, file?: string): OutputTarget => ({ format, file });

describe('planOutputs', () => {
  it.each<[string, string[], OutputTarget[]]>([
    ['nothing: the table on stdout', [], [to('table')]],
    ['one format on stdout', ['-f', 'json'], [to('json')]],
    ['one output: the table to a file', ['-o', 'r.txt'], [to('table', 'r.txt')]],
    ['a pair, either order', ['-o', 'r.json', '-f', 'json'], [to('json', 'r.json')]],
    ['pairs in order', ['-f', 'html', '-o', 'r.html', '-f', 'csv', '-o', 'f.csv'], [to('html', 'r.html'), to('csv', 'f.csv')]],
    ['one format left for stdout, first', ['-f', 'table', '-f', 'json', '-o', 'r.json'], [to('table'), to('json', 'r.json')]],
    ['one format left for stdout, in between', ['-f', 'csv', '-o', 'f.csv', '-f', 'table', '-f', 'json', '-o', 'r.json'],
      [to('csv', 'f.csv'), to('table'), to('json', 'r.json')]],
    ['one format left for stdout, last', ['-f', 'json', '-o', 'r.json', '-f', 'table'], [to('json', 'r.json'), to('table')]],
  ])('%s', (_name, argv, expected) => {
    expect(planOutputs(...flags(...argv))).toEqual(expected);
  });

  it.each<[string, string[], RegExp]>([
    ['two formats for stdout', ['-f', 'table', '-f', 'json'], /2 --format and 0 --output do not pair up/],
    ['more outputs than formats', ['-f', 'json', '-o', 'a.json', '-o', 'b.json'], /1 --format and 2 --output/],
    ['an output before any format, with one format over', ['-o', 'a.json', '-f', 'json', '-f', 'csv'], /--output a\.json does not follow a --format of its own/],
    ['two outputs after one format', ['-f', 'json', '-o', 'a.json', '-o', 'b.json', '-f', 'csv', '-f', 'table'], /--output b\.json does not follow/],
    ['the same file twice', ['-f', 'json', '-o', 'a', '-f', 'csv', '-o', 'a'], /--output a is given twice/],
  ])('%s: a usage error', (_name, argv, message) => {
    expect(() => planOutputs(...flags(...argv))).toThrow(InputError);
    expect(() => planOutputs(...flags(...argv))).toThrow(message);
  });
});

describe('several formats at once (end to end)', () => {
  it('writes each file and prints the one format without --output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-out-'));
    const r = await cli('audit', ...EXAMPLE, '-f', 'json', '-o', join(dir, 'r.json'), '-f', 'table', '-f', 'csv', '-o', join(dir, 'f.csv'), '--fail-on', 'never');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('MSP three-board (default)');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const csvRows = readFileSync(join(dir, 'f.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csvRows[0]).toMatch(/^id,ticket,summary,/);
    expect(csvRows).toHaveLength(report.findings.length + 1);
    expect(readdirSync(dir).sort()).toEqual(['f.csv', 'r.json']);
  });

  it('the same report in every file: the JSON and CSV list the same findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-out-'));
    await cli('audit', ...EXAMPLE, '-f', 'csv', '-o', join(dir, 'f.csv'), '-f', 'json', '-o', join(dir, 'r.json'), '--fail-on', 'never');
    const ids = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).findings.map((f: { id: string }) => f.id);
    const csvIds = readFileSync(join(dir, 'f.csv'), 'utf8').trimEnd().split('\r\n').slice(1).map((l) => JSON.parse(l.split(',')[0]!));
    expect(csvIds).toEqual(ids);
  });

  it('a failure writes none: an unwritable second file leaves the first untouched, no temporary files, no stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-out-'));
    writeFileSync(join(dir, 'r.json'), 'previous report');
    const r = await cli('audit', ...EXAMPLE, '-f', 'json', '-o', join(dir, 'r.json'), '-f', 'csv', '-o', join(dir, 'no-such-folder', 'f.csv'),
      '-f', 'table', '--fail-on', 'never');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'no-such-folder', 'f.csv')}  cannot write the report: the folder does not exist`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('previous report');
    expect(readdirSync(dir).sort()).toEqual(['r.json']);
  });

  it('mismatched --format/--output is a usage error before any work, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-out-'));
    const r = await cli('audit', ...CLEAN, '-f', 'json', '-f', 'csv', '-o', join(dir, 'a'), '-o', join(dir, 'b'), '-o', join(dir, 'c'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 --format and 3 --output do not pair up');
    expect(r.stderr).toContain('-f html -o report.html -f csv -o findings.csv');
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it('an unknown format is a usage error listing the formats', async () => {
    const r = await cli('audit', ...CLEAN, '-f', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are table, json/);
  });
});

describe('CSV and NDJSON carry findings only: what was not judged goes to stderr', () => {
  const TICKET_LIST = 'fixtures/example/tickets.csv';

  it.each(['csv', 'ndjson'])('%s of a ticket list: one stderr note per rule left unjudged, and the output unchanged', async (format) => {
    const r = await cli('audit', TICKET_LIST, '-f', format, '--fail-on', 'never');
    expect(r.code).toBe(0);
    const notes = r.stderr.trimEnd().split('\n');
    expect(notes.every((l) => l.startsWith('escalation-audit: note: '))).toBe(true);
    expect(notes).toContainEqual(expect.stringMatching(/^escalation-audit: note: rule skipped-front-line: not judged on 238 of 238 tickets: ticket list without history/));
    const json = JSON.parse((await cli('audit', TICKET_LIST, '-f', 'json', '--fail-on', 'never')).stdout);
    expect(notes).toHaveLength(json.notes.length);
    const lines = r.stdout.trimEnd().split(format === 'csv' ? '\r\n' : '\n');
    expect(lines).toHaveLength(json.findings.length + (format === 'csv' ? 1 : 0));
  });

  it('no note when a table on stdout already says it, nor when everything was judged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-notes-'));
    const withTable = await cli('audit', TICKET_LIST, '-f', 'csv', '-o', join(dir, 'f.csv'), '-f', 'table', '--fail-on', 'never');
    expect(withTable.stderr).toBe('');
    expect(withTable.stdout).toContain('rule skipped-front-line: not judged on 238 of 238 tickets');
    const full = await cli('audit', ...EXAMPLE, '-f', 'csv', '--fail-on', 'never');
    expect(full).toMatchObject({ code: 0, stderr: '' });
  });

  it('--quiet with nothing to report prints no note either', async () => {
    const r = await cli('audit', TICKET_LIST, '-f', 'csv', '--fail-on', 'error', '--quiet', '--category', 'ping-pong');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('where the full lists are', () => {
  const t = (format: FormatId, file?: string): OutputTarget => ({ format, file } as OutputTarget);
  it.each([
    [[t('csv', '/a/f.csv'), t('html', '/a/r.html')], 'in the CSV file f.csv', undefined],
    [[t('csv', '/a/f.csv'), t('json', '/a/r.json')], 'in the CSV file f.csv', 'in the JSON report r.json'],
    [[t('ndjson', '/a/f.ndjson'), t('xlsx', '/a/w.xlsx'), t('json', '/a/r.json')], 'in the workbook w.xlsx', 'in the workbook w.xlsx'],
    [[t('json'), t('table')], undefined, undefined],
  ])('%j: findings %s, queue and assignee rows %s', (targets, findings, rows) => {
    expect(fullListOf(targets)).toBe(findings);
    expect(fullRowsOf(targets)).toBe(rows);
  });
});
