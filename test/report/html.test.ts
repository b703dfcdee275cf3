import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/result.js';
import { escapeHtml, linkOrText } from '../../src/report/html-escape.js';
import { CONTENT_SECURITY_POLICY, formatHtml } from '../../src/report/html.js';
import { hostileFinding, hostileString, withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

/** Every string of a value, object keys included, through `fn`; numbers and structure unchanged. */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), mapStrings(v, fn)])) as T;
}

const count = (text: string, char: string) => text.split(char).length - 1;
const metricHtml = (html: string, id: string) => new RegExp(`data-metric="${id}">([^<]*)<`).exec(html)?.[1];
const metric = (html: string, id: string) => new RegExp(`data-metric="${id}">([^<]*)<`).exec(html)?.[1];

describe('escapeHtml and linkOrText', () => {
  it.each([
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    ['line\r\nbreak', 'line break'],
    ['title\u001b]0;pwned\u0007 ok\u202e', 'title ok'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each([
    ['https://example.com/a?b=1&c="2"', 'docs', '<a href="https://example.com/a?b=1&amp;c=&quot;2&quot;" rel="noopener noreferrer">docs</a>'],
    ['javascript:alert(1)', 'docs', 'docs'],
    ['data:text/html,<script>', '<x>', '&lt;x&gt;'],
    ['//evil.example/x', 'docs', 'docs'],
  ])('links %j only when it is http(s)', (url, label, expected) => {
    expect(linkOrText(url, label)).toBe(expected);
  });
});

describe('formatHtml', () => {
  const out = formatHtml(sampleReport);

  it('matches the snapshot', async () => {
    await expect(out).toMatchFileSnapshot('./__snapshots__/report.html');
  });

  it('carries a strict Content-Security-Policy and loads nothing', () => {
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(out).not.toMatch(/<script|<iframe|<object|<embed|<link rel="stylesheet"|<img|@import|url\(|\son[a-z]+=|\ssrc=/i);
    const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.every((h) => h === 'data:,' || h!.startsWith('https://'))).toBe(true);
  });

  it('shows the headline numbers', () => {
    expect([metric(out, 'tickets'), metric(out, 'findings'), metric(out, 'error'), metric(out, 'warn'), metric(out, 'info')])
      .toEqual(['48', '8', '3', '3', '2']);
    expect(metric(out, 'fitness')).toBe('89.6%');
    expect(metric(out, 'cost')).toBe('1,900.25 EUR');
    expect(metric(out, 'kind-stalled')).toBe('2');
  });

  it('has every finding with its evidence, escaped', () => {
    expect(count(out, '<details class="finding">')).toBe(sampleReport.findings.length);
    for (const f of sampleReport.findings) expect(out).toContain(`<tr><th>Finding id</th><td>${f.id}</td></tr>`);
    expect(out).toContain('<tr><th>Queues</th><td>Help Desk, NOC</td></tr>');
    // Evidence in words, times in the framework's zone, named.
    expect(out).toContain('<tr><th>Limit</th><td>16h</td></tr>');
    expect(out).toContain('<tr><th>When</th><td>2026-10-05 11:12 Mon <span class="muted">(Europe/Amsterdam)</span></td></tr>');
    expect(out).toContain('Printer offline in lobby');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('draws the time-in-queue chart with a limit line for each queue that has one', () => {
    const svg = /<svg[^>]*aria-label="Business time[\s\S]*?<\/svg>/.exec(out)?.[0] ?? '';
    expect(svg).toContain('aria-label="Business time in each queue against its limit"');
    expect(count(svg, 'stroke-dasharray')).toBe(1 + 2); // legend, Help Desk, Support
    expect(svg).toContain('no time recorded');
  });

  it('is headed by the title and the framework, states the period and the as-of in its zone, and names files without folders', () => {
    expect(out).toContain('<h1>Acme Corp - Q4 fitness check</h1>');
    expect(out).toContain('<strong>Acme MSP escalation framework</strong> (acme.yaml)');
    expect(metricHtml(out, 'period')).toBe('Period covered: 2026-09-14 09:02 Mon to 2026-10-06 18:40 Tue; as of 2026-10-07 08:00 Wed (times in Europe/Amsterdam)');
    expect(out).toContain('Inputs: tickets.csv (connectwise tickets, 48 tickets)');
    expect(out).not.toContain('/home/consultant');
  });

  it('says what the figures mean in three to five sentences at the top', () => {
    const words = /data-metric="summary-in-words">([\s\S]*?)<\/div>/.exec(out)?.[1] ?? '';
    const sentences = words.match(/<p>/g) ?? [];
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(words).toContain('The biggest problem is misrouted tickets: 2 findings, 1 of them in Help Desk, at an estimated 791.25 EUR.');
    expect(words).toContain('The fitness score is 89.6%');
    expect(out.indexOf('summary-in-words')).toBeLessThan(out.indexOf('<h2>Summary</h2>'));
  });

  it('draws the flow map: arrows with ticket counts, de-escalations dashed, flagged and missed moves in the warning colour', () => {
    const map = /<svg[^>]*class="chart flow"[\s\S]*?<\/svg>/.exec(out)?.[0] ?? '';
    expect(map).toContain('>↑ 8 (1 flagged)</text>');
    expect(map).toContain('>↓ 4</text>');
    expect(map).toContain('>should: 1</text>');
    expect(map).toContain('stroke="#b54708" stroke-width="2"');
    expect(map).toContain('stroke="#087443" stroke-width="2" stroke-dasharray="6,3"');
    for (const q of ['Help Desk', 'Support', 'NOC']) expect(map).toContain(`>${q}`);
  });

  it('draws the findings per week, and the fitness trend only when there are two audits or more', () => {
    expect(out).toContain('aria-label="Findings per week by kind"');
    expect(out).not.toContain('aria-label="Fitness score over the audits of the series"');
    const trend = { previousAsOf: '2026-09-01T06:00:00.000Z', previousFitnessScore: 0.8, fitnessScore: 0.896, delta: 0.096, newFindings: 1, persistingFindings: 7, resolvedFindings: 0,
      points: ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-07'].map((d, i) => ({ asOf: `${d}T06:00:00.000Z`, fitnessScore: 0.7 + i * 0.06, findings: 10 - i })) };
    const html = formatHtml({ ...sampleReport, summary: { ...sampleReport.summary, trend } });
    const chart = /<svg[^>]*aria-label="Fitness score over the audits of the series"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(chart.match(/<circle/g)).toHaveLength(4);
    expect(chart).toContain('Fitness score over 4 audits');
    expect(html).toContain('over the 4 audits since 2026-07-01 it went from 70.0% to 89.6%');
  });

  it('cuts long lists: the top 15 queues by findings with a line for the rest, and the worst findings of a kind with a line for the others', () => {
    const queues = Array.from({ length: 40 }, (_, i) => ({ ...sampleReport.summary.queues[0]!, queue: `Q${i}`, findings: i, estimatedCost: i === 0 ? 0 : 10 }));
    const html = formatHtml({ ...sampleReport, summary: { ...sampleReport.summary, queues } }, { findingsPerKind: 1, fullList: 'in the workbook findings.xlsx' });
    const section = html.slice(html.indexOf('<h2>Queues</h2>'), html.indexOf('</section>', html.indexOf('<h2>Queues</h2>')));
    expect([...section.matchAll(/<td class="name">(Q\d+)<\/td>/g)].map((m) => m[1]).slice(0, 15)).toEqual(Array.from({ length: 15 }, (_, i) => `Q${39 - i}`));
    expect(section).toContain('25 more queues with 300 findings in the tickets they handled (240.00 EUR), fewer than the ones above');
    expect(count(html, '<details class="finding">')).toBe(6);
    expect(html).toContain('1 more misrouted finding is not shown here, the least severe and costly: the full list is in the workbook findings.xlsx.');
    // Worst first: the error before the warn.
    expect(html.indexOf('f-77d2e1')).toBeGreaterThan(0);
    expect(html).not.toContain('f-3a91c0');
  });

  it('lists the top offending tickets, worst first', () => {
    const top = /<h3>Tickets<\/h3>[\s\S]*?<\/table>/.exec(out)?.[0] ?? '';
    const tickets = [...top.matchAll(/<tr><td class="key">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(tickets).toEqual(['T-1001', 'T-987', 'T-1100', 'T-1042', 'T-1063', 'T-1077']);
  });

  it('never lets a `<` from the data through, whatever the text', () => {
    const notes = fc.array(hostileString(), { maxLength: 3 });
    fc.assert(fc.property(fc.array(hostileFinding, { maxLength: 4 }), notes, hostileString(), (findings, n, name) => {
      const docsUrl = sampleReport.findings[0]!.docsUrl;
      const report: Report = {
        ...withFindings(findings.map((f) => ({ ...f, docsUrl }))), notes: n,
        framework: { name, source: name, timezone: 'UTC' },
        summary: { ...sampleReport.summary, currency: name, queues: sampleReport.summary.queues.map((q) => ({ ...q, queue: `${name}${q.queue}` })) },
      };
      const html = formatHtml(report);
      // The same report with no `<` in any string: every `<` of its HTML is markup.
      const markup = formatHtml(mapStrings(report, (s) => s.replaceAll('<', '\u2039')));
      expect(count(html, '<')).toBe(count(markup, '<'));
      expect(html).not.toMatch(/<(script|img|iframe)/i);
    }), { numRuns: 200 });
  });
});
