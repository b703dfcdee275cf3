import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * Tests that need something a fresh clone lacks: the real exports (../shared/data, never copied into
 * the repo) or a browser (Debian's chromium). Present: the group runs. Absent: locally the group is
 * skipped with one line saying what is missing and how to run it; with CI set it fails, so CI can
 * never pass by skipping.
 */
export interface Resource {
  /** What the group needs, in words. */
  what: string;
  /** What is missing, or undefined when everything is there. */
  missing: string | undefined;
  /** How to point the tests at it. */
  howTo: string;
}

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Folder of the real exports: ESCALATION_AUDIT_DATA (absolute, or relative to the repo), default ../shared/data. */
export const DATA_DIR = resolve(REPO, process.env['ESCALATION_AUDIT_DATA'] || '../shared/data');

/** The browser for the HTML checks: CHROMIUM, default Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env['CHROMIUM'] || '/usr/bin/chromium';

/** Path of a real export in the data folder (read in place). */
export const dataFile = (name: string): string => join(DATA_DIR, name);

/** CI is set (CI=1, CI=true, ...): a missing resource fails instead of skipping. */
export const inCi = (env: Record<string, string | undefined> = process.env): boolean => {
  const ci = env['CI']?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
};

/** The real exports named, in the data folder. */
export const realData = (...names: string[]): Resource => realDataIn(DATA_DIR, names);

/** {@link realData} in a given folder. */
export function realDataIn(dir: string, names: string[]): Resource {
  const absent = names.filter((n) => !existsSync(join(dir, n)));
  return {
    what: `the real exports ${names.join(', ')}`,
    missing: absent.length === 0 ? undefined
      : existsSync(dir) ? `${absent.join(', ')} not in ${dir}` : `no data folder ${dir}`,
    howTo: 'ESCALATION_AUDIT_DATA=dir npm test (default: ../shared/data beside the repo)',
  };
}

/** A Chromium executable for the HTML report's end-to-end checks. */
export function chromiumBrowser(): Resource {
  return {
    what: 'a Chromium browser',
    missing: isAbsolute(CHROMIUM) && existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM}`,
    howTo: 'CHROMIUM=path npm test (default: /usr/bin/chromium; apt-get install -y chromium)',
  };
}

/** A command on the PATH (jq, for the README examples that pipe into it). */
export function commandOnPath(name: string, install: string): Resource {
  const found = (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, name)));
  return { what: `the command ${name}`, missing: found ? undefined : `no ${name} on the PATH`, howTo: `${install} (then npm test)` };
}

/** The line printed for a skipped group (exported for the helper's own test). */
export const skipLine = (group: string, r: Resource): string => `skipped "${group}": ${r.missing}; run it with ${r.howTo}`;

/** The error a group fails with under CI when its resource is missing. */
export const ciError = (group: string, r: Resource): Error => new Error(`required in CI: ${r.what} for "${group}": ${r.missing}; ${r.howTo}`);

/**
 * `describe(group, body)` when `resource` is there. Otherwise the body is not even collected (it may
 * read the files at collection time): under CI the group is one failing test; locally one skipped
 * test, and one line on stdout says what is missing and how to run the group.
 */
export function describeWith(resource: Resource, group: string, body: () => void): void {
  if (resource.missing === undefined) {
    describe(group, body);
  } else if (inCi()) {
    describe(group, () => {
      it(`needs ${resource.what}`, () => {
        throw ciError(group, resource);
      });
    });
  } else {
    process.stdout.write(`${skipLine(group, resource)}\n`);
    describe.skip(group, () => {
      it(`needs ${resource.what}`, () => {});
    });
  }
}
