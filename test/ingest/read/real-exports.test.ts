import { expect, it } from 'vitest';
import { readJson } from '../../../src/ingest/read/json.js';
import { sniffFormat } from '../../../src/ingest/read/sniff.js';
import { readCsv } from '../../../src/ingest/read/csv.js';
import { dataFile, describeWith, realData } from '../../support/requires.js';

/** Counts rows without keeping them, as the tool does, and checks every row's width and line order. */
async function countCsv(name: string) {
  const path = dataFile(name);
  let width = -1;
  let lastLine = 0;
  let problems = 0;
  let multiLineRows = 0;
  const firstLines: number[] = [];
  const result = await readCsv(path, {
    onHeader: (header) => void (width = header.headers.length),
    onRow: (cells, line) => {
      if (cells.length !== width || line <= lastLine) problems++;
      if (line > lastLine + 1) multiLineRows++;
      if (firstLines.length < 3) firstLines.push(line);
      lastLine = line;
    },
  });
  return { ...result, problems, lastLine, multiLineRows, firstLines };
}

const FILES = ['jira-cloud-export.csv', 'servicenow-incident-events.csv', 'vinst-incidents.csv', 'freshdesk-activities.json'];

describeWith(realData(...FILES), 'real exports in the data folder, read in place', () => {
  it('jira-cloud-export.csv: 311 rows x 379 columns, BOM, repeated headers, multi-line cells', async () => {
    const read = await countCsv('jira-cloud-export.csv');
    expect(read.rows).toBe(311);
    expect(read.header.headers).toHaveLength(379);
    expect(read.header.keys).toHaveLength(379);
    expect(new Set(read.header.keys).size).toBe(379);
    expect(read.info).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(read.header.headers[0]).toBe('Summary');
    expect(read.header.headers.filter((h) => h === 'Comment')).toHaveLength(75);
    expect(read.header.headers.filter((h) => h === 'Log Work')).toHaveLength(216);
    expect(read.header.keys).toContain('Comment #75');
    expect(read.problems).toBe(0);
    expect(read.multiLineRows).toBeGreaterThan(0);
    // Start lines as Python's csv module counts them (line_num of the previous record + 1).
    expect(read.firstLines).toEqual([2, 22, 120]);
    expect(read.lastLine).toBe(4891);
  });

  it('servicenow-incident-events.csv: 119,998 rows x 36 columns', async () => {
    const read = await countCsv('servicenow-incident-events.csv');
    expect(read.rows).toBe(119_998);
    expect(read.header.headers).toHaveLength(36);
    expect(read.header.headers.slice(0, 3)).toEqual(['number', 'incident_state', 'active']);
    expect(read.info).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(read.problems).toBe(0);
    expect(read.lastLine).toBe(119_999);
  });

  it('vinst-incidents.csv: 65,533 rows, BOM, CRLF', async () => {
    const read = await countCsv('vinst-incidents.csv');
    expect(read.rows).toBe(65_533);
    expect(read.info).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(read.header.headers).toContain('ST Level');
    expect(read.header.headers).toContain('Involved ST');
    expect(read.header.headers[0]).toBe('SR Number');
    expect(read.problems).toBe(0);
  });

  it('freshdesk-activities.json: wrapper key activities_data, 2,485 records', async () => {
    const path = dataFile('freshdesk-activities.json');
    expect(await sniffFormat(path)).toBe('json');
    const read = await readJson(path);
    expect(read.wrapperKey).toBe('activities_data');
    expect(read.format).toBe('json');
    expect(read.records).toHaveLength(2485);
    expect(read.records[0]?.value).toMatchObject({ ticket_id: 224, performed_at: '21-05-2026 14:12:04 +0000' });
    expect(read.records.every((r) => r.line === 1)).toBe(true);
  });
});
