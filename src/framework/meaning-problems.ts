import type { CompiledRule, Queue } from './model.js';
import type { FrameworkProblem } from './problem.js';
import type { RuleContext, RuleKinds } from './rule-kind.js';

/**
 * Problems only visible across several parts of a framework (rules/README.md "Validation"):
 * unreachable queues, and what each check finds across rules (limits that contradict each other).
 * Run once every reference resolves, so that a misspelt queue id is reported as such and not also
 * as an unreachable queue.
 */
export function findMeaningProblems(kinds: RuleKinds, context: RuleContext): FrameworkProblem[] {
  return [...unreachableQueues(kinds, context), ...context.rules.flatMap((rule) => kinds[rule.check].problems?.(rule, context) ?? [])];
}

/**
 * With `routing`, work enters the framework at the queues routing names (and the `entry` queues), and moves on only where
 * a rule that moves work (under-escalated, missed-de-escalation) sends it from a queue it can be in. A queue
 * neither reaches can hold work only by mistake. Without routing every queue is a way in.
 */
function unreachableQueues(kinds: RuleKinds, { queues, routing, rules }: RuleContext): FrameworkProblem[] {
  if (routing.length === 0) return [];
  const reached = new Set([...routing.map((r) => r.queue), ...queues.filter((q) => q.entry)]);
  const moves = rules.flatMap((rule: CompiledRule) => {
    const m = kinds[rule.check].moves?.(rule);
    return m ? [{ from: [...m.from], to: [...m.to] }] : [];
  });
  for (let grew = true; grew;) {
    grew = false;
    for (const move of moves) {
      if (!move.from.some((q) => reached.has(q))) continue;
      for (const q of move.to) if (!reached.has(q)) { reached.add(q); grew = true; }
    }
  }
  return queues.filter((q: Queue) => !reached.has(q)).map((q) => ({
    path: ['queues', q.id],
    pointAtKey: true,
    message: `queue "${q.id}" is unreachable: no routing entry sends work there, it is no entry queue, and no enabled under-escalated or missed-de-escalation rule moves work there from a queue that is reachable`,
    hint: `add a routing entry with queue: ${q.id}, mark it \`entry: true\` if work may start there, name it in the \`to\` of an escalation rule, or remove the queue`,
  }));
}
