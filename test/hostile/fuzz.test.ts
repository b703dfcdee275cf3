import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { audit } from '../../src/audit/audit.js';
import { buildReport, latestInstant } from '../../src/prepare/report.js';
import { isInputError } from '../../src/errors.js';
import { loadFramework } from '../../src/pipeline/framework.js';
import { loadExports } from '../../src/ingest/load.js';
import type { Ticket } from '../../src/model/ticket.js';
import { formatters } from '../../src/report/formatters.js';
import { isPlausibleInstant } from '../../src/time/plausible.js';
import { cli, EXAMPLE } from '../support/cli.js';
import { dataFile, describeWith, realData } from '../support/requires.js';
import { applyMutations, mutationArbitrary } from './byte-mutations.js';
import { schemaArbitrary } from './schema-arbitrary.js';

// Bounded so the whole file stays well under 20 s on a loaded 2-core machine: each property stops at
// numRuns or at its time budget, whichever comes first, and each run has its own timeout (a hang fails).
const budget = (ms: number, numRuns: number) => ({ numRuns, interruptAfterTimeLimit: ms, timeout: 5_000 });

const work = mkdtempSync(join(tmpdir(), 'ea-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first `lines` lines of a file (at most 128 KiB), read in place: the 39 MB exports are never read whole. */
function head(file: string, lines: number): Buffer {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(128 * 1024);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let end = 0;
  for (let i = 0; i < lines; i++) {
    const next = buf.indexOf(10, end);
    if (next === -1 || next >= n) return buf.subarray(0, n);
    end = next + 1;
  }
  return buf.subarray(0, end);
}

interface Seed { file: string; bytes: Buffer }
const REAL = ['jira-cloud-export.csv', 'servicenow-incident-events.csv', 'vinst-incidents.csv', 'freshdesk-activities.json'];
// Read when a group runs, not when the file loads: a clone without the data folder still runs the example's groups.
const seedsOf = (files: string[]): Seed[] => files.map((file) => ({ file, bytes: head(file, 200) }));
const exampleSeeds = () => seedsOf(EXAMPLE);
const realSeeds = () => seedsOf(REAL.map(dataFile));

/** Passes when `run` returns or throws a typed input error; anything else is rethrown and fails the property. */
async function expectReturnOrInputError(run: () => Promise<unknown>): Promise<'ok' | 'input-error'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (isInputError(e)) return 'input-error';
    throw e;
  }
}

async function importBytes(bytes: Uint8Array, name: string): Promise<'ok' | 'input-error'> {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return expectReturnOrInputError(() => loadExports([file], { timezone: 'America/New_York' }));
}

async function loadFrameworkText(text: string): Promise<'ok' | 'input-error'> {
  const file = join(work, 'framework.yaml');
  writeFileSync(file, text);
  return expectReturnOrInputError(() => loadFramework(file));
}

/** The importer's properties, from seeds: the bundled example always, the real exports when they are there. */
function importerProperties(seeds: () => Seed[]): void {
  it('every seed is read in place and is not empty', () => {
    for (const seed of seeds()) expect(seed.bytes.length, seed.file).toBeGreaterThan(100);
  });

  it('random bytes, alone or after the header of a seed', async () => {
    const headers = seeds().map((s) => s.bytes.subarray(0, s.bytes.indexOf(10) + 1));
    await fc.assert(fc.asyncProperty(fc.constantFrom(new Uint8Array(), ...headers), fc.uint8Array({ maxLength: 2048 }), async (prefix, junk) => {
      await importBytes(Buffer.concat([prefix, junk]), 'random.csv');
    }), budget(1_000, 150));
  });

  it('mutations of the seeds: byte flips, truncations, inserted tokens, duplicated, deleted and swapped lines', async () => {
    const outcomes = new Set<string>();
    await fc.assert(fc.asyncProperty(fc.constantFrom(...seeds()), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }), async (seed, mutations) => {
      outcomes.add(await importBytes(applyMutations(seed.bytes, mutations), `mutated-${seed.file.split('/').pop()}`));
    }), budget(3_000, 300));
    // Not every mutant may be refused: the property must have reached the importer's happy path too.
    expect(outcomes).toContain('ok');
  });
}

/** What the importer accepts of mutated seeds, the audit and every format handle. */
function acceptedProperties(acceptedSeeds: () => Seed[]): void {
  const instants = (t: Ticket) => [t.created, t.updated ?? t.created, t.closed ?? t.created, ...t.events().map((e) => e.at)];

  it('mutations of exports that still import: audit, report and all formats run without throwing', async () => {
    const framework = await loadFramework();
    const seeds = acceptedSeeds();
    let audited = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (seed, mutations) => {
      const file = join(work, 'accepted.csv');
      writeFileSync(file, applyMutations(seed.bytes, mutations));
      const loaded = await loadExports([file], { timezone: 'America/New_York' }).catch((e: unknown) => {
        if (isInputError(e)) return undefined;
        throw e;
      });
      if (!loaded) return;
      // The importer refuses instants outside 1990-2099 (they would make the audit walk calendars for centuries).
      expect(loaded.tickets.flatMap(instants).filter((ms) => ms !== undefined && !isPlausibleInstant(ms))).toEqual([]);
      const asOf = latestInstant(loaded.tickets);
      const outcome = audit(loaded.tickets, framework, { asOf });
      const report = buildReport(outcome, framework, {
        tool: { name: 'escalation-audit', version: '0' }, asOf, inputs: loaded.inputs, events: loaded.events, notes: loaded.notes,
      });
      for (const format of Object.values(formatters)) expect(typeof format(report, { color: true, width: 80 })).toBe('string');
      audited++;
    }), budget(2_500, 60));
    expect(audited).toBeGreaterThan(0);
  });
}

