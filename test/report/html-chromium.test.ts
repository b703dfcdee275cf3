import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../../src/model/finding.js';
import { formatCount, formatMoney, formatPercent } from '../../src/report/figures.js';
import { formatHtml } from '../../src/report/html.js';
import { exampleReport } from './example-report.js';
import { sampleReport } from './sample-report.js';
import { CHROMIUM, chromiumBrowser, describeWith } from '../support/requires.js';

// Debian's chromium (CHROMIUM=path to use another), installed by CI with apt-get; a test never downloads a browser.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

interface Loaded { page: Page; url: string; errors: string[]; requests: string[]; failed: string[]; dialogs: string[] }

describeWith(chromiumBrowser(), 'the HTML report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  // A server the hostile markup points at: it must never hear from the page.
  let server: Server;
  let origin: string;
  const hits: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'escalation-audit-html-'));
    server = createServer((req, res) => { hits.push(req.url ?? ''); res.end(); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function load(html: string, name: string): Promise<Loaded> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await context.newPage();
    const loaded: Loaded = { page, url: pathToFileURL(file).href, errors: [], requests: [], failed: [], dialogs: [] };
    page.on('console', (m) => { if (m.type() === 'error') loaded.errors.push(m.text()); });
    page.on('pageerror', (e) => loaded.errors.push(e.message));
    page.on('request', (r) => loaded.requests.push(r.url()));
    page.on('requestfailed', (r) => loaded.failed.push(r.url()));
    page.on('dialog', (d) => { loaded.dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(loaded.url, { waitUntil: 'load' });
    return loaded;
  }

  const text = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"]`).innerText();

  it("shows the bundled example's headline numbers, with no console error and no request but the page", async () => {
    const { report } = await exampleReport();
    const { page, url, errors, requests, failed } = await load(formatHtml(report), 'example.html');
    const s = report.summary;
    expect(await text(page, 'tickets')).toBe(formatCount(s.tickets));
    expect(await text(page, 'findings')).toBe(formatCount(s.findings));
    for (const severity of SEVERITIES) expect(await text(page, severity)).toBe(formatCount(s.bySeverity[severity]));
    for (const c of CATEGORIES) expect(await text(page, `kind-${c}`)).toBe(formatCount(s.byCategory[c]));
    expect(await text(page, 'fitness')).toBe(formatPercent(s.fitnessScore));
    expect(await text(page, 'cost')).toBe(formatMoney(s.estimatedCost!, s.currency));
    await expect(page.locator('[data-metric="tickets"]').isVisible()).resolves.toBe(true);
    expect(await page.locator('details.finding').count()).toBe(report.findings.length);
    const chart = await page.locator('svg.chart').boundingBox();
    expect(chart?.width).toBeGreaterThan(100);
    expect(await page.locator('script').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('opens a finding to show its evidence', async () => {
    const { page } = await load(formatHtml(sampleReport), 'sample.html');
    const first = page.locator('details.finding').first();
    await expect(first.locator('table').isVisible()).resolves.toBe(false);
    await first.locator('summary').click();
    await expect(first.locator('table').isVisible()).resolves.toBe(true);
    await expect(first.locator('table').innerText()).resolves.toContain('evidence: subtype');
    await page.close();
  });

  it('shows hostile ticket text as text: nothing runs, nothing loads', async () => {
    const hostile = [
      `<img src="${origin}/pixel.png" onerror="alert(1)">`,
      '<script>alert(2)</script>',
      `<style>@import url(${origin}/a.css);</style>`,
      '"><svg onload=alert(3)>',
    ];
    const report = {
      ...sampleReport,
      findings: sampleReport.findings.map((f, i) => ({ ...f, summary: hostile[i % hostile.length]!, message: hostile[(i + 1) % hostile.length]! })),
    };
    const { page, url, errors, requests, dialogs } = await load(formatHtml(report), 'hostile.html');
    expect(await page.locator('img, script, iframe').count()).toBe(0);
    expect(await page.locator('svg').count()).toBe(1);
    await expect(page.locator('body').innerText()).resolves.toContain('<script>alert(2)</script>');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(hits).toEqual([]);
    await page.close();
  });

  it('would block a resource even if one slipped into the page: the Content-Security-Policy holds', async () => {
    const leaked = formatHtml(sampleReport).replace('<body>', `<body><img src="${origin}/leak.png"><script>alert(4)</script>`);
    const { page, errors, dialogs } = await load(leaked, 'leaked.html');
    expect(dialogs).toEqual([]);
    expect(hits).toEqual([]);
    // Chromium words these its own way from version to version; what they are about is stable.
    expect(errors).toHaveLength(2);
    expect(errors.filter((e) => e.includes('Content Security Policy') && e.includes('leak.png'))).toHaveLength(1);
    expect(errors.filter((e) => e.includes('Content Security Policy') && /inline script/i.test(e))).toHaveLength(1);
    await page.close();
  });
});
