import type { Report } from '../model/result.js';
import { findingSections } from './html-findings.js';
import { fitSection, whatIfSection } from './html-fit.js';
import { escapeHtml } from './html-escape.js';
import { offenders } from './html-offenders.js';
import { STYLE } from './html-style.js';
import { assignees, figures, headline, kinds, notes, queues } from './html-summary.js';
import { formatInstant } from './text.js';

/** Nothing loads, nothing runs: only the inline styles of this file and data: images. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function head(report: Report): string {
  const title = `Escalation audit: ${report.framework.name}, as of ${formatInstant(report.asOf)}`;
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
  const inputs = report.inputs.map((i) => `${escapeHtml(i.file)} (${escapeHtml(i.preset)} ${escapeHtml(i.role)})`).join(', ');
  return [
    '<h1>Escalation audit</h1>',
    `<p class="meta">${escapeHtml(report.framework.name)} — ${escapeHtml(report.framework.source)} — as of ${escapeHtml(formatInstant(report.asOf))}</p>`,
    inputs ? `<p class="meta">Inputs: ${inputs}</p>` : '',
  ].filter(Boolean).join('\n');
}

/**
 * The report as one self-contained HTML file for a browser or a mail body: inline CSS and SVG, no
 * script, no external request (enforced by its Content-Security-Policy), every value escaped.
 */
export function formatHtml(report: Report): string {
  const currency = report.summary.currency === null ? null : escapeHtml(report.summary.currency);
  const body = [
    intro(report), headline(report, currency), '<h2>Summary</h2>', figures(report), notes(report), kinds(report),
    queues(report, currency), assignees(report, currency), offenders(report, currency),
    findingSections(report.findings, report.resolved ?? [], currency),
    fitSection(report.fit), report.whatIf ? whatIfSection(report.whatIf) : '',
  ].filter(Boolean);
  const footer = `<p class="muted">${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}, report schema ${escapeHtml(report.schemaVersion)}</p>`;
  return `<!DOCTYPE html>\n<html lang="en">\n${head(report)}\n<body>\n<div class="wrap">\n${body.join('\n')}\n${footer}\n</div>\n</body>\n</html>\n`;
}
