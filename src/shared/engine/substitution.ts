import type { Substitution } from '../formats/scenario';
import { yearValues } from './paths';

/**
 * Applies substitution rules to inflow paths. Each rule moves sharePct_y of the
 * source's inflow *before any substitution* to the target in year y; the moved
 * clients then take the target's duration, intensity and price. Inflow is
 * conserved: the sum over segments is unchanged.
 */
export function applySubstitutions(
  inflowBefore: ReadonlyMap<string, readonly number[]>,
  rules: readonly Substitution[],
  years: readonly number[],
): Map<string, number[]> {
  const after = new Map<string, number[]>();
  for (const [id, path] of inflowBefore) after.set(id, path.slice());
  for (const rule of rules) {
    const source = inflowBefore.get(rule.from);
    const from = after.get(rule.from);
    const to = after.get(rule.to);
    if (!source || !from || !to) continue; // validated earlier; a rule on an unknown segment moves nothing
    const shares = yearValues(rule.sharePct, years);
    for (let k = 0; k < years.length; k++) {
      const moved = (source[k]! * shares[k]!) / 100;
      from[k] = from[k]! - moved;
      to[k] = to[k]! + moved;
    }
  }
  return after;
}