describe('the importer: a result or a typed input error, never anything else, never a hang (seeds: the bundled example)', () => {
  importerProperties(exampleSeeds);
});

describeWith(realData(...REAL), 'the importer: a result or a typed input error, never anything else, never a hang (seeds: the real exports)', () => {
  importerProperties(realSeeds);
});

describe('what the importer accepts, the audit and every format handle (seeds: the bundled example)', () => {
  acceptedProperties(exampleSeeds);
});

describeWith(realData('vinst-incidents.csv'), 'what the importer accepts, the audit and every format handle (seeds: the VINST log)', () => {
  acceptedProperties(() => seedsOf([dataFile('vinst-incidents.csv')]));
});

describe('the framework loader: a framework or a typed input error', () => {
  const schema = JSON.parse(readFileSync('rules/framework.schema.json', 'utf8'));
  const strings = [
    'triage', 'support', 'noc', 'office', 'around-the-clock', 'Help Desk', 'NOC', 'Waiting on Customer', 'Closed',
    '/^noc\\b/i', '/^(a+)+$/', '/(x|x)*y/', '/[/', '/(?<n>a)\\k<n>/u', '30m', '4h', '1h30m', '3d', '0m', '0.5h', '99999d',
    '08:00-18:00', '18:00-08:00', '00:00-24:00', '24x7', '2026-05-25', '12-25', '02-30', 'America/New_York', 'Europe/Brussels',
    'Mars/Olympus', 'USD', '1', '2', 'type', 'source', 'onsite', 'status', 'priority', 'Project', ' ',
  ];
  const frameworks = schemaArbitrary(schema, { strings, maxDepth: 10, corruption: 60, choices: { extends: ['base.yaml'] } });
  // What `extends: base.yaml` finds next to the generated framework.
  writeFileSync(join(work, 'base.yaml'), readFileSync('rules/default.yaml'));

  it('random frameworks shaped by rules/framework.schema.json', async () => {
    const outcomes = new Set<string>();
    await fc.assert(fc.asyncProperty(frameworks, async (doc) => {
      outcomes.add(await loadFrameworkText(stringify(doc)));
    }), budget(2_000, 200));
    expect(outcomes).toContain('input-error');
  });

  it('mutations of the text of rules/default.yaml', async () => {
    const text = readFileSync('rules/default.yaml');
    const outcomes = new Set<string>();
    await fc.assert(fc.asyncProperty(fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (mutations) => {
      outcomes.add(await loadFrameworkText(applyMutations(text, mutations).toString('utf8')));
    }), budget(1_500, 200));
    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('input-error');
  });
});

/** CSV records with their line ends: a quoted cell may span lines, so lines join until the quotes pair up. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let pending = '';
  for (const line of text.split(/(?<=\n)/)) {
    pending += line;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 0) {
      records.push(pending);
      pending = '';
    }
  }
  if (pending) records.push(pending);
  return records.map((r) => (r.endsWith('\n') ? r : `${r}\n`));
}

describe('the audit is deterministic', () => {
  it('shuffling the rows of the example exports never changes the JSON report (byte for byte)', async () => {
    const [tickets, history] = EXAMPLE.map((f) => csvRecords(readFileSync(f, 'utf8')));
    // Equal times of one ticket keep file order by design; the property holds because the example has none.
    const times = history!.slice(1).map((r) => r.split(',').slice(0, 2).join(','));
    expect(new Set(times).size).toBe(times.length);
    const paths = [join(work, 'tickets.csv'), join(work, 'ticket-history.csv')];
    const report = async (t: string[], h: string[]) => {
      writeFileSync(paths[0]!, t.join(''));
      writeFileSync(paths[1]!, h.join(''));
      return cli('audit', ...paths, '--format', 'json', '--fail-on', 'never');
    };
    const original = await report(tickets!, history!);
    expect(original).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(original.stdout).summary.tickets).toBe(238);
    const shuffled = (rows: string[]) => fc.shuffledSubarray(rows.slice(1), { minLength: rows.length - 1 }).map((r) => [rows[0]!, ...r]);
    await fc.assert(fc.asyncProperty(shuffled(tickets!), shuffled(history!), async (t, h) => {
      const r = await report(t, h);
      expect(r.stdout).toBe(original.stdout);
    }), budget(2_000, 12));
  });
});
