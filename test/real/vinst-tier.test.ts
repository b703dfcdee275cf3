import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadExports } from '../../src/ingest/load.js';
import { parseMapping } from '../../src/ingest/mapping.js';
import { dataFile, describeWith, realData } from '../support/requires.js';

// Real data, read in place (../shared/data/SOURCES.md): BPI Challenge 2013, Volvo IT incident log.
const VINST = dataFile('vinst-incidents.csv');
const MAPPING = 'fixtures/mappings/vinst.yaml';

describeWith(realData('vinst-incidents.csv'), 'VINST through the event-log preset and its mapping', () => {
  it('takes the tier of every event from ST Level', async () => {
    const mapping = parseMapping(readFileSync(MAPPING, 'utf8'), MAPPING);
    const loaded = await loadExports([VINST], { timezone: 'UTC', mapping });
    expect([loaded.tickets.length, loaded.events]).toEqual([7554, 65533]);
    const tiers = new Map<string, number>();
    for (const t of loaded.tickets) for (const e of t.events()) tiers.set(e.tier ?? '', (tiers.get(e.tier ?? '') ?? 0) + 1);
    expect([...tiers.keys()].sort()).toEqual(['L1', 'L2', 'L2/L3', 'L3']);
    expect([...tiers.values()].reduce((a, b) => a + b, 0)).toBe(65533);
    const first = loaded.tickets.find((t) => t.id === '1-364285768')!;
    expect(first.events()[0]).toMatchObject({ queue: 'V30', status: 'In Progress', tier: 'L1', priority: 'Medium' });
  });
});
