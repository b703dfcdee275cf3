import type { InspectReport } from '../model/inspect.js';
import { stringifyJson } from './json.js';

/** `inspect --format json`: the InspectReport as it is (fields in the order of its type), 2-space indent. */
export function formatInspectJson(report: InspectReport): string {
  return `${stringifyJson(report, 2)}\n`;
}
