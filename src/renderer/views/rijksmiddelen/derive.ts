/**
 * What the Rijksmiddelen view shows, derived from the engine's results (never
 * computed separately, so the view cannot disagree with the Overzicht or Excel).
 */
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import type { SimulationResult } from '../../../shared/engine/result';
import { PREVENTION_LINE_ID } from '../../../shared/formats/prevention';
import { simulateCached } from '../../lib/derive';
import { removePrevention } from '../../lib/edits/funding';

/** One row of "Opbouw Rijksmiddelen": a funding component per year. */
export interface FundingComponent {
  id: string;
  label: string;
  kind: 'structureel' | 'incidenteel';
  /** per year, in the order of result.years */
  years: number[];
  source?: string;
}

/**
 * The baten split as a begroting shows them: the index path (structureel), the
 * one-off adjustments (incidenteel) and each Rijksmaatregel as its own line.
 * The components add up to TotalYear.funding.
 */
export function fundingComponents(result: SimulationResult): FundingComponent[] {
  const out: FundingComponent[] = [
    {
      id: 'indexpad',
      label: 'Rijksmiddelen volgens indexpad',
      kind: 'structureel',
      years: result.totals.map((t) => t.fundingBaseline),
    },
    {
      id: 'incidenteel',
      label: 'Incidentele bijstellingen',
      kind: 'incidenteel',
      years: result.totals.map((t) => t.fundingAdjustment),
    },
  ];
  for (const m of result.fundingMeasures ?? [])
    out.push({ id: `maatregel:${m.id}`, label: m.name, kind: m.kind, years: m.years, source: m.source });
  // bekende ontwikkelingen on the baten side (those on the lasten side are lines of the lasten)
  for (const c of result.knownChanges ?? [])
    if (c.side === 'baten')
      out.push({ id: `bekend:${c.id}`, label: c.name, kind: c.kind, years: c.years, source: c.source });
  return out;
}

/** True when the baten are more than the index path alone (worth a breakdown). */
export function hasFundingBreakdown(result: SimulationResult): boolean {
  return (
    (result.fundingMeasures?.length ?? 0) > 0 ||
    (result.knownChanges ?? []).some((c) => c.side === 'baten') ||
    result.totals.some((t) => Math.abs(t.fundingAdjustment) >= 0.5)
  );
}

export interface SegmentEffect {
  id: string;
  name: string;
  unit: string;
  /** inflow change from prevention in % per year (positive = lower inflow) */
  pct: number[];
  /** own inflow (before substitution) with and without the prevention assumption */
  inflowWith: number[];
  inflowWithout: number[];
  /** lasten of the segment with minus without (negative = lower lasten) */
  costDelta: number[];
}

export interface PreventionEffectSummary {
  years: number[];
  /** the extra budget line (lasten), per year */
  extraCost: number[];
  segments: SegmentEffect[];
  /** saldo with and without the prevention assumption, per year */
  balanceWith: number[];
  balanceWithout: number[];
}

/**
 * The effect of the scenario's prevention assumption: the same scenario run
 * with and without `prevention` (everything else equal). The "without" run is
 * memoised on the scenario object, so it is one extra engine run per edit.
 */
const withoutCache = new WeakMap<Scenario, Scenario>();

export function preventionEffect(model: Model, scenario: Scenario): PreventionEffectSummary | undefined {
  if (!scenario.prevention) return undefined;
  let without = withoutCache.get(scenario);
  if (!without) {
    without = removePrevention(scenario);
    withoutCache.set(scenario, without);
  }
  const a = simulateCached(model, scenario);
  const b = simulateCached(model, without);
  const bLines = new Map(b.lines.map((l) => [l.id, l]));
  const affected = new Set(scenario.prevention.effects.map((e) => e.segment));
  const segments: SegmentEffect[] = [];
  for (const line of a.lines) {
    if (line.kind !== 'volume' || !affected.has(line.id)) continue;
    const other = bLines.get(line.id);
    if (!other || other.kind !== 'volume') continue;
    segments.push({
      id: line.id,
      name: line.name,
      unit: line.unit,
      pct: line.years.map((y) => y.preventionPct ?? 0),
      inflowWith: line.years.map((y) => y.inflowBeforeSubstitution),
      inflowWithout: other.years.map((y) => y.inflowBeforeSubstitution),
      costDelta: line.years.map((y, k) => y.cost - other.years[k]!.cost),
    });
  }
  const extraLine = a.lines.find((l) => l.id === PREVENTION_LINE_ID);
  return {
    years: a.years,
    extraCost: a.years.map((_, k) => extraLine?.years[k]?.cost ?? 0),
    segments,
    balanceWith: a.totals.map((t) => t.balance),
    balanceWithout: b.totals.map((t) => t.balance),
  };
}
