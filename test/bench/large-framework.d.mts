// Types for large-framework.mjs (a plain script, so the benchmark needs no build step).
export function largeFramework(queueCount: number, ruleCount: number): string;
