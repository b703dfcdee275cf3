// Deterministic synthetic event-log exports for the benchmark (`npm run bench`), never committed.
//
// Columns, value mixes, events per ticket, status transitions, gaps between events and the hour/weekday
// weighting are taken from the VINST incident log (../shared/data/vinst-incidents.csv: 65,533 events,
// 7,554 tickets; median 6 events per ticket, mean 8.7; half of all gaps under 10 minutes, a quarter over
// 6 hours; closure by the "Siebel" system user about a week after resolution, just after midnight).
// Team names mix VINST codes ("G97", "V5 3rd") with board names the default framework knows ("Help Desk",
// "NOC", "Support", ...), so the audit has real work to do. Timestamps are ISO-8601 with the
// Europe/Brussels offset of the moment, as VINST writes them. The same columns are read by the event-log
// preset without a mapping file.
//
// Files go to <os.tmpdir()>/escalation-audit-bench and are rewritten only when missing or when
// GENERATOR_VERSION changes. Run alone: `node test/bench/generate.mjs 100k 1m`.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output of a given seed changes, so cached files are rewritten. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20130101;
export const BENCH_DIR = join(tmpdir(), 'escalation-audit-bench');
export const ORDERS = ['contiguous', 'interleaved'];
export const FORMATS = ['csv', 'ndjson'];

export const HEADER = [
  'SR Number', 'Change Date+Time', 'Status', 'Sub Status', 'Activity', 'Activity Level', 'Involved ST Function Div',
  'Involved Org line 3', 'Involved ST', 'Involved ST 2', 'ST Level', 'SR Latest Impact', 'Product', 'Country',
  'Owner Country', 'Owner First Name', 'Resource',
];

/** "100k" -> 100000, "1m" -> 1000000, "2500" -> 2500. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!m) throw new Error(`bad size "${text}": expected e.g. 100k, 1m, 5000`);
  const n = Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1e6 : m[2].toLowerCase() === 'k' ? 1e3 : 1);
  return Math.round(n);
}

export function sizeLabel(events) {
  return events % 1e6 === 0 ? `${events / 1e6}m` : events % 1e3 === 0 ? `${events / 1e3}k` : String(events);
}

// ---------------------------------------------------------------------------------------------------
// Seeded randomness (sfc32): the same seed gives the same bytes on every machine.

export function createRng(seed) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Picks from [value, weight] pairs. */
function weighted(pairs) {
  const values = pairs.map((p) => p[0]);
  const cumulative = [];
  let sum = 0;
  for (const [, w] of pairs) cumulative.push((sum += w));
  return (rng) => {
    const x = rng() * sum;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
    }
    return values[lo];
  };
}

const zipf = (values, exponent = 1) => weighted(values.map((v, i) => [v, 1 / (i + 1) ** exponent]));

// ---------------------------------------------------------------------------------------------------
// Distributions measured on VINST.

/** Events per ticket (VINST histogram, lengths 3..40 and a thin tail). */
const EVENTS_PER_TICKET = weighted([
  [3, 1761], [4, 874], [5, 424], [6, 739], [7, 570], [8, 573], [9, 391], [10, 314], [11, 253], [12, 236], [13, 185],
  [14, 168], [15, 129], [16, 102], [17, 107], [18, 91], [19, 73], [20, 59], [21, 45], [22, 40], [23, 47], [24, 35],
  [25, 48], [27, 60], [30, 45], [34, 30], [39, 20], [45, 12], [55, 7], [70, 4], [90, 2], [120, 1],
]);

/** Quantiles of the gap between two events of a ticket, in seconds; log-linear in between. */
const GAP_QUANTILES = [[0, 1], [0.1, 13], [0.25, 66], [0.5, 607], [0.75, 23027], [0.9, 517141], [0.95, 654167], [0.99, 1701991], [1, 6e6]];

function sampleGapSeconds(rng) {
  const u = rng();
  for (let i = 1; i < GAP_QUANTILES.length; i++) {
    const [q1, s1] = GAP_QUANTILES[i];
    if (u <= q1) {
      const [q0, s0] = GAP_QUANTILES[i - 1];
      const f = (u - q0) / (q1 - q0);
      return Math.max(1, Math.round(Math.exp(Math.log(s0) + f * (Math.log(s1) - Math.log(s0)))));
    }
  }
  return GAP_QUANTILES[GAP_QUANTILES.length - 1][1];
}

