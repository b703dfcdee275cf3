import type { FrameworkDocument } from './document.js';
import { durationMinutes, type Duration } from './duration.js';
import { DEFAULT_PRIORITY_KEY, limitFor, type Limit } from './limit.js';
import type { CompiledRule, Queue, Route, RuleOf } from './model.js';
import type { FrameworkProblem } from './problem.js';

/** What the cross checks look at: the document (for paths) and its compiled, fully resolved parts. */
export interface MeaningInput {
  doc: FrameworkDocument;
  queues: ReadonlyMap<string, Queue>;
  routing: readonly Route[];
  /** Enabled rules only: a disabled rule constrains nothing. */
  rules: readonly CompiledRule[];
}

/**
 * Problems only visible across several parts of a framework (rules/README.md "Validation"):
 * unreachable queues and limits that contradict each other. Run once every reference resolves,
 * so that a misspelt queue id is reported as such and not also as an unreachable queue.
 */
export function findMeaningProblems(input: MeaningInput): FrameworkProblem[] {
  return [...unreachableQueues(input), ...contradictingLimits(input), ...limitlessEscalations(input)];
}

const isMove = (r: CompiledRule): r is RuleOf<'under-escalated'> | RuleOf<'missed-de-escalation'> =>
  r.check === 'under-escalated' || r.check === 'missed-de-escalation';

/**
 * With `routing`, work enters the framework at the queues routing names (and the `entry` queues), and moves on only where
 * an under-escalated or missed-de-escalation rule sends it from a queue it can be in. A queue
 * neither reaches can hold work only by mistake. Without routing every queue is a way in.
 */
function unreachableQueues({ queues, routing, rules }: MeaningInput): FrameworkProblem[] {
  if (routing.length === 0) return [];
  const reached = new Set([...routing.map((r) => r.queue), ...[...queues.values()].filter((q) => q.entry)]);
  const moves = rules.filter(isMove);
  for (let grew = true; grew;) {
    grew = false;
    for (const rule of moves) {
      if (![...rule.from].some((q) => reached.has(q))) continue;
      for (const q of rule.to) if (!reached.has(q)) { reached.add(q); grew = true; }
    }
  }
  return [...queues.values()].filter((q) => !reached.has(q)).map((q) => ({
    path: ['queues', q.id],
    pointAtKey: true,
    message: `queue "${q.id}" is unreachable: no routing entry sends work there, it is no entry queue, and no enabled under-escalated or missed-de-escalation rule moves work there from a queue that is reachable`,
    hint: `add a routing entry with queue: ${q.id}, mark it \`entry: true\` if work may start there, name it in the \`to\` of an escalation rule, or remove the queue`,
  }));
}

/**
 * An over-escalated `minEffort` at least as long as a pure time limit (`after`, no `when`) on the
 * same move leaves no right moment: moving up earlier is over-escalated, later under-escalated.
 */
function contradictingLimits({ doc, rules }: MeaningInput): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const efforts = rules.filter((r): r is RuleOf<'over-escalated'> => r.check === 'over-escalated');
  const budgets = rules.filter((r): r is RuleOf<'under-escalated'> => r.check === 'under-escalated' && r.when === undefined);
  for (const effort of efforts) {
    for (const budget of budgets) {
      if ((effort.clock ?? 'business') !== (budget.clock ?? 'business')) continue;
      const move = pairs(budget).find(([from, to]) => effort.to.has(to) && to.tier > from.tier);
      if (!move) continue;
      const [from, to] = move;
      const clash = firstClash(effort.minEffort, budget.after, from, effort.clock ?? 'business');
      if (!clash) continue;
      const forPriority = clash.priority === undefined ? '' : ` for priority ${clash.priority}`;
      problems.push({
        path: ['rules', ruleIndex(doc, effort.id), 'minEffort'],
        message: `minEffort ${clash.effort.text}${forPriority} is not shorter than the time limit ${clash.budget.text} of rule "${budget.id}" (${from.id} -> ${to.id}): moving up earlier is over-escalated and later under-escalated, so no escalation by time is ever right`,
        hint: `make minEffort shorter than ${clash.budget.text}, or give rule "${budget.id}" more time`,
      });
    }
  }
  return problems;
}

/** An under-escalated rule with neither `when` nor time in `after` flags every ticket that enters its queues. */
function limitlessEscalations({ doc, rules }: MeaningInput): FrameworkProblem[] {
  return rules.filter((r): r is RuleOf<'under-escalated'> => r.check === 'under-escalated' && r.when === undefined)
    .filter((r) => durations(r.after).every((d) => d.days === 0 && d.minutes === 0))
    .map((r) => {
      const i = ruleIndex(doc, r.id);
      const written = (doc.rules[i] as { after?: unknown } | undefined)?.after !== undefined;
      return {
        path: written ? ['rules', i, 'after'] : ['rules', i],
        message: `an under-escalated rule with no \`when\` and no time in \`after\` flags every ticket the moment it enters ${[...r.from].map((q) => q.id).join(', ')}`,
        hint: 'give the queue time (after: 30m), or say when it must escalate (when: ...)',
      };
    });
}

function pairs(rule: RuleOf<'under-escalated'>): [Queue, Queue][] {
  return [...rule.from].flatMap((from) => rule.to.map((to): [Queue, Queue] => [from, to]));
}

const durations = (limit: Limit): Duration[] => [...(limit.fallback ? [limit.fallback] : []), ...limit.byPriority.values()];

/** The first priority (or the common limit) for which the effort is not shorter than the budget. */
function firstClash(effort: Limit, budget: Limit, from: Queue, clock: 'business' | 'wall') {
  const day = { dayMinutes: clock === 'wall' ? 1440 : from.calendar.dayMinutes };
  const classes = [undefined, ...new Set([...effort.byPriority.keys(), ...budget.byPriority.keys()])];
  for (const priority of classes) {
    const e = priority === undefined ? effort.fallback : limitFor(effort, priority);
    const b = priority === undefined ? budget.fallback : limitFor(budget, priority);
    if (e && b && durationMinutes(e, day) > 0 && durationMinutes(e, day) >= durationMinutes(b, day)) {
      return { priority: priority === DEFAULT_PRIORITY_KEY ? undefined : priority, effort: e, budget: b };
    }
  }
  return undefined;
}

const ruleIndex = (doc: FrameworkDocument, id: string) => doc.rules.findIndex((r) => r.id === id);
