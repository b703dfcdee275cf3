import type { FrameworkDocument } from './document.js';
import type { CompiledRule, Queue, Route } from './model.js';
import type { FrameworkProblem } from './problem.js';

/**
 * Enabled rules that no ticket could ever make fire under this framework: not wrong, but a rule
 * the framework's author believes is watching and is not. Reported as warnings.
 */
export function neverFiringRules(doc: FrameworkDocument, queues: readonly Queue[], routing: readonly Route[],
  rules: readonly CompiledRule[], pausedStatuses: number): FrameworkProblem[] {
  const lowest = Math.min(...queues.map((q) => q.tier));
  const out: FrameworkProblem[] = [];
  const at = (rule: CompiledRule, message: string, hint: string) =>
    out.push({ path: ['rules', doc.rules.findIndex((r) => r.id === rule.id)], message: `rule "${rule.id}" can never fire: ${message}`, hint });
  for (const rule of rules) {
    switch (rule.check) {
      case 'misrouted': {
        if (routing.length === 0) { at(rule, 'misrouted compares the queue with where routing puts the work, and the framework has no routing', 'add routing entries, or disable the rule'); break; }
        const homes = new Set(routing.map((r) => r.queue));
        if (![...homes].some((home) => queues.some((q) => q !== home && q.tier === home.tier))) {
          at(rule, 'no queue that routing names shares its tier with another queue, so work can never sit in a wrong queue of the right tier', 'misrouted judges queues of one tier; the escalation checks judge the others');
        }
        break;
      }
      case 'over-escalated': {
        if (![...rule.to].every((q) => q.tier <= lowest)) break;
        const written = (doc.rules.find((r) => r.id === rule.id) as { to?: unknown } | undefined)?.to !== undefined;
        if (written) at(rule, `every queue in \`to\` is at the lowest tier (${lowest}), so nothing can move up into it`, 'name the higher queues in `to`, or leave `to` out');
        else at(rule, `every queue of the framework is at tier ${lowest}, so nothing can move up`, 'give the senior queues a higher tier, or disable the rule');
        break;
      }
      case 'pause-abuse':
        if (pausedStatuses === 0) at(rule, 'the framework lists no paused statuses (statuses.paused), so no ticket is ever paused', 'list the statuses that stop the clocks under statuses.paused');
        break;
      case 'ping-pong':
        if (rule.maxQueueChanges === undefined && !rule.returns) at(rule, 'it has no maxQueueChanges and returns: false', 'set maxQueueChanges, or returns: true');
        break;
      default:
        break;
    }
  }
  return out;
}
