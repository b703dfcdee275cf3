import { readFileSync } from 'node:fs';
import { loadExports, type LoadOptions } from '../../../src/ingest/load.js';
import { parseMapping } from '../../../src/ingest/mapping.js';
import type { Ticket } from '../../../src/model/ticket.js';

/** Path of a fixtures/presets file; `-` (stdin) as is. */
export const fixture = (name: string) => (name === '-' ? name : `fixtures/presets/${name}`);

export function mapping(name: string) {
  return parseMapping(readFileSync(fixture(name), 'utf8'), fixture(name));
}

/** Loads fixtures/presets files as the audit does, naive times read as UTC. */
export function load(files: string[], options: Partial<LoadOptions> = {}) {
  return loadExports(files.map(fixture), { timezone: 'UTC', ...options, history: options.history?.map(fixture) });
}

/** A timeline as short lines: "2026-10-13T08:00 queue | status | assignee" (empty when undefined). */
export function timeline(ticket: Ticket | undefined, fields: ('queue' | 'status' | 'assignee' | 'priority')[] = ['queue', 'status']): string[] {
  if (!ticket) throw new Error('no such ticket');
  return ticket.events().map((e) => `${new Date(e.at).toISOString().slice(0, 16)} ${fields.map((f) => e[f] ?? '').join(' | ')}`);
}

export const ticket = (tickets: Ticket[], id: string) => tickets.find((t) => t.id === id);
