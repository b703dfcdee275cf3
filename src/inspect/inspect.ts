import type { Framework } from '../framework/model.js';
import type { LoadedExports } from '../ingest/load.js';
import { INSPECT_SCHEMA_VERSION, type InspectReport } from '../model/inspect.js';
import { inspectFile, isoRange } from './inspect-file.js';
import { queuesSeen, statusesSeen } from './vocabulary.js';

/**
 * What the person mapping a new export needs to see: per file how it was read and mapped, and over
 * every ticket the queues and statuses found, flagged where the framework does not know them.
 */
export function inspectExports(loaded: LoadedExports, framework: Framework, tool: { name: string; version: string }): InspectReport {
  const files = loaded.inputs.map((summary, i) => inspectFile(summary, loaded.details[i]!));
  const ranges = loaded.details.flatMap((d) => (d.dates ? [d.dates] : []));
  const range = ranges.length
    ? { first: Math.min(...ranges.map((r) => r.first)), last: Math.max(...ranges.map((r) => r.last)) }
    : undefined;
  const snapshot = loaded.tickets.filter((t) => t.history === 'snapshot');
  const { queues, never: ticketsWithoutQueue } = queuesSeen(loaded.tickets, framework);
  const { statuses, never: ticketsWithoutStatus } = statusesSeen(loaded.tickets, framework);
  return {
    schemaVersion: INSPECT_SCHEMA_VERSION,
    tool,
    framework: { name: framework.name, source: framework.source },
    files,
    tickets: loaded.tickets.length,
    events: loaded.events,
    history: {
      full: loaded.tickets.length - snapshot.length,
      snapshot: snapshot.length,
      counterOnly: snapshot.filter((t) => t.queueChanges !== undefined).length,
    },
    dateRange: isoRange(range),
    queues,
    ticketsWithoutQueue,
    statuses,
    ticketsWithoutStatus,
    notes: loaded.notes,
  };
}
