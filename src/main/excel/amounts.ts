/**
 * The amounts a bijlage shows, per scope: the whole region, or one gemeente's
 * share. Every figure comes from the engine's SimulationResult; nothing is
 * recomputed here except the structural/incidental split of a gemeente's
 * funding, which the engine gives only for the region.
 */
import type { Model } from '../../shared/formats/model';
import type { GemeenteResult, SimulationResult } from '../../shared/engine/result';

export type BijlageScope = { kind: 'region' } | { kind: 'gemeente'; gemeenteId: string };

export interface ScopedAmounts {
  /** cost per line (SimulationResult.lines order) per year index */
  lineCost(line: number, year: number): number;
  cost(year: number): number;
  /** structural funding: the index path */
  fundingStructural(year: number): number;
  /** incidental funding: one-off adjustments */
  fundingIncidental(year: number): number;
  funding(year: number): number;
  balance(year: number): number;
}

export function scopeLabel(model: Model, scope: BijlageScope, regionName: string): string {
  if (scope.kind === 'region') return regionName;
  const g = model.gemeenten.find((x) => x.id === scope.gemeenteId);
  return g ? `Gemeente ${g.name}` : scope.gemeenteId;
}

export function findGemeente(result: SimulationResult, gemeenteId: string): GemeenteResult {
  const g = result.gemeenten.find((x) => x.id === gemeenteId);
  if (!g) throw new Error(`gemeente ${JSON.stringify(gemeenteId)} staat niet in het resultaat`);
  return g;
}

export function scopedAmounts(result: SimulationResult, scope: BijlageScope): ScopedAmounts {
  if (scope.kind === 'region') {
    return {
      lineCost: (l, y) => result.lines[l]!.years[y]!.cost,
      cost: (y) => result.totals[y]!.cost,
      fundingStructural: (y) => result.totals[y]!.fundingBaseline,
      fundingIncidental: (y) => result.totals[y]!.fundingAdjustment,
      funding: (y) => result.totals[y]!.funding,
      balance: (y) => result.totals[y]!.balance,
    };
  }
  const g = findGemeente(result, scope.gemeenteId);
  // The engine splits the total funding by fundingShare; the structural part is
  // the same share of the index path, the incidental part the remainder, so
  // structural + incidental equals the engine's funding exactly.
  const structural = (y: number) => result.totals[y]!.fundingBaseline * g.fundingShare;
  return {
    lineCost: (l, y) => g.lineCosts[l]![y]!,
    cost: (y) => g.years[y]!.cost,
    fundingStructural: structural,
    fundingIncidental: (y) => g.years[y]!.funding - structural(y),
    funding: (y) => g.years[y]!.funding,
    balance: (y) => g.years[y]!.balance,
  };
}
