import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExports, type LoadOptions, type LoadedExports } from '../../../src/ingest/load.js';
import type { PartsOutcome } from '../../../src/ingest/parallel/read-in-parts.js';
import { dataFile, describeWith, realData } from '../../support/requires.js';

// The worker runs the built dist/ (npm test builds it first): these tests compare it with the sources' whole-file read.

/** Everything a load hands on, as plain data: tickets with their events, inputs, counts, notes, plans and date layouts. */
const dump = (l: LoadedExports) => ({
  tickets: l.tickets.map((t) => ({ ...t, events: t.events() })), inputs: l.inputs, events: l.events, notes: l.notes,
  details: l.details.map((d) => ({ ...d, plan: d.plan.reason })),
});

type Outcome = { result: ReturnType<typeof dump> } | { error: string };

async function load(files: string[], options: LoadOptions, parts: number): Promise<{ outcome: Outcome; read: PartsOutcome[] }> {
  const read: PartsOutcome[] = [];
  const parallel = { parts, minBytes: 0, onOutcome: (_file: string, o: PartsOutcome) => read.push(o) };
  try {
    return { outcome: { result: dump(await loadExports(files, { timezone: 'Europe/Amsterdam', ...options, parallel })) }, read };
  } catch (e) {
    return { outcome: { error: `${(e as Error).message} @ ${JSON.stringify((e as { position?: unknown }).position)}` }, read };
  }
}

/** Loads whole and in `parts`, expects the same; returns how the parts read went. */
async function sameInParts(files: string[], parts: number, options: LoadOptions = {}): Promise<PartsOutcome[]> {
  const whole = await load(files, options, 1);
  const split = await load(files, options, parts);
  expect(split.outcome).toEqual(whole.outcome);
  // Key order too: `inspect` and the report print these objects as they are.
  expect(JSON.stringify(split.outcome)).toBe(JSON.stringify(whole.outcome));
  return split.read;
}

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const csvFixtures = ['presets', 'csv', 'example', 'hostile'].flatMap((d) => readdirSync(join(FIXTURES, d))
  .filter((f) => /\.(csv|tsv)$/.test(f)).map((f) => join(FIXTURES, d, f)));

