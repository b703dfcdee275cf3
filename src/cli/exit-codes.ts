/** The exit codes are a contract (README "Exit codes"). */
export const ExitCode = {
  /** The audit ran; nothing at or above --fail-on. */
  Ok: 0,
  /** The audit ran and found something at or above --fail-on. */
  Findings: 1,
  /** It could not run: usage, framework, input or an internal error. */
  Error: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
