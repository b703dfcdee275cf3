import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../../src/model/finding.js';
import { formatCount, formatMoney, formatPercent } from '../../src/report/figures.js';
import { evidenceRows } from '../../src/report/evidence-labels.js';
import { localizeInstants } from '../../src/report/heading.js';
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
    for (const chart of await page.locator('svg.chart').all()) expect((await chart.boundingBox())?.width).toBeGreaterThan(100);
    expect(await page.locator('svg.chart').count()).toBe(3);
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
    await expect(first.locator('table').innerText()).resolves.toContain('Subtype');
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
    // The flow map, findings per week and the queue times: pictures drawn by the report, none from the data.
    expect(await page.locator('svg').count()).toBe(3);
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

  /** Elements whose right edge is past `width` (CSS px), or that scroll sideways inside. */
  // Run in the page (as text: this project's TypeScript has no DOM types).
  const overflowing = (page: Page, width: number): Promise<string[]> => page.evaluate(`[...document.querySelectorAll('body *')].flatMap((el) => {
    const box = el.getBoundingClientRect();
    const scrolls = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
    return (box.right > ${width} + 0.5 || scrolls) && box.width > 0 ? [el.tagName.toLowerCase() + '.' + el.className + ' right ' + Math.round(box.right) + ' > ${width}'] : [];
  })`);
  const pageWidths = (page: Page): Promise<{ scroll: number; client: number }> =>
    page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');

  it('reads at 800 and at 600 px without scrolling sideways', async () => {
    const { report } = await exampleReport();
    const { page } = await load(formatHtml(report), 'narrow.html');
    for (const width of [800, 600]) {
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client } = await pageWidths(page);
      expect(scroll, `at ${width} px`).toBeLessThanOrEqual(client);
      expect(await overflowing(page, client), `at ${width} px`).toEqual([]);
    }
    await page.close();
  });

  // Printable width in CSS px (96 per inch) of the paper less the stylesheet's 14 mm margins.
  const PAPER = { A4: 210, Letter: 215.9 } as const;
  const printable = (mm: number) => Math.floor(((mm - 2 * 14) / 25.4) * 96);

  it.each(Object.keys(PAPER) as (keyof typeof PAPER)[])('prints the bundled example on %s: nothing wider than the page, every finding with its evidence in the PDF text', async (format) => {
    const { report } = await exampleReport();
    const { page } = await load(formatHtml(report), `print-${format}.html`);
    await page.emulateMedia({ media: 'print' });
    const width = printable(PAPER[format]);
    await page.setViewportSize({ width, height: 1000 });
    expect(await overflowing(page, width)).toEqual([]);
    const pdf = await page.pdf({ format, printBackground: true });
    const text = await pdfText(pdf);
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const all = squeeze(text);
    const missing = report.findings.flatMap((f) => evidenceRows(f.evidence, report.framework.timezone)
      .filter(([label, value]) => !all.includes(squeeze(`${label}${value}`))).map(([label, value]) => `${f.id} ${label}: ${value}`));
    expect(missing).toEqual([]);
    expect(all).toContain(squeeze(localizeInstants(report.findings[0]!.message, report.framework.timezone)));
    expect(all).toContain(squeeze('Period covered:'));
    await page.close();
  }, 60_000);
});

/** The text of every page of a PDF, pages joined. */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}
