import type { FrameworkProblem } from './problem.js';
import type { RuleContext, RuleKinds } from './rule-kind.js';

/**
 * Enabled rules that no ticket could ever make fire under this framework: not wrong, but a rule
 * the framework's author believes is watching and is not. Reported as warnings.
 */
export function neverFiringRules(kinds: RuleKinds, context: RuleContext): FrameworkProblem[] {
  return context.rules.flatMap((rule) => {
    const why = kinds[rule.check].neverFires?.(rule, context);
    return why ? [{ path: ['rules', context.index(rule)], message: `rule "${rule.id}" can never fire: ${why.message}`, hint: why.hint }] : [];
  });
}
