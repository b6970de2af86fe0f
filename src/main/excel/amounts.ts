/**
 * The amounts a bijlage shows, per scope: the whole region, or one gemeente's
 * share. Every figure comes from the engine's SimulationResult; the only
 * arithmetic here is a gemeente's share of each funding line (the engine
 * splits only the total funding), which adds up to the engine's gemeente
 * funding up to floating-point rounding.
 */
import type { Model } from '../../shared/formats/model';
import type { GemeenteResult, SimulationResult } from '../../shared/engine/result';

export type BijlageScope = { kind: 'region' } | { kind: 'gemeente'; gemeenteId: string };

/** One line under Baten: the index path, a Rijksmaatregel, or the one-off adjustments. */
export interface FundingLine {
  label: string;
  kind: 'structureel' | 'incidenteel';
  /** per year index, in euro */
  values: number[];
  /**
   * where the region's line comes from: the index path, the one-off adjustments, Rijksmaatregel n
   * (result.fundingMeasures), or a bekende ontwikkeling on the baten side (`knownChange:<id>`)
   */
  origin: 'baseline' | 'adjustment' | number | `knownChange:${string}`;
  /** set for a bekende ontwikkeling: its id (a gemeente's part is its own amount, not a share) */
  knownChange?: string;
}

export interface ScopedAmounts {
  /** cost per line (SimulationResult.lines order) per year index */
  lineCost(line: number, year: number): number;
  cost(year: number): number;
  fundingLines: FundingLine[];
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

/** The region's funding lines: structural index path and Rijksmaatregelen, then the incidental ones. */
export function regionFundingLines(result: SimulationResult): FundingLine[] {
  const lines: FundingLine[] = [
    {
      label: 'Rijksmiddelen: basisbedrag met indexpad',
      kind: 'structureel',
      values: result.totals.map((t) => t.fundingBaseline),
      origin: 'baseline',
    },
  ];
  const measures = result.fundingMeasures ?? [];
  measures.forEach((m, i) => {
    if (m.kind === 'structureel')
      lines.push({ label: `Rijksmaatregel: ${m.name}`, kind: 'structureel', values: m.years.slice(), origin: i });
  });
  lines.push({
    label: 'Eenmalige bijstellingen (scenario)',
    kind: 'incidenteel',
    values: result.totals.map((t) => t.fundingAdjustment),
    origin: 'adjustment',
  });
  measures.forEach((m, i) => {
    if (m.kind === 'incidenteel')
      lines.push({ label: `Rijksmaatregel: ${m.name}`, kind: 'incidenteel', values: m.years.slice(), origin: i });
  });
  // bekende ontwikkelingen on the baten side (those on the lasten side are lines of the lasten)
  for (const c of result.knownChanges ?? [])
    if (c.side === 'baten')
      lines.push({
        label: `Bekende ontwikkeling: ${c.name}`,
        kind: c.kind,
        values: c.years.slice(),
        knownChange: c.id,
        origin: `knownChange:${c.id}`,
      });
  return lines;
}

export function scopedAmounts(result: SimulationResult, scope: BijlageScope): ScopedAmounts {
  const region = regionFundingLines(result);
  if (scope.kind === 'region') {
    return {
      lineCost: (l, y) => result.lines[l]!.years[y]!.cost,
      cost: (y) => result.totals[y]!.cost,
      fundingLines: region,
      funding: (y) => result.totals[y]!.funding,
      balance: (y) => result.totals[y]!.balance,
    };
  }
  const g = findGemeente(result, scope.gemeenteId);
  return {
    lineCost: (l, y) => g.lineCosts[l]![y]!,
    cost: (y) => g.years[y]!.cost,
    fundingLines: region.map((f) => ({
      ...f,
      values: f.knownChange ? knownChangePart(result, f.knownChange, g) : f.values.map((v) => v * g.fundingShare),
    })),
    funding: (y) => g.years[y]!.funding,
    balance: (y) => g.years[y]!.balance,
  };
}

/**
 * A gemeente's part of a bekende ontwikkeling on the baten side, as the engine splits it: the regional
 * amount by the Rijksmiddelen key, the gemeente's own amount exactly, the formula on its own lasten.
 */
function knownChangePart(result: SimulationResult, id: string, g: GemeenteResult): number[] {
  const c = result.knownChanges?.find((x) => x.id === id);
  if (!c) return result.years.map(() => 0);
  return result.years.map((_, y) => {
    let part = c.regional[y]! * g.fundingShare + (c.perGemeente[g.id]?.[y] ?? 0);
    const factor = c.pctFactor[y]!;
    if (factor !== 0) {
      let sum = 0;
      for (const l of c.segmentIndexes) if (l >= 0) sum += g.lineCosts[l]![y]!;
      part += factor * sum;
    }
    return part;
  });
}
