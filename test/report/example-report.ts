import type { Report } from '../../src/model/result.js';
import { cli, EXAMPLE } from '../support/cli.js';

let cached: Promise<{ json: string; report: Report }> | undefined;

/** The bundled example's report, through the whole pipeline (the CLI in-process, `--format json`). */
export function exampleReport(): Promise<{ json: string; report: Report }> {
  cached ??= cli('audit', ...EXAMPLE, '--format', 'json', '--fail-on', 'never').then((r) => {
    if (r.code !== 0) throw new Error(`the example audit exited ${r.code}: ${r.stderr}`);
    return { json: r.stdout, report: JSON.parse(r.stdout) as Report };
  });
  return cached;
}
