import type { Segment } from './replay.js';

export const UNASSIGNED = '(unassigned)';

/** One assignee value may name several people (ConnectWise "Resources": `pmorales, ssato`). */
export function splitAssignees(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(/[,;]/).map((s) => s.trim()).filter(Boolean))];
}

/** What one person (or `(unassigned)`, for the time nobody held it) did with one ticket. */
export interface AssigneeHold {
  assignee: string;
  /** Business minutes of the events they held (paused and closed time excluded), on each queue's calendar. */
  minutes: number;
  /** The ticket moved up a tier from an event they held. */
  escalated: boolean;
  /** The ticket moved down a tier from an event they held. */
  deEscalated: boolean;
  /** Handovers from an event they held to one they no longer hold. */
  handovers: number;
  /** They held the event that closed it for good, and it was never escalated. */
  resolvedWithoutEscalation: boolean;
}

const NOBODY: string[] = [];
const NO_HOLDS: readonly AssigneeHold[] = Object.freeze([]);

/** Tallies a ticket's holds while its flow is worked out, one segment at a time; a disabled tally keeps nothing. */
export class HoldTally {
  private readonly byPerson = new Map<string, AssigneeHold>();
  private readonly holders: string[][];

  constructor(segments: Segment[], enabled = true) {
    // Consecutive events mostly name the same people: split each distinct value once.
    let raw: string | undefined;
    let people: string[] = [UNASSIGNED];
    this.holders = segments.map((s, i) => {
      if (!enabled) return NOBODY;
      if (i === 0 || s.event.assignee !== raw) {
        raw = s.event.assignee;
        const named = splitAssignees(raw);
        people = named.length ? named : [UNASSIGNED];
      }
      return people;
    });
  }

  held(i: number, minutes: number): void {
    for (const p of this.holders[i]!) this.hold(p).minutes += minutes;
  }

  escalatedFrom(i: number): void {
    for (const p of this.holders[i]!) this.hold(p).escalated = true;
  }

  deEscalatedFrom(i: number): void {
    for (const p of this.holders[i]!) this.hold(p).deEscalated = true;
  }

  handedOver(before: number, after: number): void {
    const next = this.holders[after]!;
    for (const p of this.holders[before]!) if (!next.includes(p)) this.hold(p).handovers++;
  }

  resolvedWithoutEscalationAt(i: number): void {
    for (const p of this.holders[i]!) this.hold(p).resolvedWithoutEscalation = true;
  }

  holds(): readonly AssigneeHold[] {
    return this.byPerson.size === 0 ? NO_HOLDS : [...this.byPerson.values()];
  }

  private hold(person: string): AssigneeHold {
    let h = this.byPerson.get(person);
    if (!h) {
      h = { assignee: person, minutes: 0, escalated: false, deEscalated: false, handovers: 0, resolvedWithoutEscalation: false };
      this.byPerson.set(person, h);
    }
    return h;
  }
}
