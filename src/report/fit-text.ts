import type { LimitFit } from '../model/result.js';
import { amount } from '../prepare/fit.js';

const NONE = '-';

/** A limit as written, per priority as "p1 15m, default 1h"; a minimum marked with `atLeast` ("≥ 15m"). */
export function limitWords(l: LimitFit | undefined, atLeast = '≥ '): string {
  if (l === undefined) return NONE;
  if (typeof l.limit === 'object') return Object.entries(l.limit).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${l.atLeast ? atLeast : ''}${l.limit}`;
}

/** One figure of a limit in its unit ("1h20m", "3"), or "-" when there is none. */
export const fitFigure = (l: LimitFit | undefined, value: number | undefined): string =>
  (l === undefined || value === undefined ? NONE : amount(value, l.unit));
