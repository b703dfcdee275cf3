import type { CompiledRule } from '../../framework/model.js';
import type { CheckOf } from './check.js';
import { misrouted } from './misrouted.js';
import { missedDeEscalation } from './missed-de-escalation.js';
import { overEscalated } from './over-escalated.js';
import { pauseAbuse } from './pause-abuse.js';
import { pingPong } from './ping-pong.js';
import { stalled } from './stalled.js';
import { underEscalated } from './under-escalated.js';
import { workAfterClosure } from './work-after-closure.js';

/** Every check, by the id a framework rule names in `check:`. */
export const checks = {
  'misrouted': misrouted,
  'stalled': stalled,
  'over-escalated': overEscalated,
  'under-escalated': underEscalated,
  'missed-de-escalation': missedDeEscalation,
  'ping-pong': pingPong,
  'pause-abuse': pauseAbuse,
  'work-after-closure': workAfterClosure,
} as const;

export type CheckId = keyof typeof checks;

/** The check of a rule, typed for that rule. */
export const checkOf = <R extends CompiledRule>(rule: R): CheckOf<R> => checks[rule.check] as unknown as CheckOf<R>;