/** Hour of day of human activity (VINST, without the midnight batch closures). */
const WORK_HOUR = weighted([
  [0, 300], [1, 389], [2, 666], [3, 635], [4, 526], [5, 601], [6, 1100], [7, 2359], [8, 4364], [9, 5252], [10, 5744],
  [11, 4986], [12, 4136], [13, 5763], [14, 6050], [15, 5507], [16, 3787], [17, 1949], [18, 1249], [19, 1350],
  [20, 1208], [21, 1050], [22, 668], [23, 372],
]);
/** Sunday first. */
const WEEKDAY_WEIGHT = [0.02, 1, 1, 1, 1, 0.95, 0.13];

const START_STATUS = weighted([['In Progress', 6372], ['Awaiting Assignment', 1156], ['Assigned', 26]]);

/** Sub-status transitions inside a ticket's life (VINST counts; endings are added separately). */
const NEXT_STATUS = {
  'In Progress': weighted([['Awaiting Assignment', 8458], ['In Progress', 7293], ['Wait - User', 3531], ['Assigned', 2756],
    ['Wait', 1405], ['Wait - Implementation', 410], ['Wait - Vendor', 242], ['Wait - Customer', 86], ['Resolved', 400]]),
  'Awaiting Assignment': weighted([['In Progress', 10700], ['Awaiting Assignment', 777], ['Wait - User', 17], ['Assigned', 300]]),
  'Assigned': weighted([['In Progress', 3108], ['Assigned', 100], ['Wait - User', 40]]),
  'Wait - User': weighted([['In Progress', 1520], ['Awaiting Assignment', 618], ['Wait - User', 334], ['Assigned', 218], ['Wait', 41], ['Wait - Implementation', 31], ['Wait - Vendor', 25]]),
  'Wait': weighted([['In Progress', 513], ['Awaiting Assignment', 285], ['Wait - User', 227], ['Assigned', 81], ['Wait', 72], ['Wait - Implementation', 24], ['Wait - Vendor', 16]]),
  'Wait - Implementation': weighted([['In Progress', 171], ['Awaiting Assignment', 80], ['Wait - User', 59], ['Wait - Implementation', 20]]),
  'Wait - Vendor': weighted([['In Progress', 87], ['Awaiting Assignment', 35], ['Assigned', 24], ['Wait - User', 23], ['Wait - Vendor', 14]]),
  'Wait - Customer': weighted([['In Progress', 29], ['Awaiting Assignment', 20]]),
  'Resolved': weighted([['In Progress', 194], ['Awaiting Assignment', 94], ['Assigned', 21]]),
};

const STATUS_OF = {
  'In Progress': 'Accepted', 'Assigned': 'Accepted', 'Wait - User': 'Accepted', 'Wait': 'Accepted',
  'Wait - Implementation': 'Accepted', 'Wait - Vendor': 'Accepted', 'Wait - Customer': 'Accepted',
  'Awaiting Assignment': 'Queued', 'Resolved': 'Completed', 'Closed': 'Completed', 'In Call': 'Completed',
};

const IMPACT = weighted([['Medium', 34905], ['Low', 27877], ['High', 2707], ['Major', 44]]);

/** Customer country code, VINST mix. */
const COUNTRY = weighted([['se', 21060], ['pl', 15339], ['in', 6859], ['be', 5944], ['us', 5075], ['fr', 3158],
  ['br', 2660], ['nl', 1296], ['gb', 900], ['de', 700], ['cn', 600], ['jp', 400], ['au', 300], ['ca', 250],
  ['es', 200], ['it', 150], ['th', 120], ['my', 100], ['kr', 90], ['ru', 80], ['za', 60], ['mx', 50], ['tr', 40]]);

const OWNER_COUNTRY = { se: 'Sweden', pl: 'POLAND', in: 'INDIA', be: 'Belgium', us: 'USA', fr: 'France', br: 'Brazil',
  nl: 'Netherlands', gb: 'United Kingdom', de: 'Germany', cn: 'China', jp: 'Japan', au: 'Australia', ca: 'Canada',
  es: 'Spain', it: 'Italy', th: 'Thailand', my: 'Malaysia', kr: 'Korea', ru: 'Russia', za: 'South Africa', mx: 'Mexico', tr: 'Turkey' };

