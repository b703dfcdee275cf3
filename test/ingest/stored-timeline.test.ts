import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { latestInstant } from '../../src/prepare/report.js';
import { loadFramework } from '../../src/pipeline/framework.js';
import { loadExports } from '../../src/ingest/load.js';
import { StoredTicket } from '../../src/ingest/stored-ticket.js';
import { withEvents } from '../../src/model/ticket.js';

const EXAMPLE = ['fixtures/example/tickets.csv', 'fixtures/example/ticket-history.csv'];

describe('timelines held column-wise', () => {
  it('a loaded ticket builds equal, fresh event arrays on every read, in time order', async () => {
    const { tickets } = await loadExports(EXAMPLE, { timezone: 'UTC' });
    expect(tickets.length).toBeGreaterThan(100);
    for (const t of tickets) {
      expect(t).toBeInstanceOf(StoredTicket);
      const a = t.events();
      const b = t.events();
      expect(a).not.toBe(b);
      expect(a).toEqual(b);
      expect(a.length).toBeGreaterThan(0);
      for (let i = 1; i < a.length; i++) expect(a[i]!.at).toBeGreaterThanOrEqual(a[i - 1]!.at);
      expect((t as StoredTicket).lastEventAt).toBe(a[a.length - 1]!.at);
    }
  });

  it('the latest instant and the audit are the same whether timelines are stored or plain arrays', async () => {
    const framework = await loadFramework(undefined);
    const { tickets } = await loadExports(EXAMPLE, { timezone: framework.defaultCalendar.timezone });
    const plain = tickets.map((t) => withEvents(t, t.events()));
    expect(plain[0]).not.toBeInstanceOf(StoredTicket);
    const asOf = latestInstant(tickets);
    expect(latestInstant(plain)).toBe(asOf);
    const stored = audit(tickets, framework, { asOf });
    const fromPlain = audit(plain, framework, { asOf });
    expect(stored.findings.length).toBeGreaterThan(0);
    expect(stored.findings).toEqual(fromPlain.findings);
    expect(stored.flows.map((f) => f.visits)).toEqual(fromPlain.flows.map((f) => f.visits));
    // Flows keep the ticket as loaded (compact), not the copy the audit replayed.
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const f of stored.flows) expect(f.ticket).toBe(byId.get(f.ticket.id));
  });

  it('a ticket cut at an earlier as-of keeps the cut timeline in its flow', async () => {
    const framework = await loadFramework(undefined);
    const { tickets } = await loadExports(EXAMPLE, { timezone: framework.defaultCalendar.timezone });
    const longest = tickets.reduce((a, b) => (b.events().length > a.events().length ? b : a));
    const events = longest.events();
    const asOf = events[Math.floor(events.length / 2)]!.at;
    const { flows } = audit([longest], framework, { asOf });
    expect(flows).toHaveLength(1);
    expect(flows[0]!.ticket).not.toBe(longest);
    expect(flows[0]!.ticket.events()).toEqual(events.filter((e) => e.at <= asOf));
  });
});
