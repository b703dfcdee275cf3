import type { Report } from '../model/result.js';
import { stringifyJson, toJsonFinding } from './json.js';

/**
 * One finding per line, each the same object as in the JSON report's `findings`, in the same order;
 * nothing else (no summary line), so every line has one shape for `jq` and log pipelines.
 */
export function formatNdjson(report: Report): string {
  return [...formatNdjsonChunks(report)].join('');
}

const BATCH = 500;

/** The same bytes as {@link formatNdjson}, a batch of lines at a time. */
export function* formatNdjsonChunks(report: Report): Generator<string> {
  const { findings } = report;
  for (let i = 0; i < findings.length; i += BATCH) {
    let text = '';
    for (const f of findings.slice(i, i + BATCH)) text += `${stringifyJson(toJsonFinding(f))}\n`;
    yield text;
  }
}
