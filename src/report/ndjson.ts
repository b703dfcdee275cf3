import type { Report } from '../model/result.js';
import { stringifyJson, toJsonFinding } from './json.js';

/**
 * One finding per line, each the same object as in the JSON report's `findings`, in the same order;
 * nothing else (no summary line), so every line has one shape for `jq` and log pipelines.
 */
export function formatNdjson(report: Report): string {
  return report.findings.map((f) => `${stringifyJson(toJsonFinding(f))}\n`).join('');
}
