// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file.
//   node test/bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [path, topText] = process.argv.slice(2);
if (!path) throw new Error('usage: node test/bench/profile-summary.mjs <file.cpuprofile> [top]');
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(path, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'npm:').replace(/^.*\/(dist|src|test)\//, '$1/');
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
const functions = new Map();
const files = new Map();
for (const [id, us] of selfUs) {
  const { callFrame: f } = byId.get(id);
  const file = f.url ? shortUrl(f.url) : `(${f.functionName || 'native'})`;
  add(functions, `${f.functionName || '(anonymous)'}  ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`, us);
  add(files, file, us);
}
const print = (title, map) => {
  console.log(`\n${title} (total ${(total / 1e6).toFixed(2)} s sampled)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
print('self time by function', functions);
print('self time by file', files);
