import type { Report } from '../model/result.js';
import type { FormatOptions } from './formatters.js';
import { findingSections } from './html-findings.js';
import { fitSection, whatIfSection } from './html-fit.js';
import { escapeHtml } from './html-escape.js';
import { flowMap } from './html-flow-map.js';
import { offenders } from './html-offenders.js';
import { STYLE } from './html-style.js';
import { assignees, figures, headline, kinds, notes, queues } from './html-summary.js';
import { trendChart, weeklyChart } from './html-time-charts.js';
import { fileName, heading, whenLine } from './heading.js';
import { summaryInWords } from './summary-words.js';

/** Nothing loads, nothing runs: only the inline styles of this file and data: images. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function head(report: Report): string {
  const h = heading(report);
  const title = `${h.title}: ${h.framework}, as of ${h.asOf}`;
  return [
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
  ].join('\n');
}

function intro(report: Report): string {
  const h = heading(report);
  return [
    `<h1>${escapeHtml(h.title)}</h1>`,
    `<p class="meta">Escalation audit against <strong>${escapeHtml(h.framework)}</strong> (${escapeHtml(fileName(report.framework.source))})</p>`,
    `<p class="meta" data-metric="period">${escapeHtml(whenLine(h))}</p>`,
    h.inputs.length ? `<p class="meta">Inputs: ${h.inputs.map(escapeHtml).join(', ')}</p>` : '',
    `<div class="lead" data-metric="summary-in-words">${summaryInWords(report).map((s) => `<p>${escapeHtml(s)}</p>`).join('')}</div>`,
  ].filter(Boolean).join('\n');
}

/** The flow map, findings per week and the fitness trend; each only when there is something to draw. */
function pictures(report: Report): string {
  const parts = [
    ['How tickets moved between queues', 'Each arrow is a move tickets made, with how many; moves with a finding on them and moves a finding asked for are in the warning colour.', flowMap(report)],
    ['Findings per week', `By kind, weeks starting on Monday in ${report.framework.timezone}.`, weeklyChart(report)],
    ['Fitness over time', 'The fitness score of every audit of the series, carried forward from baseline to baseline.', trendChart(report)],
  ].filter(([, , svg]) => svg !== '');
  if (parts.length === 0) return '';
  return ['<h2>Pictures</h2>', ...parts.map(([title, about, svg]) => `<h3>${escapeHtml(title!)}</h3>\n<p class="muted">${escapeHtml(about!)}</p>\n${svg}`)].join('\n');
}

const section = (html: string) => (html === '' ? '' : `<section>\n${html}\n</section>`);

/**
 * The report as one self-contained HTML file for a browser, a mail body or paper: inline CSS and SVG,
 * no script, no external request (enforced by its Content-Security-Policy), every value escaped.
 * Long lists are cut to what a reader reads (the top 15 queues and assignees, 25 findings per kind
 * unless `findingsPerKind` says otherwise), each with a line saying what is left out and where it is.
 */
export function formatHtml(report: Report, options?: Partial<FormatOptions>): string {
  const currency = report.summary.currency === null ? null : escapeHtml(report.summary.currency);
  const view = { currency, timezone: report.framework.timezone, perKind: options?.findingsPerKind, fullList: options?.fullList };
  const body = [
    section(intro(report) + '\n' + headline(report, currency)),
    section(['<h2>Summary</h2>', figures(report), notes(report), kinds(report)].filter(Boolean).join('\n')),
    section(pictures(report)),
    section(queues(report, currency, options?.fullRows)), section(assignees(report, currency, options?.fullRows)), section(offenders(report, currency)),
    section(findingSections(report.findings, report.resolved ?? [], view)),
    section(fitSection(report.fit)), report.whatIf ? section(whatIfSection(report.whatIf)) : '',
  ].filter(Boolean);
  const footer = `<p class="muted">${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}, report schema ${escapeHtml(report.schemaVersion)}</p>`;
  return `<!DOCTYPE html>\n<html lang="en">\n${head(report)}\n<body>\n<div class="wrap">\n${body.join('\n')}\n${footer}\n</div>\n</body>\n</html>\n`;
}