const FIRST_NAMES = ['Krzysztof', 'Pawel', 'Marcin', 'Marika', 'Michael', 'Fredrik', 'Piotr', 'Anna', 'Frederic', 'Anne Claire',
  'Eric', 'Sarah', 'Loic', 'Adam', 'Denny', 'Paul', 'Joseph', 'Suliman', 'Andreas', 'Magnus', 'Johan', 'Lars', 'Erik',
  'Karin', 'Sofia', 'Tomasz', 'Agnieszka', 'Katarzyna', 'Rahul', 'Priya', 'Anil', 'Sunita', 'Vijay', 'Deepak', 'Pieter',
  'Jan', 'Koen', 'Els', 'Joao', 'Maria', 'Carlos', 'Ana', 'John', 'Mary', 'Robert', 'Linda', 'Wei', 'Li', 'Hiroshi',
  'Yuki', 'Olivier', 'Nathalie', 'Bjorn T', 'Asa', 'Goran', 'Mats', 'Ulf', 'Ingrid', 'Henrik', 'Per'];

/** Teams per support level: board names the default framework knows first, then VINST-style codes. */
const TEAMS = {
  L1: [['Help Desk', 30], ['NOC', 14], ['Service Desk', 9], ['G97', 8], ['G96', 7], ['S42', 5], ['Monitoring', 3],
    ...['D5', 'S56', 'D8', 'G76', 'N38', 'N36', 'S37', 'D4', 'D2', 'G92', 'D3', 'S43', 'G179', 'G359', 'D7', 'S49', 'G40', 'M8',
      'D1', 'J5', 'D6', 'S36', 'C1', 'T12', 'N12', 'N20', 'S25', 'G19', 'K3', 'P5'].map((t, i) => [t, 3 / (i + 1)])],
  L2: [['Support', 30], ['Escalations', 8], ['Tier 2', 6],
    ...['G230 2nd', 'G51 2nd', 'G22 2nd', 'G146 2nd', 'V37 2nd', 'G140 2nd', 'V32 2nd', 'G271 2nd', 'G197 2nd', 'N26 2nd',
      'G165 2nd', 'N52 2nd', 'V13 2nd 3rd', 'G12 2nd', 'S8 2nd', 'D14 2nd', 'G301 2nd', 'J9 2nd'].map((t, i) => [t, 6 / (i + 1)])],
  L3: [['Projects', 6], ...['V5 3rd', 'L38 3rd', 'L51 3rd', 'O3 3rd', 'G312 3rd', 'N44 3rd', 'V7 3rd', 'S61 3rd'].map((t, i) => [t, 4 / (i + 1)])],
};
const FUNCTION_DIVS = ['V3_2', 'A2_1', '', 'E_10', 'E_5', 'A2_2', 'A2_4', 'D_1', 'A2_5', 'C_6', 'E_6', 'D_2', 'A2_3', 'E_4', 'C_3', 'D_3'];
const ORG_LINES = ['Org line C', 'Org line A2', 'Org line B', 'Other', 'Org line V7n', 'Org line G4', 'Org line V2', 'Org line V11'];

/** Where a queue move goes from each level. */
const NEXT_LEVEL = {
  L1: weighted([['L2', 70], ['L1', 20], ['L3', 10]]),
  L2: weighted([['L2', 45], ['L1', 35], ['L3', 20]]),
  L3: weighted([['L2', 55], ['L1', 25], ['L3', 20]]),
};

// ---------------------------------------------------------------------------------------------------
// The world: teams with their people, products.

function buildWorld(rng) {
  const teams = [];
  const teamPick = {};
  for (const level of ['L1', 'L2', 'L3']) {
    const entries = [];
    for (const [name, weight] of TEAMS[level]) {
      const country = COUNTRY(rng);
      const people = Array.from({ length: 6 + Math.floor(rng() * 30) }, () => {
        const first = FIRST_NAMES[Math.floor(rng() * FIRST_NAMES.length)];
        return rng() < 0.6 ? `${first} ${String.fromCharCode(65 + Math.floor(rng() * 26))}` : first;
      });
      const team = {
        name, second: /^[A-Z]+\d+/.test(name) ? name.split(' ')[0] : name, level, country, people,
        div: FUNCTION_DIVS[Math.floor(rng() ** 2 * FUNCTION_DIVS.length)], org: ORG_LINES[Math.floor(rng() ** 2 * ORG_LINES.length)],
      };
      teams.push(team);
      entries.push([team, weight]);
    }
    teamPick[level] = weighted(entries);
  }
  const productIds = Array.from({ length: 704 }, (_, i) => `PROD${i + 1}`);
  for (let i = productIds.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [productIds[i], productIds[j]] = [productIds[j], productIds[i]];
  }
  return { teams, teamPick, product: zipf(productIds, 1.1) };
}

// ---------------------------------------------------------------------------------------------------
// Time: epoch seconds; written in Europe/Brussels local time with its offset (EU rules since 1996).

