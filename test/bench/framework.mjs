// Times `escalation-audit validate` on a framework of 200 queues and 500 rules (issue: under a second).
// Usage: npm run build && node test/bench/framework.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeFramework } from './large-framework.mjs';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const bin = fileURLToPath(new URL('../../bin/escalation-audit.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'escalation-audit-framework-bench-'));
const file = join(dir, 'large.yaml');
writeFileSync(file, largeFramework(200, 500));

const walls = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [bin, 'validate', file], { encoding: 'utf8' });
  walls.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (child.status !== 0) {
    console.error(child.stdout, child.stderr);
    process.exit(1);
  }
}
rmSync(dir, { recursive: true, force: true });
walls.sort((a, b) => a - b);
const median = walls[Math.floor(walls.length / 2)];
console.log(`validate, 200 queues x 500 rules: median ${median.toFixed(2)} s wall over ${runs} runs (node start-up included)`);
