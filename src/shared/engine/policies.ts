import type { Policy, PolicyEffectField } from '../formats/policies';
import type { Substitution } from '../formats/scenario';

/**
 * Beleidsmaatregelen (scenario.policies) as factors on the segments' own paths.
 *
 * For policy p with realisation r_p = realisatiePct_p / 100 and intended effect e_p,s,f,y (percent, for
 * segment s, field f, year y) the factor is
 *
 *   F_s,f,y = Π_{k ≤ y} Π_p (1 + r_p × e_p,s,f,k / 100)      (F = 1 in the first year)
 *
 * a yearly path like engine/paths yearPath, so an effect of a year persists. The engine multiplies
 * the segment's own path by it: I_y × F_inflow (then autonome ontwikkeling, prevention and
 * substitution), D_y × F_duration, u_y × F_intensity (then zwaarte), A_y × F_amount (budget lines).
 * Policies apply in list order; within a year the product does not depend on the order except for
 * rounding. docs/formats.md, "Beleidsmaatregelen".
 */
export interface PolicyFactors {
  inflowChangePct: Map<string, number[]>;
  durationChangePct: Map<string, number[]>;
  intensityChangePct: Map<string, number[]>;
  amountChangePct: Map<string, number[]>;
}

/** r × e: the effect of one year at realisation `realisatiePct` (both in percent). */
export function realisedPct(effectPct: number, realisatiePct: number): number {
  return (realisatiePct * effectPct) / 100;
}

/**
 * The factors of every segment a policy touches. `realisatie[i]`, when given, replaces
 * policies[i].realisatiePct (the Monte Carlo draws it).
 */
export function policyFactors(
  policies: readonly Policy[] | undefined,
  years: readonly number[],
  realisatie?: ArrayLike<number>,
): PolicyFactors {
  const out: PolicyFactors = {
    inflowChangePct: new Map(),
    durationChangePct: new Map(),
    intensityChangePct: new Map(),
    amountChangePct: new Map(),
  };
  if (!policies) return out;
  // Per (field, segment) the yearly multiplier Π_p (1 + r_p × e_p,k / 100), then the running product.
  policies.forEach((p, i) => {
    const r = realisatie ? realisatie[i]! : p.realisatiePct;
    for (const [segment, effect] of Object.entries(p.effects)) {
      for (const field of Object.keys(effect) as PolicyEffectField[]) {
        const map = effect[field];
        if (!map) continue;
        const target = out[field];
        let yearly = target.get(segment);
        if (!yearly) {
          yearly = years.map(() => 1);
          target.set(segment, yearly);
        }
        for (let k = 1; k < years.length; k++) {
          const pct = map[String(years[k])];
          if (pct !== undefined) yearly[k] = yearly[k]! * (1 + realisedPct(pct, r) / 100);
        }
      }
    }
  });
  for (const target of Object.values(out) as Map<string, number[]>[]) {
    for (const yearly of target.values()) {
      for (let k = 1; k < yearly.length; k++) yearly[k] = yearly[k - 1]! * yearly[k]!;
    }
  }
  return out;
}

/** The policies' substitutions as plain rules, each share × realisatiePct / 100; after the scenario's own rules. */
export function policySubstitutions(
  policies: readonly Policy[] | undefined,
  realisatie?: ArrayLike<number>,
): Substitution[] {
  const out: Substitution[] = [];
  policies?.forEach((p, i) => {
    const r = realisatie ? realisatie[i]! : p.realisatiePct;
    for (const s of p.substitutions) {
      const sharePct: Record<string, number> = {};
      for (const [y, share] of Object.entries(s.sharePct)) sharePct[y] = realisedPct(share, r);
      out.push({ from: s.from, to: s.to, sharePct });
    }
  });
  return out;
}

/** True when a scenario's policies change anything (so the engine can skip them otherwise). */
export function hasPolicies(policies: readonly Policy[] | undefined): policies is readonly Policy[] {
  return !!policies && policies.length > 0;
}
