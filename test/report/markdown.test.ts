import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/result.js';
import { escapeMarkdown } from '../../src/report/markdown-escape.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { hostileFinding, hostileString, withFindings } from './hostile-strings.js';
import { sampleReport } from './sample-report.js';

/** Cells of a GFM table row: a backslash takes the next character with it, so `\|` is text, `\\|` a border. */
function cells(line: string): string[] {
  const found: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') { current += c + (line[i + 1] ?? ''); i++; } else if (c === '|') { found.push(current); current = ''; } else current += c;
  }
  found.push(current);
  return found.slice(1, -1);
}

/** Every table: consecutive lines starting with `|`; each row must have as many cells as the header. */
function tables(markdown: string): string[][] {
  const result: string[][] = [];
  let table: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) table.push(line);
    else if (table.length) { result.push(table); table = []; }
  }
  if (table.length) result.push(table);
  return result;
}

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['`code`', '\\`code\\`'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['[click](http://evil)', '\\[click\\](http://evil)'],
    ['![img](http://evil/x.png)', '!\\[img\\](http://evil/x.png)'],
    ['**bold** _it_ ~~del~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~del\\~\\~'],
    ['line\r\nbreak\nand\rmore', 'line break and more'],
    ['back\\slash', 'back\\\\slash'],
    ['R&D &amp; &#60; &x', 'R&D &amp;amp; &\\#60; &x'],
    ['$x$ costs $5', '\\$x\\$ costs \\$5'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['  padded  ', 'padded'],
    ['red\u001b[31m text\u0007', 'red text'],
    ['T-1042', 'T-1042'],
  ])('%j becomes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('formatMarkdown', () => {
  const out = formatMarkdown(sampleReport);

  it('matches the snapshot', async () => {
    await expect(out).toMatchFileSnapshot('./__snapshots__/report.md');
  });

  it('has a summary, a queue table and a section per kind with findings', () => {
    expect(out).toMatch(/^# Acme Corp - Q4 fitness check\n/);
    expect(out).toContain('- **Period covered:** 2026-09-14 09:02 Mon to 2026-10-06 18:40 Tue\n- **As of:** 2026-10-07 08:00 Wed (times in Europe/Amsterdam)');
    expect(out).not.toMatch(/Period.*Period/);
    expect(out).toContain('- **Inputs:** tickets.csv (connectwise tickets, 48 tickets);');
    expect(out).toContain('\nThe audit covers 48 tickets from 2026-09-14 to 2026-10-06 and found 8 findings');
    expect(out).toContain('| when (Europe/Amsterdam) |');
    expect(out).toContain('\n## Summary\n');
    expect(out).toContain('\n## Queues\n');
    const kinds = [...out.matchAll(/^### ([a-z-]+) \((\d+) findings?\)$/gm)].map((m) => [m[1], Number(m[2])]);
    expect(kinds).toEqual([['misrouted', 2], ['stalled', 2], ['over-escalated', 1], ['under-escalated', 1], ['missed-de-escalation', 1], ['ping-pong', 1]]);
    expect(out).toContain('| Fitness score | 89.6% |');
    expect(out).toContain('| Estimated cost | 1,900.25 EUR (6 of 8 findings priced) |');
  });

  it('writes valid tables: a delimiter row and the same number of cells in every row', () => {
    for (const table of tables(out)) {
      const width = cells(table[0]!).length;
      expect(cells(table[1]!).every((c) => /^ ?-{3}:? ?$/.test(c))).toBe(true);
      for (const row of table) expect(cells(row)).toHaveLength(width);
    }
  });

  it('says so when there are no findings', () => {
    expect(formatMarkdown(withFindings([]))).toContain('## Findings\n\nNo findings in 48 tickets.\n');
  });

  it('keeps hostile values inside their cells and out of markup', () => {
    const notes = fc.array(hostileString(), { maxLength: 3 });
    fc.assert(fc.property(fc.array(hostileFinding, { minLength: 1, maxLength: 4 }), notes, hostileString(), (findings, n, name) => {
      const report: Report = { ...withFindings(findings), notes: n, framework: { name, source: name, timezone: 'UTC' } };
      const md = formatMarkdown(report);
      const all = tables(md);
      expect(all.length).toBeGreaterThanOrEqual(3 + 1);
      for (const table of all) {
        const width = cells(table[0]!).length;
        for (const row of table) expect(cells(row)).toHaveLength(width);
      }
      expect(md).not.toContain('<');
      expect(md).not.toMatch(/(^|[^\\])(\\\\)*`/);
      for (const line of md.split('\n').filter((l) => l.startsWith('- ') && !l.startsWith('- **'))) {
        expect(line.slice(2)).not.toMatch(/^(\s|[-+*>#=]|\d+[.)])/);
      }
    }), { numRuns: 200 });
  });
});
