/**
 * Derived figures. Results are never stored as state: they are computed from the
 * current inputs. `simulateCached` memoises on the identity of the (immutable)
 * model and scenario, so every component asking for the same inputs shares one
 * engine run per edit.
 */
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import type { SimulationResult } from '../../shared/engine/result';
import { simulate } from '../../shared/engine/simulate';

const cache = new WeakMap<Model, WeakMap<Scenario, SimulationResult>>();

export function simulateCached(model: Model, scenario: Scenario): SimulationResult {
  let byScenario = cache.get(model);
  if (!byScenario) {
    byScenario = new WeakMap();
    cache.set(model, byScenario);
  }
  let result = byScenario.get(scenario);
  if (!result) {
    result = simulate(model, scenario, { perGemeente: true });
    byScenario.set(scenario, result);
  }
  return result;
}

export interface Headline {
  baseYear: number;
  endYear: number;
  balanceEnd: number;
  cumulativeBalance: number;
  largestSegment: { id: string; name: string; cost: number; sharePct: number };
  costBase: number;
  costEnd: number;
  costChangePct: number;
}

export function headline(result: SimulationResult): Headline {
  const first = result.totals[0]!;
  const last = result.totals[result.totals.length - 1]!;
  const k = result.years.length - 1;
  let largest = result.lines[0]!;
  for (const line of result.lines) if (line.years[k]!.cost > largest.years[k]!.cost) largest = line;
  const largestCost = largest.years[k]!.cost;
  return {
    baseYear: first.year,
    endYear: last.year,
    balanceEnd: last.balance,
    cumulativeBalance: result.totals.reduce((t, y) => t + y.balance, 0),
    largestSegment: {
      id: largest.id,
      name: largest.name,
      cost: largestCost,
      sharePct: last.cost > 0 ? (100 * largestCost) / last.cost : 0,
    },
    costBase: first.cost,
    costEnd: last.cost,
    costChangePct: first.cost > 0 ? (100 * (last.cost - first.cost)) / first.cost : 0,
  };
}

/** One row per year for the charts: `seg:<id>` per line, plus totals. */
export interface ChartRow {
  year: number;
  cost: number;
  funding: number;
  balance: number;
  [segKey: `seg:${string}`]: number;
}

export function chartRows(result: SimulationResult): ChartRow[] {
  return result.totals.map((t, k) => {
    const row: ChartRow = { year: t.year, cost: t.cost, funding: t.funding, balance: t.balance };
    for (const line of result.lines) row[`seg:${line.id}`] = line.years[k]!.cost;
    return row;
  });
}

export interface SegmentDifference {
  id: string;
  name: string;
  /** cost in the scenario minus cost in the reference, per year */
  byYear: number[];
  total: number;
}

/**
 * Where the difference between two scenarios comes from: per segment, the extra
 * lasten of `other` against `reference`, and the difference in baten. Lasten up
 * means saldo down, so the saldo difference is funding diff minus the sum of these.
 */
export function segmentDifferences(
  reference: SimulationResult,
  other: SimulationResult,
): {
  segments: SegmentDifference[];
  funding: number[];
  balance: number[];
} {
  const refLines = new Map(reference.lines.map((l) => [l.id, l]));
  const segments = other.lines.map((line) => {
    const ref = refLines.get(line.id);
    const byYear = line.years.map((y, k) => y.cost - (ref?.years[k]?.cost ?? 0));
    return { id: line.id, name: line.name, byYear, total: byYear.reduce((a, b) => a + b, 0) };
  });
  return {
    segments,
    funding: other.totals.map((t, k) => t.funding - reference.totals[k]!.funding),
    balance: other.totals.map((t, k) => t.balance - reference.totals[k]!.balance),
  };
}
