import { misrouted } from './misrouted.js';
import { missedDeEscalation } from './missed-de-escalation.js';
import { overEscalated } from './over-escalated.js';
import { pingPong } from './ping-pong.js';
import { stalled } from './stalled.js';
import { underEscalated } from './under-escalated.js';

/** Every check, by the id a framework rule names in `check:`. */
export const checks = {
  'misrouted': misrouted,
  'stalled': stalled,
  'over-escalated': overEscalated,
  'under-escalated': underEscalated,
  'missed-de-escalation': missedDeEscalation,
  'ping-pong': pingPong,
} as const;

export type CheckId = keyof typeof checks;
