import { readFileSync } from 'node:fs';
import { audit } from '../../src/audit/audit.js';
import { compileFramework } from '../../src/pipeline/framework.js';
import { DEFAULT_FRAMEWORK_PATH } from '../../src/framework/file.js';
import { parseFrameworkDocument } from '../../src/framework/load.js';
import type { Framework } from '../../src/framework/model.js';
import type { Finding } from '../../src/model/finding.js';
import type { Ticket, TicketEvent } from '../../src/model/ticket.js';
import { zoneClock } from '../../src/time/zone.js';

const ny = zoneClock('America/New_York');

/** '2026-10-05 09:00' in New York (the default framework's zone) -> epoch ms. */
export function at(local: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  return ny.toUtc(y!, mo!, d!, h!, mi!);
}

/** [when, board, status, priority?, assignee?] rows: the state after each change. */
export type Step = [string, string, string, string?, string?];

export function ticket(steps: Step[], fields: Partial<Ticket['fields']> = {}, extra: Partial<Ticket> = {}): Ticket {
  const timeline: TicketEvent[] = steps.map(([when, queue, status, priority, assignee]) => ({
    at: at(when), queue, status, assignee, tier: undefined, priority,
  }));
  const last = timeline[timeline.length - 1]!;
  return {
    id: fields.id ?? 'T1',
    fields: { summary: 'test ticket', source: 'Phone', queue: last.queue, status: last.status, ...fields },
    created: timeline[0]!.at, updated: last.at, closed: undefined, hours: undefined,
    onsite: fields.onsite === undefined ? undefined : fields.onsite === 'true',
    raw: {}, events: () => timeline, history: 'full', ...extra,
  };
}

export function frameworkFrom(text: string, file = 'test.yaml'): Framework {
  return compileFramework(parseFrameworkDocument(text, file), file);
}

export const defaultFrameworkText = readFileSync(DEFAULT_FRAMEWORK_PATH, 'utf8');
export const defaultFramework = (): Framework => frameworkFrom(defaultFrameworkText, 'default.yaml');

/** Findings of one rule for one ticket, audited as of a local time (default: its last step). */
export function findingsOf(framework: Framework, t: Ticket, rule: string, asOf?: string): Finding[] {
  const when = asOf ? at(asOf) : t.events()[t.events().length - 1]!.at;
  return audit([t], framework, { asOf: when }).findings.filter((f) => f.rule === rule);
}
