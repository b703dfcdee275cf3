import type { CompiledRule } from '../framework/model.js';
import type { RuleCoverage } from '../model/result.js';
import type { Limitation } from './checks/check.js';

/** Per rule, over the tickets of one audit: how many it judged, fired on, and could not judge, and why. */
export class CoverageTally {
  private readonly counts: { judged: number; fired: number; findings: number; notJudged: number; partly: number;
    reasons: Map<string, { tickets: number; partly: boolean }> }[];

  constructor(private readonly rules: readonly CompiledRule[]) {
    this.counts = rules.map(() => ({ judged: 0, fired: 0, findings: 0, notJudged: 0, partly: 0, reasons: new Map() }));
  }

  /** Rule `index` on one ticket: what the data kept it from judging (if anything) and how many findings it made. */
  add(index: number, limitation: Limitation | undefined, findings: number): void {
    const c = this.counts[index]!;
    if (limitation) {
      const r = c.reasons.get(limitation.reason) ?? c.reasons.set(limitation.reason, { tickets: 0, partly: limitation.partly }).get(limitation.reason)!;
      r.tickets++;
      if (limitation.partly) c.partly++;
      else { c.notJudged++; return; }
    }
    c.judged++;
    if (findings > 0) { c.fired++; c.findings += findings; }
  }

  result(): RuleCoverage[] {
    return this.rules.map((rule, i) => {
      const c = this.counts[i]!;
      return {
        id: rule.id, check: rule.check, severity: rule.severity,
        judged: c.judged, fired: c.fired, findings: c.findings, notJudged: c.notJudged, partlyJudged: c.partly,
        notJudgedReasons: [...c.reasons].map(([reason, r]) => ({ reason, tickets: r.tickets, partly: r.partly }))
          .sort((a, b) => b.tickets - a.tickets || (a.reason < b.reason ? -1 : 1)),
      };
    });
  }
}
