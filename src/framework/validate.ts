import { InputError, InputErrors, isInputError } from '../errors.js';
import { compileFramework } from './compile.js';
import { loadFrameworkDocument } from './file.js';
import type { RuleKinds } from './rule-kind.js';

/** Which validation pass found a problem: structure (YAML, schema, `extends`) or meaning (references, reachability, limits). */
export type ValidationPass = 'structure' | 'meaning';

/** One problem in a framework file; `line`/`column` are null when it concerns the whole file. */
export interface ValidationProblem {
  file: string;
  line: number | null;
  column: number | null;
  pass: ValidationPass;
  message: string;
  hint: string | null;
}

/** What a framework that validated clean holds. */
export interface FrameworkSummary {
  name: string;
  queues: number;
  /** Every rule, enabled or not. */
  rules: number;
  enabledRules: number;
  calendars: number;
  /** The files it extends, nearest first (empty without `extends`). */
  bases: string[];
}

export interface FrameworkValidation {
  file: string;
  valid: boolean;
  /** Null when the framework has problems. */
  framework: FrameworkSummary | null;
  /** Every problem of the pass that failed, in file order (the meaning pass runs once the structure is right). */
  problems: ValidationProblem[];
  /** A valid framework's rules that can never fire (added in 1.1 of the validate JSON; empty when invalid). */
  warnings: ValidationProblem[];
}

/** Runs both validation passes on a framework file (with the files it extends); InputErrors become problems, never a throw. */
export async function validateFramework(path: string, kinds: RuleKinds): Promise<FrameworkValidation> {
  let pass: ValidationPass = 'structure';
  try {
    const loaded = await loadFrameworkDocument(path);
    pass = 'meaning';
    const framework = compileFramework(loaded, loaded.file, kinds);
    const { document } = loaded;
    return {
      file: path,
      valid: true,
      framework: {
        name: framework.name,
        queues: framework.queues.length,
        rules: document.rules.length,
        enabledRules: document.rules.filter((r) => r.enabled !== false).length,
        calendars: Object.keys(document.calendars ?? {}).length,
        bases: (loaded.files ?? []).slice(1),
      },
      problems: [],
      warnings: framework.warnings.map((w) => toProblem(w, path, 'meaning')),
    };
  } catch (e) {
    if (!isInputError(e)) throw e;
    const errors = e instanceof InputErrors ? e.errors : [e as InputError];
    return { file: path, valid: false, framework: null, problems: errors.map((x) => toProblem(x, path, pass)), warnings: [] };
  }
}

function toProblem(e: InputError, file: string, pass: ValidationPass): ValidationProblem {
  const column = e.position?.column;
  return {
    file: e.position?.file ?? file,
    line: e.position?.line ?? null,
    column: typeof column === 'number' ? column : null,
    pass,
    message: e.message,
    hint: e.hint ?? null,
  };
}
