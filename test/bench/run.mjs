// `npm run bench`: the floor, the parser alone and the full audit, side by side, over synthetic exports
// of 100k and 1M events (see generate.mjs). Each step of each file runs in its own `node` process;
// the N runs of a file go round the three steps in turn, so drift hits them alike.
//
//   node test/bench/run.mjs [--sizes 100k,1m] [--runs 3] [--only csv|ndjson] [--orders contiguous,interleaved]
//
// Prints a Markdown table and the targets of the performance issue (19), and writes the same as JSON
// under the bench directory (never in the repository). `--sizes 100k,1m,10m` adds the 10M-event file
// (1.8 GB of CSV; with `--only csv` no NDJSON is generated).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_DIR, ensureExports, FORMATS, ORDERS, parseSize, sizeLabel } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const PROBE = pathToFileURL(join(HERE, 'rss-probe.mjs')).href;
const TARGETS = { fullOverParse: 1.0, peakRssMb: 400, interleavedOverContiguous: 1.15, ndjsonOverCsv: 1.0, tenMillionRssMb: 3072, tenMillionOverOne: 11 };

function parseArgs(argv) {
  const options = { sizes: ['100k', '1m'], runs: 3, formats: FORMATS, orders: ORDERS, out: join(BENCH_DIR, 'results', 'latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--sizes') options.sizes = value().split(',');
    else if (flag === '--runs') options.runs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (flag === '--only') options.formats = [pick(value(), FORMATS, flag)];
    else if (flag === '--orders') options.orders = value().split(',').map((o) => pick(o, ORDERS, flag));
    else if (flag === '--out') options.out = value();
    else throw new Error(`unknown flag ${flag}; use --sizes 100k,1m --runs N --only csv|ndjson --orders contiguous,interleaved --out file`);
  }
  return options;
}

function pick(value, allowed, flag) {
  if (!allowed.includes(value)) throw new Error(`${flag}: expected one of ${allowed.join(', ')}, got "${value}"`);
  return value;
}