describe('a history CSV read in parts gives what reading it whole gives', () => {
  it('every CSV fixture, alone, in 2 and 3 parts: the same tickets, events, counts, notes and errors', async () => {
    let inParts = 0;
    for (const file of csvFixtures) {
      for (const parts of [2, 3]) {
        const read = await sameInParts([file], parts);
        if (read.some((o) => 'parts' in o)) inParts++;
      }
    }
    // The comparison means something only if many of them really went through the workers.
    expect(inParts).toBeGreaterThan(15);
  }, 120_000);

  it('the bundled example: ticket list and history together', async () => {
    const files = ['tickets.csv', 'ticket-history.csv'].map((f) => join(FIXTURES, 'example', f));
    for (const parts of [2, 4]) expect(await sameInParts(files, parts)).toContainEqual({ parts });
  });

  const dir = mkdtempSync(join(tmpdir(), 'ea-parts-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const HEADER = 'Ticket #,Date Changed,Changed By,Board,Status,Resources,Notes';
  /** Interleaved tickets, equal times (the later row wins), quoted cells with line breaks and quotes. */
  const history = (rows: number, eol = '\n', extra: (i: number) => string | undefined = () => undefined, day = (i: number) => 13 + Math.floor(i / 180)) => {
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) {
      const ticket = 1000 + (i % 37);
      const minute = Math.floor(i / 3) % 60;
      const note = i % 5 === 0 ? `"line one${eol}line ""two"", ${i}"` : `note ${i}`;
      lines.push(extra(i) ?? `${ticket},9/${day(i)}/2026 ${1 + (Math.floor(i / 60) % 11)}:${String(minute).padStart(2, '0')} AM,`
        + `tech${i % 4},${['Help Desk', 'Support', 'NOC'][i % 3]},${['New', 'In Progress', 'Waiting', 'Closed'][i % 4]},tech${i % 4},${note}`);
    }
    return lines.join(eol) + eol;
  };

  it.each([
    ['LF', history(600)],
    ['CRLF', history(600, '\r\n')],
    ['a byte order mark', `\ufeff${history(600)}`],
    ['blank lines between rows', history(600).replace(/\n(1003,)/g, '\n\n$1')],
  ])('made-up history with %s: whole and in parts agree, and the parts were used', async (_name, text) => {
    const file = write(`h-${_name.replace(/\W/g, '')}.csv`, text);
    for (const parts of [2, 3, 7]) expect(await sameInParts([file], parts)).toContainEqual({ parts });
  });

  it.each([
    ['a bad date in the last part', (i: number) => (i === 590 ? '1001,32/13/2026 9:00 AM,x,Support,New,x,n' : undefined), /^found "32\/13\/2026 9:00 AM".* @ \{"file":".*","line":71\d,"column":"Date Changed"\}$/],
    ['a row cut short in the middle part', (i: number) => (i === 300 ? '1001,9/13/2026 9:00 AM,x' : undefined), /^row has 3 cells, header has 7 @ \{"file":".*","line":3\d\d\}$/],
    ['a quote left open in the last part', (i: number) => (i === 598 ? '1001,9/13/2026 9:00 AM,x,Support,New,x,"open' : undefined), /^quoted cell opened on line 7\d\d is never closed/],
  ])('%s: the same error, same line, as reading it whole (the file is read again whole)', async (_name, bad, message) => {
    const file = write(`bad-${_name.replace(/\W/g, '')}.csv`, history(600, '\n', bad));
    const whole = await load([file], {}, 1);
    expect(whole.outcome).toEqual({ error: expect.stringMatching(message) });
    const read = await sameInParts([file], 3);
    expect(read[0]).toHaveProperty('whole');
  });

  it('standard input, held in memory, is read in parts too, with the same result', async () => {
    const text = history(600, '\r\n');
    const stdin = () => Readable.from([Buffer.from(text)]);
    const whole = await load(['-'], { stdin: stdin() }, 1);
    const split = await load(['-'], { stdin: stdin() }, 3);
    expect(split.read).toEqual([{ parts: 3 }]);
    expect(split.outcome).toEqual(whole.outcome);
    expect('result' in whole.outcome && whole.outcome.result.events).toBe(600);
  });

  it('rows of one ticket at the same time: the last in the file is its latest row, across parts', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `1001,9/13/2026 9:00 AM,tech${i},Support,${i % 2 ? 'New' : 'Waiting'},tech${i},note ${i}`);
    const file = write('ties.csv', `${HEADER}\n${rows.join('\n')}\n`);
    expect(await sameInParts([file], 3)).toContainEqual({ parts: 3 });
    const { outcome } = await load([file], {}, 3);
    expect('result' in outcome && outcome.result.tickets[0]!.raw['Notes']).toBe('note 599');
  });

  it('a history ticket missing from the ticket list is named at its first row, a line of a later part', async () => {
    const history = readFileSync(join(FIXTURES, 'example', 'ticket-history.csv'), 'utf8');
    const extra = '99999,9/30/2026 9:14 AM,zEmailConnector,Support,New,\n99999,9/30/2026 9:40 AM,pmorales,Support,Assigned,pmorales\n';
    const file = write('orphan-history.csv', history + extra);
    const files = [join(FIXTURES, 'example', 'tickets.csv'), file];
    expect(await sameInParts(files, 3)).toContainEqual({ parts: 3 });
    const lines = history.split('\n').length;
    expect((await load(files, {}, 3)).outcome).toEqual({ error: expect.stringContaining(`"line":${lines}}`) });
  });

  it('a date column with values only in a later part: the layouts in the order the whole read records them', async () => {
    const fixture = readFileSync(join(FIXTURES, 'presets', 'servicenow-event-log.csv'), 'utf8').split('\n');
    const [header, row] = [fixture[0]!, fixture[1]!.split(',')];
    const column = (name: string) => header.split(',').indexOf(name);
    const rows = Array.from({ length: 600 }, (_, i) => {
      const cells = [...row];
      cells[0] = `INC${1000 + (i % 23)}`;
      // Closed dates from the start, opening dates only from row 400: the first part settles closed, a later one created.
      cells[column('closed_at')] = '14/3/2016 10:00';
      for (const name of ['opened_at', 'sys_created_at']) cells[column(name)] = i < 400 ? '?' : '13/3/2016 09:00';
      return cells.join(',');
    });
    const file = write('closed-late.csv', `${header}\n${rows.join('\n')}\n`);
    // The whole read would settle it knowing every column's layout: the parts leave it to the whole read.
    expect((await sameInParts([file], 3))[0]).toHaveProperty('whole');
    const { outcome } = await load([file], {}, 3);
    expect('result' in outcome && Object.keys(outcome.result.details[0]!.dateFormats)).toEqual(['at', 'created', 'closed']);
  });

  it('a day order the whole read refuses is refused, not settled by a later part alone (found by review)', async () => {
    // Date Changed month-first throughout; Closed Date day-first in the first third only; Date Entered
    // empty in the first half, then only dates that fit both orders: with two settled columns that
    // disagree, the whole read cannot take an order for Date Entered and stops.
    const when = (a: number, b: number, h: number) => `${a}/${b}/2026 ${h}:00 AM`;
    const lines = ['Ticket #,Date Changed,Changed By,Board,Status,Resources,Date Entered,Closed Date'];
    // More than MAX_WAITING_ROWS rows of the second half wait for Date Entered's order: a part alone takes Date Changed's.
    for (let t = 0; t < 6000; t++) {
      for (let j = 0; j < 4; j++) {
        lines.push(`${50000 + t},${when(9, 13 + (t % 15), 8 + j)},x,Support,${['New', 'Assigned', 'In Progress', 'Closed'][j]},x,`
          + `${t < 3200 ? '' : when(1 + (t % 12), 1 + ((t + 5) % 12), 7)},${t < 2000 ? when(13 + (t % 15), 9, 5) : ''}`);
      }
    }
    const file = write('three-dates.csv', `${lines.join('\n')}\n`);
    expect((await load([file], {}, 1)).outcome).toEqual({ error: expect.stringMatching(/read as both day-first and month-first/) });
    expect((await sameInParts([file], 2))[0]).toHaveProperty('whole');
  });

  it('--max-errors: skipped rows are counted as when reading whole', async () => {
    const file = write('skips.csv', history(600, '\n', (i) => (i % 150 === 7 ? '1001,9/13/2026 9:00 AM,x' : undefined)));
    await sameInParts([file], 3, { maxErrors: 10 });
    const { outcome } = await load([file], { maxErrors: 10 }, 3);
    expect('result' in outcome && outcome.result.inputs[0]!.skippedRows).toBe(4);
  });

  it('a day order settled only in a later part is read as the whole file reads it', async () => {
    // Every date fits both orders (9/1 to 9/4) but one in row 400 (9/13): the first part alone cannot settle it.
    const text = history(600, '\n', (i) => (i === 400 ? '1001,9/13/2026 9:00 AM,x,Support,New,x,n' : undefined), (i) => 1 + Math.floor(i / 180));
    const read = await sameInParts([write('late-order.csv', text)], 3);
    expect(read[0]).toEqual({ whole: expect.stringMatching(/^part [13]: dates such as/) });
  });
});

