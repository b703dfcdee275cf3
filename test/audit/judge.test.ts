import { describe, expect, it } from 'vitest';
import { checkOf } from '../../src/audit/checks/index.js';
import { replayTicket } from '../../src/audit/replay.js';
import { loadExports } from '../../src/ingest/load.js';
import { latestInstant } from '../../src/prepare/report.js';
import { defaultFramework, defaultFrameworkText, frameworkFrom } from '../support/tickets.js';

// The audit asks a check for its findings and its measurements at once (`judge`, for the fit tally):
// on every ticket of the bundled example, under every rule, that is exactly what `run` and `measure` give.
const EXAMPLE = ['fixtures/example/tickets.csv', 'fixtures/example/ticket-history.csv'];
const withTotal = defaultFrameworkText.replace('# maxTotal: 20d', 'maxTotal: 20d');

describe('judge gives what run and measure give', () => {
  it.each([
    ['the default framework', () => defaultFramework(), false],
    ['the default framework with a total pause limit', () => frameworkFrom(withTotal, 'with-total.yaml'), true],
  ])('%s, on the example', async (_name, framework, total) => {
    const fw = framework();
    expect(fw.rules.some((r) => r.check === 'pause-abuse' && 'maxTotal' in r && r.maxTotal !== undefined)).toBe(total);
    const { tickets } = await loadExports(EXAMPLE, { timezone: fw.defaultCalendar.timezone });
    const asOf = latestInstant(tickets);
    let observed = 0;
    let measured = 0;
    for (const ticket of tickets) {
      const replay = replayTicket(ticket, fw, asOf);
      for (const rule of fw.rules) {
        const check = checkOf(rule);
        const judged = check.judge(replay, rule, fw);
        expect(judged).toEqual({ observations: check.run(replay, rule, fw), measurements: check.measure(replay, rule, fw) });
        observed += judged.observations.length;
        measured += judged.measurements.length;
      }
    }
    // Not a comparison of empty lists: the example has findings and measured limits.
    expect(observed).toBeGreaterThan(40);
    expect(measured).toBeGreaterThan(900);
  });
});
