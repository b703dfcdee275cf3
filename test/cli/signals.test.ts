import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE } from '../support/cli.js';

const BIN = 'bin/escalation-audit.js';

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a signal during the writing of the reports (the built command)', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: no temporary file stays, the old report is intact, the run ends by that signal (128 + n in a shell)', async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), 'ea-signal-'));
      writeFileSync(join(dir, 'report.json'), 'previous report');
      // A FIFO nobody reads: its open blocks after report.json's temporary file is complete, holding the run there.
      execFileSync('mkfifo', [join(dir, 'findings.pipe')]);
      const child = spawn(process.execPath, [BIN, 'audit', ...EXAMPLE, '-f', 'json', '-o', join(dir, 'report.json'),
        '-f', 'csv', '-o', join(dir, 'findings.pipe'), '--fail-on', 'never'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
      try {
        await until(() => readdirSync(dir).some((f) => f.endsWith('.tmp')));
        child.kill(signal);
        expect(await exited).toEqual([null, signal]);
      } finally {
        child.kill('SIGKILL');
      }
      expect(readdirSync(dir).sort()).toEqual(['findings.pipe', 'report.json']);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('previous report');
      expect(stderr).toContain(`stopped by ${signal}; no report was written`);
    });

  it('in a shell, the exit status is 128 + the signal number (130 for SIGINT)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-signal-'));
    execFileSync('mkfifo', [join(dir, 'f.pipe')]);
    const script = `node ${BIN} audit ${EXAMPLE.join(' ')} -f json -o ${join(dir, 'r.json')} -f csv -o ${join(dir, 'f.pipe')} & pid=$!; `
      + `for i in $(seq 400); do ls -A ${dir} | grep -q '[.]tmp$' && break; sleep 0.05; done; kill -INT $pid; wait $pid; echo "status $?"; kill -9 $pid 2>/dev/null; true`;
    expect(execFileSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 })).toContain('status 130');
    expect(readdirSync(dir)).toEqual(['f.pipe']);
  });
});
