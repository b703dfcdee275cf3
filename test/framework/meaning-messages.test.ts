import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../src/errors.js';
import { loadFramework } from '../../src/pipeline/framework.js';

const dir = 'fixtures/frameworks';

/** `file:line:col  message | hint` of every problem loadFramework reports, or [] when it loads. */
async function reported(file: string): Promise<string[]> {
  try {
    await loadFramework(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    return e.errors.map((p) => `${p.format().split('\n')[0]}${p.hint ? ` | ${p.hint}` : ''}`);
  }
}

// One fixture per kind of problem the meaning pass (references, reachability, limits) reports.
describe('meaning pass: one fixture per message kind, at line and column', () => {
  it.each<[string, string]>([
    ['unknown-timezone.yaml',
      '6:15  unknown time zone (calendars.office.timezone; found "Eastern Standard Time"; expected an IANA zone name such as America/New_York, Europe/Brussels or UTC)'],
    ['no-business-hours.yaml',
      '8:7  a calendar needs business hours on at least one weekday (calendars.office.hours) | e.g. mon: ["08:00-18:00"], or hours: 24x7'],
    ['backwards-span.yaml',
      '9:13  invalid business hours (calendars.office.hours.tue[0]; found "22:00-06:00"; expected a span like 08:00-18:00 (end after start))'],
    ['impossible-holiday.yaml',
      '8:25  invalid `holidays` entry (calendars.office.holidays[1]; found "2026-02-30"; expected a real date as YYYY-MM-DD or MM-DD)'],
    ['unknown-calendar.yaml',
      '11:15  unknown calendar "ofice", did you mean "office"? (queues.triage.calendar; expected one of: office)'],
    ['duplicate-board-name.yaml',
      '10:22  "service desk" already means queue "triage" (queues.support.match[1]) | a board name may belong to one queue only'],
    ['unknown-queue.yaml',
      '14:9  unknown queue "suport", did you mean "support"? (rules[0].to; expected one of: triage, support)'],
    ['catch-all-not-last.yaml',
      '10:5  an entry without `when` catches everything, so the entries after it can never apply (routing[0]) | move it to the end of `routing`'],
    ['duplicate-rule-id.yaml',
      '12:9  duplicate rule id "stalled", first used by rules[0] (rules[1].id)'],
    ['from-to-overlap.yaml',
      '14:9  queue "support" is in both `from` and `to` (rules[0].to) | a ticket cannot move to the queue it is in'],
    ['stalled-without-limit.yaml',
      '8:5  a stalled rule needs `idle`, `maxAge` or both (rules[0]) | e.g. idle: 3d'],
    ['unreachable-queue.yaml',
      '9:3  queue "projects" is unreachable: no routing entry sends work there, it is no entry queue, and no enabled under-escalated or missed-de-escalation rule moves work there from a queue that is reachable (queues.projects) | add a routing entry with queue: projects, mark it `entry: true` if work may start there, name it in the `to` of an escalation rule, or remove the queue'],
    ['contradicting-limits.yaml',
      '21:16  minEffort 45m is not shorter than the time limit 30m of rule "triage-time-limit" (triage -> support): moving up earlier is over-escalated and later under-escalated, so no escalation by time is ever right (rules[1].minEffort) | make minEffort shorter than 30m, or give rule "triage-time-limit" more time'],
    ['escalation-without-limit.yaml',
      '10:5  an under-escalated rule with no `when` and no time in `after` flags every ticket the moment it enters triage (rules[0]) | give the queue time (after: 30m), or say when it must escalate (when: ...)'],
  ])('%s', async (name, expected) => {
    expect(await reported(`${dir}/${name}`)).toEqual([`${dir}/${name}:${expected}`]);
  });
});
