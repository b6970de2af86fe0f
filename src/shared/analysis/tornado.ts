/**
 * Sensitivity (tornado): each assumption on its own to its low and its high
 * value — its range, or ±10% of its value when it has none — with everything
 * else as in the scenario; the effect on the cumulative saldo baseYear–endYear
 * and on the saldo of one chosen year, sorted by the size of the effect. The
 * top of the list is what to discuss first.
 *
 * Ranges with the same `link` move together, as one bar: all to their low,
 * then all to their high — as Monte Carlo draws them (one u for the group).
 * A bar per member would show a price index 16 times, each a sliver of the
 * risk, while the index can only move for all segments at once.
 */
import type { Model } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import { simulate, type SimulateOptions } from '../engine/simulate';
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
  /** the assumption; for a link group a summary (key `links.<link>`, see groupParameter) */
  parameter: Parameter;
  /** for a link group of two or more ranges: its members, in parameter order */
  members?: Parameter[];
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

function balances(
  model: Model,
  scenario: Scenario,
  yearIndex: number,
  scale?: SimulateOptions['scale'],
): { cumulativeBalance: number; yearBalance: number } {
  const r = simulate(model, scenario, { perGemeente: false, ...(scale ? { scale } : {}) });
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
  if (!(defaultPct > 0 && defaultPct <= 100))
    throw new RangeError(`standaardbandbreedte: ${String(defaultPct)}% ligt niet tussen 0 en 100%`);
  const k = year - model.baseYear;
  const params = listParameters(model, scenario, defaultPct);
  const base = balances(model, scenario, k);

  const point = (members: readonly Parameter[], side: 'low' | 'high', value: number): TornadoPoint => {
    const applied = applyParameters(
      model,
      scenario,
      members,
      members.map((m) => m[side]),
    );
    return { value, ...balances(applied.model, applied.scenario, k, applied.scale) };
  };
  const bars = groupByLink(params).map((members): TornadoBar => {
    const p = members.length === 1 ? members[0]! : groupParameter(members);
    const low = point(members, 'low', p.low);
    const high = point(members, 'high', p.high);
    return {
      parameter: p,
      ...(members.length > 1 ? { members } : {}),
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

/** The parameters as bars: each unlinked one alone, each link group together at its first member's place. */
function groupByLink(params: readonly Parameter[]): Parameter[][] {
  const out: Parameter[][] = [];
  const groups = new Map<string, Parameter[]>();
  for (const p of params) {
    if (p.link === undefined) {
      out.push([p]);
      continue;
    }
    const group = groups.get(p.link);
    if (group) group.push(p);
    else {
      const fresh = [p];
      groups.set(p.link, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/**
 * One parameter that stands for a link group in tables and charts. When every
 * member has the same range (the usual case: one index shift on all segments)
 * it shows that range; otherwise the first member's, and the label says the
 * ranges differ (`TornadoBar.members` lists them all).
 */
function groupParameter(members: readonly Parameter[]): Parameter {
  const first = members[0]!;
  const link = first.link!;
  const same = members.every(
    (m) => m.mode === first.mode && m.low === first.low && m.high === first.high && m.likely === first.likely,
  );
  const sources = [...new Set(members.map((m) => m.rangeSource).filter((x): x is string => x !== undefined))];
  return {
    key: `links.${link}`,
    label: `${link} (gekoppeld: ${members.length} aannames${same ? '' : ', elk met een eigen bandbreedte'})`,
    target: first.target,
    mode: first.mode,
    low: first.low,
    likely: first.likely,
    high: first.high,
    fromRange: true,
    link,
    ...(sources.length > 0 ? { rangeSource: sources.join(' · ') } : {}),
  };
}
