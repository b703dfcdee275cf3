import type { CompiledRule } from '../../framework/model.js';
import type { RuleKind } from '../../framework/rule-kind.js';
import type { Category } from '../../model/finding.js';
import type { Check } from './check.js';
import { misrouted } from './misrouted.js';
import { missedDeEscalation } from './missed-de-escalation.js';
import { overEscalated } from './over-escalated.js';
import { pauseAbuse } from './pause-abuse.js';
import { pingPong } from './ping-pong.js';
import { reopened } from './reopened.js';
import { stalled } from './stalled.js';
import { underEscalated } from './under-escalated.js';
import { workAfterClosure } from './work-after-closure.js';

/**
 * Every check, by the id a framework rule names in `check:`, in the order of the report's categories.
 * The single list: `npm run gen` derives src/model/categories.ts, both JSON Schemas in rules/ and the
 * tables of checks in README.md and rules/README.md from it (test/derived/ fails when one is stale).
 */
export const checks = {
  'misrouted': misrouted,
  'stalled': stalled,
  'over-escalated': overEscalated,
  'under-escalated': underEscalated,
  'missed-de-escalation': missedDeEscalation,
  'ping-pong': pingPong,
  'pause-abuse': pauseAbuse,
  'work-after-closure': workAfterClosure,
  'reopened': reopened,
} as const satisfies { readonly [K in Category]: RuleKind & { readonly id: K } };

export type CheckId = keyof typeof checks;

/** The check of a rule, seen through the rule (the registry's type cannot tie each rule to its own check). */
export const checkOf = (rule: CompiledRule): Check => checks[rule.check] as unknown as Check;
