/** Where in an input a problem is. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number | string;
}

/**
 * A problem with what the user gave us (export, framework, flags): the run stops with exit 2 and
 * the message names the place and what would be valid. Never a stack trace.
 */
export class InputError extends Error {
  readonly position: SourcePosition | undefined;
  readonly hint: string | undefined;

  constructor(message: string, position?: SourcePosition, hint?: string) {
    super(message);
    this.name = 'InputError';
    this.position = position;
    this.hint = hint;
  }

  /** `file:line:col  message` followed by the hint on its own line. */
  format(): string {
    const where = this.position ? formatPosition(this.position) : '';
    const head = where ? `${where}  ${this.message}` : this.message;
    return this.hint ? `${head}\n  hint: ${this.hint}` : head;
  }
}

/** An input past one of the documented limits: ends the run even under --max-errors (it is not one bad row). */
export class LimitError extends InputError {
  constructor(message: string, position?: SourcePosition, hint?: string) {
    super(message, position, hint);
    this.name = 'LimitError';
  }
}

/** Several input problems reported at once (a framework with five mistakes shows all five). */
export class InputErrors extends Error {
  readonly errors: InputError[];

  constructor(errors: InputError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

export function formatPosition(p: SourcePosition): string {
  let s = p.file;
  if (p.line !== undefined) s += `:${p.line}`;
  if (p.column !== undefined) s += typeof p.column === 'number' ? `:${p.column}` : ` (column "${p.column}")`;
  return s;
}

export function isInputError(e: unknown): e is InputError | InputErrors {
  return e instanceof InputError || e instanceof InputErrors;
}
