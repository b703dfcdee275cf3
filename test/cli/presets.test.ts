import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/ingest/presets/index.js';
import { CANONICAL_FIELDS } from '../../src/model/ticket.js';
import { cli } from '../support/cli.js';

interface Shape {
  name: string; role: string; style: string | null; required: string[]; distinctive: string[]; generic: boolean;
  columns: Record<string, string[]>; changes: { field: string[]; from: string[]; to: string[] } | null; text: string[] | null;
}
interface PresetsJson { schemaVersion: string; presets: { id: string; title: string; jsonRecords: string[]; shapes: Shape[] }[] }

describe('escalation-audit presets', () => {
  it('--format json: every preset in detection order, each shape with its columns, required fields and distinctive headers', async () => {
    const r = await cli('presets', '--format', 'json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(r.stdout) as PresetsJson;
    expect(json.schemaVersion).toBe('1.0');
    expect(json.presets.map((p) => p.id)).toEqual(PRESET_IDS);
    for (const p of json.presets) {
      expect(p.title, p.id).not.toBe('');
      for (const s of p.shapes) {
        for (const f of s.required) expect(s.columns[f], `${p.id} ${s.name} ${f}`).not.toHaveLength(0);
        expect(s.style === null, `${p.id} ${s.name}`).toBe(s.role === 'tickets');
        // Fields come in canonical order, so every listing reads the same way.
        const order = Object.keys(s.columns).map((f) => CANONICAL_FIELDS.indexOf(f as never));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(s.distinctive.length > 0 || s.generic, `${p.id} ${s.name}`).toBe(true);
      }
    }
  });

  it.each<[string, string, Partial<Shape>]>([
    ['connectwise', 'service tickets', { role: 'tickets', required: ['id', 'queue'], changes: null, text: null }],
    ['connectwise', 'audit trail', { role: 'history', style: 'text', required: ['id', 'at'], text: ['text', 'Audit Text', 'Description'] }],
    ['servicenow', 'sys_audit', { role: 'history', style: 'diff', changes: { field: ['fieldname', 'Field name'], from: ['oldvalue', 'Old value'], to: ['newvalue', 'New value'] } }],
    ['event-log', 'event log', { role: 'history', style: 'activity', generic: true, required: ['id', 'at'] }],
  ])('%s %s', async (id, shape, expected) => {
    const json = JSON.parse((await cli('presets', id, '--format', 'json')).stdout) as PresetsJson;
    expect(json.presets.map((p) => p.id)).toEqual([id]);
    expect(json.presets[0]!.shapes.find((s) => s.name === shape)).toMatchObject(expected);
  });

  it('names the JSON records a preset unrolls', async () => {
    const json = JSON.parse((await cli('presets', '--format', 'json')).stdout) as PresetsJson;
    expect(Object.fromEntries(json.presets.filter((p) => p.jsonRecords.length).map((p) => [p.id, p.jsonRecords.length]))).toEqual({ zendesk: 1, jira: 1 });
  });

  it('the table: each preset with its title, shapes, accepted headers per field, required fields starred', async () => {
    const r = await cli('presets');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    for (const id of PRESET_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}  \\S`, 'm'));
    expect(r.stdout).toContain('connectwise  ConnectWise PSA (Manage): service tickets; board/status history; audit trail');
    expect(r.stdout).toMatch(/^ {2}service tickets \(ticket list\)\n {4}detected by "Ticket #", "Board", /m);
    expect(r.stdout).toMatch(/^ {4}queue\* +"Board", "Board Name", "Board_Name", "board\/name"$/m);
    expect(r.stdout).toMatch(/^ {4}status +"Status", "Status_Description", "status\/name"$/m);
    expect(r.stdout).toMatch(/^ {2}sys_audit \(history, diff\)$/m);
    expect(r.stdout).toMatch(/^ {4}changed field +"fieldname", "Field name"$/m);
    expect(r.stdout).toContain('or by its field names alone');
    expect(r.stdout).toContain('* = required');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it.each([['an unknown preset', ['nope']], ['an unknown --format', ['--format', 'csv']]])('%s: exit 2', async (_name, args) => {
    const r = await cli('presets', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