describe('an NDJSON history read in parts gives what reading it whole gives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-parts-nd-'));
  const write = (name: string, lines: unknown[]) => {
    const file = join(dir, name);
    writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
    return file;
  };
  /** Event-log records (the SR Number shape); some lack the owner, some carry a nested object. */
  const record = (i: number) => ({
    'SR Number': `1-${1000 + (i % 41)}`, 'Change Date+Time': `2026-09-${String(1 + (Math.floor(i / 30) % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00+02:00`,
    Status: ['Queued', 'Accepted', 'Completed'][i % 3], 'Sub Status': ['Awaiting Assignment', 'In Progress', 'Resolved'][i % 3],
    'Involved ST': i % 4 ? 'Help Desk' : 'V5 3rd', 'ST Level': i % 4 ? 'L1' : 'L2',
    ...(i % 7 ? { 'Owner First Name': `p${i % 5}` } : {}), ...(i % 11 === 0 ? { detail: { note: `n${i}`, code: i } } : {}),
  });

  it('made-up event log: whole and in 2 and 3 parts agree, and the parts were used', async () => {
    const file = write('events.ndjson', [...Array.from({ length: 400 }, (_, i) => record(i)), '', ...Array.from({ length: 200 }, (_, i) => record(400 + i))]);
    for (const parts of [2, 3]) expect(await sameInParts([file], parts)).toContainEqual({ parts });
  });

  it('a key first met after the first 64 KiB: the file is read whole, with the same result', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => (i === 1900 ? { ...record(i), late: 'x' } : record(i)));
    const read = await sameInParts([write('late-key.ndjson', lines)], 2);
    expect(read[0]).toEqual({ whole: expect.stringContaining('key "late" is not in the first records') });
  });

  it('a bad line in the last part: the same error, same line, as reading it whole', async () => {
    const lines: unknown[] = Array.from({ length: 600 }, (_, i) => record(i));
    lines[590] = '{"SR Number": "1-1001", oops}';
    const file = write('bad-line.ndjson', lines);
    expect((await load([file], {}, 1)).outcome).toEqual({ error: expect.stringMatching(/^invalid JSON on this line.* @ \{"file":".*","line":591,"column":\d+\}$/) });
    expect((await sameInParts([file], 3))[0]).toHaveProperty('whole');
  });

  it('NDJSON fixtures (ticket lists, audits a preset unrolls) are read whole, the same as before', async () => {
    const files = ['presets', 'hostile'].flatMap((d) => readdirSync(join(FIXTURES, d)).filter((f) => /\.(ndjson|jsonl)$/.test(f)).map((f) => join(FIXTURES, d, f)));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) await sameInParts([file], 2);
  });
});

describeWith(realData('vinst-incidents.csv', 'servicenow-incident-events.csv'), 'the real exports read in parts', () => {
  it.each([['vinst-incidents.csv'], ['servicenow-incident-events.csv']])('%s: in 2 and 3 parts as read whole', async (name) => {
    for (const parts of [2, 3]) expect(await sameInParts([dataFile(name)], parts)).toContainEqual({ parts });
  }, 120_000);
});