/** Runs one node process; wall time from spawn to exit, peak RSS from the preloaded probe. */
function measure(args) {
  const rssFile = join(BENCH_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      let usage = { maxRssKb: null, cpuSeconds: null };
      try { usage = JSON.parse(readFileSync(rssFile, 'utf8')); } catch { /* the process died before its exit hook */ }
      rmSync(rssFile, { force: true });
      resolve({ code, seconds, rssMb: usage.maxRssKb === null ? null : usage.maxRssKb / 1024, cpuSeconds: usage.cpuSeconds, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

const STEPS = {
  floor: (file) => [join(HERE, 'steps', 'floor.mjs'), file],
  parse: (file) => [join(HERE, 'steps', 'parse.mjs'), file],
  full: (file, output) => [join(ROOT, 'bin', 'escalation-audit.js'), 'audit', file, '--framework', 'rules/default.yaml',
    '--format', 'json', '--output', output, '--fail-on', 'never'],
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function benchFile(file, events, runs) {
  const output = join(BENCH_DIR, `report-${process.pid}.json`);
  const samples = { floor: [], parse: [], full: [] };
  const failures = {};
  for (let run = 0; run < runs; run++) {
    for (const step of Object.keys(STEPS)) {
      if (failures[step]) continue;
      const r = await measure(STEPS[step](file, output));
      if (r.code !== 0) {
        failures[step] = (r.stderr.split('\n').find((l) => l.trim()) ?? `exit code ${r.code}`).slice(0, 160);
        continue;
      }
      samples[step].push(r);
    }
  }
  rmSync(output, { force: true });
  const result = { file, bytes: statSync(file).size, events };
  for (const step of Object.keys(STEPS)) {
    const ok = samples[step];
    result[step] = failures[step] || ok.length === 0
      ? { error: failures[step] ?? 'no run' }
      : {
        seconds: round(median(ok.map((r) => r.seconds)), 3), runs: ok.map((r) => round(r.seconds, 3)),
        cpuSeconds: round(median(ok.map((r) => r.cpuSeconds ?? 0)), 3), peakRssMb: round(Math.max(...ok.map((r) => r.rssMb ?? 0)), 1),
      };
  }
  const full = result.full.seconds;
  result.eventsPerSecond = full ? Math.round(events / full) : null;
  result.fullOverParse = full && result.parse.seconds ? round(full / result.parse.seconds, 2) : null;
  result.fullOverFloor = full && result.floor.seconds ? round(full / result.floor.seconds, 2) : null;
  return result;
}

const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

function targets(results) {
  const find = (size, order, format) => results.find((r) => r.size === size && r.order === order && r.format === format);
  const checks = [];
  const check = (name, value, limit, unit = 'x') => {
    if (value === null || value === undefined || Number.isNaN(value)) checks.push({ name, value: null, limit, pass: null });
    else checks.push({ name, value: round(value, 2), limit, unit, pass: value <= limit });
  };
  const contiguous = find('1m', 'contiguous', 'csv');
  const interleaved = find('1m', 'interleaved', 'csv');
  for (const r of [contiguous, interleaved].filter(Boolean)) {
    check(`1m ${r.order} CSV: full / csv-parse`, r.fullOverParse, TARGETS.fullOverParse);
    check(`1m ${r.order} CSV: peak RSS (MB)`, r.full.peakRssMb, TARGETS.peakRssMb, ' MB');
  }
  if (contiguous && interleaved) {
    check('1m CSV: interleaved / contiguous', interleaved.full.seconds / contiguous.full.seconds, TARGETS.interleavedOverContiguous);
  }
  for (const order of ORDERS) {
    const csv = find('1m', order, 'csv');
    const ndjson = find('1m', order, 'ndjson');
    if (csv && ndjson) check(`1m ${order}: NDJSON / CSV full time`, ndjson.full.seconds / csv.full.seconds, TARGETS.ndjsonOverCsv);
  }
  for (const order of ORDERS) {
    const big = find('10m', order, 'csv');
    if (!big) continue;
    if (big.full.error) checks.push({ name: `10m ${order} CSV: completes`, value: null, limit: null, pass: false, error: big.full.error });
    check(`10m ${order} CSV: peak RSS (MB)`, big.full.peakRssMb, TARGETS.tenMillionRssMb, ' MB');
    const one = find('1m', order, 'csv');
    if (one && !big.full.error) check(`10m / 1m ${order} CSV time`, big.full.seconds / one.full.seconds, TARGETS.tenMillionOverOne);
  }
  return checks;
}

const cell = (step) => (step.error ? 'n/a' : `${step.seconds.toFixed(2)} s / ${Math.round(step.peakRssMb)} MB`);

function table(results) {
  const lines = [
    '| export | events | size | floor (read+decode) | parse alone | full audit | full CPU | events/s | full/parse | full/floor |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(`| ${r.size} ${r.order} ${r.format.toUpperCase()} | ${r.events.toLocaleString('en-US')} | ${(r.bytes / 1e6).toFixed(0)} MB | ` +
      `${cell(r.floor)} | ${cell(r.parse)} | ${cell(r.full)} | ${r.full.error ? 'n/a' : `${r.full.cpuSeconds.toFixed(2)} s`} | ` +
      `${r.eventsPerSecond?.toLocaleString('en-US') ?? 'n/a'} | ` +
      `${r.fullOverParse?.toFixed(2) ?? 'n/a'} | ${r.fullOverFloor?.toFixed(1) ?? 'n/a'} |`);
  }
  return lines.join('\n');
}

const options = parseArgs(process.argv.slice(2));
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform };
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}; ${options.runs} run(s) per step, median wall`);
const results = [];
for (const size of options.sizes) {
  const events = parseSize(size);
  const files = await ensureExports(events, { formats: options.formats, orders: options.orders, log: (m) => console.log(m) });
  for (const format of options.formats) {
    for (const order of options.orders) {
      const r = await benchFile(files[`${order}.${format}`], events, options.runs);
      results.push({ size: sizeLabel(events), order, format, ...r });
      const problems = ['floor', 'parse', 'full'].filter((s) => r[s].error).map((s) => `${s}: ${r[s].error}`);
      console.log(`  ${sizeLabel(events)} ${order} ${format}: full ${cell(r.full)}${problems.length ? ` (${problems.join('; ')})` : ''}`);
    }
  }
}
console.log('');
console.log('parse alone = csv-parse with the importer\'s options (CSV) or JSON.parse per line (NDJSON).');
console.log('Wall times include node start-up; full CPU (user + system, all threads) is steadier on a shared machine.');
console.log(table(results));
const checked = targets(results);
console.log('');
for (const c of checked) {
  const verdict = c.pass === null ? 'n/a ' : c.pass ? 'ok  ' : 'MISS';
  if (c.error) console.log(`MISS ${c.name}: ${c.error}`);
  else console.log(`${verdict} ${c.name}: ${c.value ?? 'n/a'}${c.value === null ? '' : c.unit} (target <= ${c.limit}${c.unit ?? ''})`);
}
mkdirSync(dirname(options.out), { recursive: true });
writeFileSync(options.out, `${JSON.stringify({ machine, runs: options.runs, command: `node test/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(), results, targets: checked }, null, 2)}\n`);
console.log(`\nresults: ${options.out}`);
