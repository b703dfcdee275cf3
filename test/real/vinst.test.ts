import { expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { dataFile, describeWith, realData } from '../support/requires.js';

// Real data, read in place (../shared/data/SOURCES.md): BPI Challenge 2013, Volvo IT incident log.
const VINST = dataFile('vinst-incidents.csv');

describeWith(realData('vinst-incidents.csv'), 'VINST incident log through the whole pipeline (event log + mapping file)', () => {
  it('reads 7,554 tickets and 65,533 events', async () => {
    const r = await cli('audit', VINST, '--mapping', 'fixtures/mappings/vinst.yaml', '--format', 'json', '--fail-on', 'never');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.tickets).toBe(7554);
    expect(report.summary.events).toBe(65533);
    expect(report.inputs[0]).toMatchObject({ preset: 'event-log', role: 'history', encoding: 'utf-8', rows: 65533, tickets: 7554 });
  });
});

describeWith(realData('vinst-incidents.csv'), 'VINST judged by level: queues recognised by the ST Level column (matchTier)', () => {
  it('puts every event of the 7,554 tickets in a level, so no team name is left unjudged', async () => {
    const r = await cli('audit', VINST, '--mapping', 'fixtures/mappings/vinst.yaml', '--framework', 'fixtures/mappings/vinst-framework.yaml',
      '--format', 'json', '--fail-on', 'never');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.notes).toEqual([]);
    // Without matchTier the hundreds of team names ("V30", "G97") would all be queues the framework does not know.
    expect(report.summary.queues.map((q: { queue: string; tickets: number }) => [q.queue, q.tickets]))
      .toEqual([['level-1', 6782], ['level-2', 2772], ['level-3', 540]]);
    expect(report.summary.byCategory['under-escalated']).toBeGreaterThan(0);
    expect(report.summary.byCategory['ping-pong']).toBeGreaterThan(0);
  });
});

describeWith(realData('vinst-incidents.csv'), 'VINST as a deliverable: the HTML of 10,435 findings, 1,439 assignees and 652 teams', () => {
  it('stays under 3 MB: the top 15 teams and people and the worst findings of each kind, each list saying what it leaves out', async () => {
    const r = await cli('audit', VINST, '--mapping', 'fixtures/mappings/vinst.yaml', '--by', 'assignee', '-f', 'html', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(3 * 1024 * 1024);
    expect(r.stdout).toContain('The 15 queues with the most findings (then cost), of 652.');
    expect(r.stdout).toContain('The 15 people with the most findings (then cost), of 1439.');
    // Four kinds have findings (work-after-closure, stalled, ping-pong, reopened): 25 of each shown in full.
    expect(r.stdout.split('<details class="finding">').length - 1).toBe(4 * 25);
    expect(r.stdout).toMatch(/5,333 more work-after-closure findings are not shown here/);
  });
});
