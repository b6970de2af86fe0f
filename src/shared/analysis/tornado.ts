/**
 * Sensitivity (tornado): each assumption on its own to its low and its high
 * value — its range, or ±10% of its value when it has none — with everything
 * else as in the scenario; the effect on the cumulative saldo baseYear–endYear
 * and on the saldo of one chosen year, sorted by the size of the effect. The
 * top of the list is what to discuss first.
 */
import type { Model } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import { simulate } from '../engine/simulate';
import { applyParameters, listParameters, type Parameter } from './parameters';

export const DEFAULT_TORNADO_PCT = 10;

export interface TornadoOptions {
  /** the year whose saldo is also reported; default endYear */
  year?: number;
  /** ± this percentage for assumptions without a range; default 10 */
  defaultPct?: number;
  /** sort by the effect on the cumulative saldo (default) or on the chosen year's saldo */
  sortBy?: 'cumulative' | 'year';
}

export interface TornadoPoint {
  /** the parameter's value (for a 'scale' parameter: the factor on the yearly percentages) */
  value: number;
  cumulativeBalance: number;
  yearBalance: number;
}

export interface TornadoBar {
  parameter: Parameter;
  low: TornadoPoint;
  high: TornadoPoint;
  /** |cumulative saldo at high − at low| */
  cumulativeSwing: number;
  /** |year saldo at high − at low| */
  yearSwing: number;
}

export interface TornadoResult {
  year: number;
  fromYear: number;
  toYear: number;
  defaultPct: number;
  base: { cumulativeBalance: number; yearBalance: number };
  /** largest effect first */
  bars: TornadoBar[];
}

function balances(model: Model, scenario: Scenario, yearIndex: number): { cumulativeBalance: number; yearBalance: number } {
  const r = simulate(model, scenario, { perGemeente: false });
  let cumulative = 0;
  for (const t of r.totals) cumulative += t.balance;
  return { cumulativeBalance: cumulative, yearBalance: r.totals[yearIndex]!.balance };
}

export function tornado(model: Model, scenario: Scenario, options: TornadoOptions = {}): TornadoResult {
  const year = options.year ?? model.endYear;
  if (!Number.isInteger(year) || year < model.baseYear || year > model.endYear) {
    throw new RangeError(`jaar: ${String(year)} ligt buiten ${model.baseYear}–${model.endYear}`);
  }
  const defaultPct = options.defaultPct ?? DEFAULT_TORNADO_PCT;
  if (!(defaultPct > 0 && defaultPct <= 100)) throw new RangeError(`standaardbandbreedte: ${String(defaultPct)}% ligt niet tussen 0 en 100%`);
  const k = year - model.baseYear;
  const params = listParameters(model, scenario, defaultPct);
  const base = balances(model, scenario, k);

  const point = (p: Parameter, value: number): TornadoPoint => {
    const applied = applyParameters(model, scenario, [p], [value]);
    return { value, ...balances(applied.model, applied.scenario, k) };
  };
  const bars = params.map((p): TornadoBar => {
    const low = point(p, p.low);
    const high = point(p, p.high);
    return {
      parameter: p,
      low,
      high,
      cumulativeSwing: Math.abs(high.cumulativeBalance - low.cumulativeBalance),
      yearSwing: Math.abs(high.yearBalance - low.yearBalance),
    };
  });
  const key = options.sortBy === 'year' ? (b: TornadoBar) => b.yearSwing : (b: TornadoBar) => b.cumulativeSwing;
  // Ties keep the parameter order, so the chart is stable.
  bars.sort((a, b) => key(b) - key(a));
  return { year, fromYear: model.baseYear, toYear: model.endYear, defaultPct, base, bars };
}
