import { parseDocument } from 'yaml';
import { InputError, InputErrors } from '../errors.js';
import { suggest } from '../text/did-you-mean.js';
import { compileFramework } from './compile.js';
import { readFrameworkLayers } from './extends.js';
import { DEFAULT_FRAMEWORK_LABEL, DEFAULT_FRAMEWORK_PATH } from './file.js';
import { validateLayers, type FrameworkLayer } from './load.js';
import { mergeLayers } from './merge.js';
import type { Framework } from './model.js';
import type { RuleKinds } from './rule-kind.js';

/** `--set <rule-id>.<key>=<value>`: one rule key changed for a what-if. */
export interface Setting {
  rule: string;
  key: string;
  /** The value as YAML reads it (`45m` a text, `3` a number, `[a, b]` a list). */
  value: unknown;
  /** The flag as given, for messages. */
  text: string;
  /** 1-based column of the value in `text`. */
  valueColumn: number;
}

/** Most --set flags in one run. */
export const MAX_SETTINGS = 50;

const SETTING = /^(.+)\.([A-Za-z][A-Za-z0-9]*)=(.*)$/s;

const where = (text: string, column = 1) => ({ file: `--set ${text}`, line: 1, column });

/** Parses one `--set` value; a malformed one is a usage error saying what the form is. */
export function parseSetting(text: string): Setting {
  const m = SETTING.exec(text);
  if (!m) {
    throw new InputError(`--set ${JSON.stringify(text)} is not <rule-id>.<key>=<value>`, undefined,
      'e.g. --set triage-time-limit.after=45m (the rule id as in the framework, one of its keys, a YAML value)');
  }
  const [, rule, key, raw] = m as unknown as [string, string, string, string];
  const valueColumn = rule.length + key.length + 3;
  const doc = parseDocument(raw, { schema: 'core' });
  if (doc.errors.length > 0 || raw.trim() === '') {
    throw new InputError(`--set ${rule}.${key}: the value is not a YAML value`, where(text, valueColumn), 'write it as in the framework file: 45m, 3, true, [Waiting on Customer]');
  }
  return { rule, key, value: doc.toJS(), text, valueColumn };
}

/** The framework file (or the built-in one) with the settings applied as if a file extending it set them. */
export async function frameworkWithSettings(path: string | undefined, settings: readonly Setting[], kinds: RuleKinds):
  Promise<{ framework: Framework; changes: { rule: string; key: string; from: unknown; to: unknown }[] }> {
  if (settings.length > MAX_SETTINGS) throw new InputError(`${settings.length} --set flags: at most ${MAX_SETTINGS} are accepted`);
  const base = await readFrameworkLayers(path ?? DEFAULT_FRAMEWORK_PATH, path ?? DEFAULT_FRAMEWORK_LABEL);
  const merged = mergeLayers(base.map((l) => l.data)).value as Record<string, unknown>;
  const rules = Array.isArray(merged['rules']) ? merged['rules'] as Record<string, unknown>[] : [];
  const ids = rules.map((r) => String(r['id']));
  const problems: InputError[] = [];
  settings.forEach((s, i) => {
    const earlier = settings.slice(0, i).find((e) => e.rule === s.rule && e.key === s.key);
    if (earlier) {
      problems.push(new InputError(`--set gives ${s.rule}.${s.key} twice (${JSON.stringify(earlier.value)}, then ${JSON.stringify(s.value)})`, where(s.text),
        'give each rule key once; to compare two values, run the what-if once per value'));
    }
  });
  const changes = settings.map((s) => {
    const rule = rules.find((r) => r['id'] === s.rule);
    if (!rule) {
      const near = suggest(s.rule, ids);
      problems.push(new InputError(`--set names rule "${s.rule}", which the framework does not have`, where(s.text),
        near ? `did you mean "${near}"? the rules are: ${ids.join(', ')}` : `the rules are: ${ids.join(', ')}`));
    } else if (s.key === 'id' || s.key === 'check') {
      problems.push(new InputError(`--set cannot change a rule's ${s.key}`, where(s.text, s.rule.length + 2),
        'a what-if changes a rule\'s keys; for another rule set, write a framework and pass it with --compare-framework'));
    }
    return { rule: s.rule, key: s.key, from: rule?.[s.key], to: s.value };
  });
  if (problems.length > 0) throw new InputErrors(problems);
  // Each setting is a layer of its own, so that a problem with its value is placed in its own flag.
  const layers: FrameworkLayer[] = settings.map((s) => settingLayer(s, merged)).reverse();
  const loaded = validateLayers([...layers, ...base]);
  return { framework: compileFramework(loaded, base[0]!.file, kinds), changes };
}

function settingLayer(s: Setting, merged: Record<string, unknown>): FrameworkLayer {
  const valueAt = { line: 1, column: s.valueColumn };
  return {
    file: `--set ${s.text}`,
    data: { version: merged['version'], name: merged['name'], rules: [{ id: s.rule, [s.key]: s.value }] },
    positions: { at: () => valueAt, keyAt: () => ({ line: 1, column: s.rule.length + 2 }) },
    problems: [],
  };
}