const DAY_S = 86400;
const FIRST_DAY = Date.UTC(2024, 0, 1) / 1000 / DAY_S;
const PERIOD_DAYS = 731;

/** Start of EU summer time (last Sunday of March, 01:00 UTC) and its end (last Sunday of October). */
const summerCache = new Map();
function summerTime(year) {
  let hit = summerCache.get(year);
  if (!hit) {
    const lastSunday = (month) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1) / 1000;
    };
    hit = [lastSunday(2), lastSunday(9)];
    summerCache.set(year, hit);
  }
  return hit;
}

function brusselsOffsetSeconds(epochS) {
  const [start, end] = summerTime(new Date(epochS * 1000).getUTCFullYear());
  return epochS >= start && epochS < end ? 7200 : 3600;
}

const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

export function formatBrussels(epochS) {
  const offset = brusselsOffsetSeconds(epochS);
  const d = new Date((epochS + offset) * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:` +
    `${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}+0${offset / 3600}:00`;
}

/** A local day on a working-pattern weighting, as epoch seconds of its local midnight (approximately). */
function weightedDay(rng, fromDay, spanDays) {
  for (;;) {
    const day = fromDay + Math.floor(rng() * spanDays);
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    if (rng() < WEEKDAY_WEIGHT[weekday]) return day;
  }
}

function localToEpoch(day, secondsOfDay) {
  const wall = day * DAY_S + secondsOfDay;
  return wall - brusselsOffsetSeconds(wall - 3600);
}

/** The next event's time: short gaps as drawn, long ones land in working hours of the day they reach. */
function nextTime(rng, at) {
  const gap = sampleGapSeconds(rng);
  if (gap < 12 * 3600) return at + gap;
  let day = Math.floor((at + gap) / DAY_S);
  const weekday = (day + 4) % 7;
  // Most weekend work waits for one of the next working days.
  if (rng() > WEEKDAY_WEIGHT[weekday]) day += (weekday === 6 ? 2 : 1) + Math.floor(rng() * 5);
  const t = localToEpoch(day, WORK_HOUR(rng) * 3600 + Math.floor(rng() * 3600));
  return t > at ? t : at + gap;
}

// ---------------------------------------------------------------------------------------------------
// Events, kept columnar: one row of values per event, and its epoch second.

/** Generates `events` events (tickets in id order, each ticket's events in time order). */
export function generateEvents(events, seed = DEFAULT_SEED) {
  const rng = createRng(seed);
  const world = buildWorld(rng);
  const rows = [];
  const times = new Float64Array(events);
  const ids = new Set();
  const tickets = [];
  let total = 0;
  while (total < events) {
    let id;
    do id = `1-${100000000 + Math.floor(rng() * 900000000)}`; while (ids.has(id));
    ids.add(id);
    const length = Math.min(EVENTS_PER_TICKET(rng), events - total);
    tickets.push({ id, length, rng: createRng((seed ^ Math.imul(tickets.length + 1, 0x9e3779b1)) >>> 0) });
    total += length;
  }
  tickets.sort((a, b) => (a.id < b.id ? -1 : 1));
  let n = 0;
  for (const ticket of tickets) {
    for (const event of ticketEvents(ticket, world)) {
      times[n] = event.at;
      rows.push(event.cells);
      n++;
    }
  }
  return { rows, times };
}

function* ticketEvents({ id, length, rng }, world) {
  const impact = IMPACT(rng);
  const product = world.product(rng);
  const country = COUNTRY(rng);
  let team = world.teamPick[rng() < 0.93 ? 'L1' : 'L2'](rng);
  let owner = team.people[Math.floor(rng() * team.people.length)];
  let ownerCountry = team.country;
  let sub = START_STATUS(rng);
  let at = localToEpoch(weightedDay(rng, FIRST_DAY, PERIOD_DAYS), WORK_HOUR(rng) * 3600 + Math.floor(rng() * 3600));
  const ending = rng() < 0.74 ? ['Resolved', 'Closed'] : rng() < 0.96 ? ['In Call'] : [];
  const middle = Math.max(1, length - ending.length);
  for (let i = 0; i < length; i++) {
    if (i > 0) {
      const endingStep = i - middle;
      const next = endingStep >= 0 ? ending[endingStep] : NEXT_STATUS[sub](rng);
      if (next === 'Closed') {
        // The system user closes resolved tickets in a batch after about a week, just after midnight.
        const day = Math.floor(at / DAY_S) + 6 + Math.floor(rng() * 5);
        at = localToEpoch(day, 300 + Math.floor(rng() * 1500));
        owner = 'Siebel';
        ownerCountry = '0';
      } else {
        at = nextTime(rng, at);
        if (next === 'Awaiting Assignment' && rng() < 0.55) team = world.teamPick[NEXT_LEVEL[team.level](rng)](rng);
        if (next === 'In Progress' && (sub === 'Awaiting Assignment' || rng() < 0.15)) {
          owner = team.people[Math.floor(rng() * team.people.length)];
          ownerCountry = team.country;
        }
      }
      sub = next;
    }
    const status = STATUS_OF[sub];
    const activity = `${status}-${sub}`;
    yield {
      at,
      cells: [
        id, formatBrussels(at), status, sub, activity, `${activity}-${team.level}`, team.div, team.org, team.name, team.second,
        team.level, impact, product, country, ownerCountry === '0' ? '0' : OWNER_COUNTRY[ownerCountry], owner,
        `${ownerCountry === '0' ? country : ownerCountry}-${owner}`,
      ],
    };
  }
}

/** Event indexes in file order: ticket by ticket, or every row by time (ties keep ticket order). */
export function eventOrder(times, order) {
  const index = new Uint32Array(times.length);
  for (let i = 0; i < index.length; i++) index[i] = i;
  if (order === 'interleaved') index.sort((a, b) => times[a] - times[b] || a - b);
  return index;
}

// ---------------------------------------------------------------------------------------------------
// Writing.

const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const CSV_HEADER = HEADER.map(csvCell).join(',');
const JSON_KEYS = HEADER.map((h) => JSON.stringify(h));

export function csvLine(cells) {
  return cells.map(csvCell).join(',');
}

export function ndjsonLine(cells) {
  let out = '{';
  for (let i = 0; i < cells.length; i++) out += `${i ? ',' : ''}${JSON_KEYS[i]}:${JSON.stringify(cells[i])}`;
  return `${out}}`;
}

/** The first `count` lines of an export (header included for CSV), for tests. */
export function previewLines(events, order, format, count, seed = DEFAULT_SEED) {
  const { rows, times } = generateEvents(events, seed);
  const index = eventOrder(times, order);
  const lines = format === 'csv' ? [CSV_HEADER] : [];
  for (let i = 0; lines.length < count && i < index.length; i++) {
    const cells = rows[index[i]];
    lines.push(format === 'csv' ? csvLine(cells) : ndjsonLine(cells));
  }
  return lines;
}

export function benchFile(events, order, format, dir = BENCH_DIR) {
  return join(dir, `events-${sizeLabel(events)}-${order}.${format}`);
}

async function writeLines(path, lines) {
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  renameSync(tmp, path);
}

/**
 * Makes sure every export of `events` events exists in `dir` (both orders, both formats), writing the
 * missing ones; returns their paths by `${order}.${format}`.
 */
export async function ensureExports(events, { dir = BENCH_DIR, seed = DEFAULT_SEED, formats = FORMATS, orders = ORDERS, log = () => {} } = {}) {
  mkdirSync(dir, { recursive: true });
  const stampPath = join(dir, `events-${sizeLabel(events)}.version`);
  const stamp = `${GENERATOR_VERSION} ${seed}`;
  const fresh = existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp;
  const files = {};
  const missing = [];
  // A stale stamp makes every file of this size stale, wanted now or not.
  if (!fresh) for (const order of ORDERS) for (const format of FORMATS) rmSync(benchFile(events, order, format, dir), { force: true });
  for (const order of orders) {
    for (const format of formats) {
      const path = benchFile(events, order, format, dir);
      files[`${order}.${format}`] = path;
      if (!fresh || !existsSync(path)) missing.push({ order, format, path });
    }
  }
  if (missing.length) {
    log(`generating ${missing.length} export(s) of ${sizeLabel(events)} events in ${dir} ...`);
    const { rows, times } = generateEvents(events, seed);
    for (const { order, format, path } of missing) {
      const index = eventOrder(times, order);
      const toLine = format === 'csv' ? csvLine : ndjsonLine;
      await writeLines(path, (function* () {
        if (format === 'csv') yield CSV_HEADER;
        for (const i of index) yield toLine(rows[i]);
      })());
    }
    writeFileSync(stampPath, stamp);
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of process.argv.slice(2).length ? process.argv.slice(2) : ['100k', '1m']) {
    const files = await ensureExports(parseSize(size), { log: (m) => console.error(m) });
    for (const path of Object.values(files)) console.log(path);
  }
}
