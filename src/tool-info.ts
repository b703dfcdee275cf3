import { readFileSync } from 'node:fs';

let cached: { name: string; version: string } | undefined;

/** Name and version from the package's own package.json (the same in the repo and when installed). */
export function toolInfo(): { name: string; version: string } {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
