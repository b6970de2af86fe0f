import type { Model } from '../formats/model';
import { DEFAULT_WAGE_WEIGHT_PCT, type Autonomous } from '../formats/scenario';
import { yearPath } from './paths';

/**
 * Autonome ontwikkeling as factors per year (index k of `years`), relative to the
 * year the simulation starts from (the base year, or the last realised year R):
 *
 *   demografie  d_y = Σ_g J_g,y / Σ_g J_g,start   J_g,y: the prognosis for y, else the last
 *                                                 earlier prognosis, else the model's youth0to17
 *   gebruik     g_y = Π_{k ≤ y} (1 + usageChangePct_k / 100)
 *   zwaarte     z_y = Π_{k ≤ y} (1 + severityChangePct_k / 100)
 *   prijs       q_y = Π_{k ≤ y} (1 + (w × loon_k + (1 − w) × prijs_k) / 100),  w = wageWeightPct / 100
 *
 * The engine multiplies: I_y × d_y × g_y (instroom), u_y × z_y (eenheden per cliëntmaand),
 * p_y × q_y (prijs), after each segment's own yearly path (docs/formats.md).
 */
export interface AutonomousFactors {
  inflow: number[];
  units: number[];
  price: number[];
}

export function autonomousFactors(
  model: Model,
  a: Autonomous,
  years: readonly number[],
  startIndex = 0,
): AutonomousFactors {
  const n = years.length;
  const demography = new Array<number>(n).fill(1);
  if (a.youth0to17) {
    const totals = new Array<number>(n).fill(0);
    for (const g of model.gemeenten) {
      const series = a.youth0to17[g.id];
      let value = g.youth0to17;
      for (let k = 0; k < n; k++) {
        const v = k > 0 ? series?.[String(years[k])] : undefined;
        if (v !== undefined) value = v;
        totals[k] = totals[k]! + value;
      }
    }
    const base = totals[startIndex]!;
    if (base > 0) for (let k = 0; k < n; k++) demography[k] = totals[k]! / base;
  }
  const usage = yearPath(1, a.usageChangePct, years);
  const severity = yearPath(1, a.severityChangePct, years);
  const w = (a.wageWeightPct ?? DEFAULT_WAGE_WEIGHT_PCT) / 100;
  const combined: Record<string, number> = {};
  for (const y of years) {
    const wage = a.wageIndexPct?.[String(y)];
    const material = a.materialIndexPct?.[String(y)];
    if (wage !== undefined || material !== undefined) combined[String(y)] = w * (wage ?? 0) + (1 - w) * (material ?? 0);
  }
  const price = yearPath(1, combined, years);
  const rel = (path: number[]): number[] => {
    const at = path[startIndex]!;
    return at === 1 ? path : path.map((v) => v / at);
  };
  return {
    inflow: rel(usage).map((u, k) => demography[k]! * u),
    units: rel(severity),
    price: rel(price),
  };
}
