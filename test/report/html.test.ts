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
    for (const f of sampleReport.findings) expect(out).toContain(`<tr><th>id</th><td>${f.id}</td></tr>`);
    expect(out).toContain('<tr><th>evidence: queues</th><td>Help Desk, NOC</td></tr>');
    expect(out).toContain('Printer offline in lobby');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('draws the time-in-queue chart with a limit line for each queue that has one', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(out)?.[0] ?? '';
    expect(svg).toContain('aria-label="Business time in each queue against its limit"');
    expect(count(svg, 'stroke-dasharray')).toBe(1 + 2); // legend, Help Desk, Support
    expect(svg).toContain('no time recorded');
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
        framework: { name, source: name },
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
