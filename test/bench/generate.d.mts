// Types for generate.mjs (a plain script, so `node test/bench/run.mjs` needs no build step).
export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: number;
export const BENCH_DIR: string;
export const ORDERS: readonly ('contiguous' | 'interleaved')[];
export const FORMATS: readonly ('csv' | 'ndjson')[];
export const HEADER: readonly string[];
export function parseSize(text: string): number;
export function sizeLabel(events: number): string;
export function createRng(seed: number): () => number;
export function formatBrussels(epochSeconds: number): string;
export function generateEvents(events: number, seed?: number): { rows: string[][]; times: Float64Array };
export function eventOrder(times: Float64Array, order: 'contiguous' | 'interleaved'): Uint32Array;
export function csvLine(cells: readonly string[]): string;
export function ndjsonLine(cells: readonly string[]): string;
export function previewLines(events: number, order: 'contiguous' | 'interleaved', format: 'csv' | 'ndjson', count: number, seed?: number): string[];
export function benchFile(events: number, order: 'contiguous' | 'interleaved', format: 'csv' | 'ndjson', dir?: string): string;
export function ensureExports(events: number, options?: { dir?: string; seed?: number; formats?: string[]; orders?: string[]; log?: (message: string) => void }): Promise<Record<string, string>>;
