/**
 * The lean path for Monte Carlo: the same arithmetic as `simulate`, for the
 * totals only, on a structure compiled once, with no object allocation per
 * draw. `simulate` takes about 0,1 ms per call on the default model; 10.000
 * draws would not fit in a second. The test (test/analysis/lean.test.ts)
 * checks that `run` gives exactly the numbers of `simulate` on
 * `applyParameters` for random draws: the operations are done in the same
 * order, so even the rounding is the same. Any change to the engine's
 * arithmetic must be made here too (that test fails otherwise).
 */
import type { Model } from '../formats/model';
import type { Autonomous, Scenario } from '../formats/scenario';
import { fundingMeasures } from '../engine/measures';
import { preventionBudget, preventionReductionPct } from '../engine/prevention';
import { autonomousFactors } from '../engine/autonomous';
import { policyFactors, realisedPct, type PolicyFactors } from '../engine/policies';
import { amountPath, switchedOn } from '../engine/knownChanges';
import { findMeasure, nationalAmounts } from '../domain/rijksmaatregelen';
import { AUTONOMOUS_RANGE_FIELDS, type AutonomousRangeField } from '../formats/ranges';
import { modelYears } from '../years';
import { adjustYearMap, type Parameter } from './parameters';

interface LeanVolume {
  kind: 'volume';
  // Flat fields (no nested objects): the hot loop stays monomorphic and fast.
  baseInflow: number;
  baseDuration: number;
  baseUnits: number;
  basePrice: number;
  inflow: number;
  duration: number;
  units: number;
  price: number;
  opening: number | undefined;
  /** yearly percentages, index 0 unused; 0 where the scenario has none */
  pctInflow: Float64Array;
  pctDuration: Float64Array;
  pctUnits: Float64Array;
  pctPrice: Float64Array;
  shiftInflow: number;
  shiftDuration: number;
  shiftUnits: number;
  shiftPrice: number;
  inflowBefore: Float64Array;
  inflowAfter: Float64Array;
  cost: Float64Array;
}

interface LeanBudget {
  kind: 'budget';
  base: number;
  cur: number;
  pct: Float64Array;
  shift: number;
  cost: Float64Array;
}

interface LeanRule {
  from: number;
  to: number;
  share: Float64Array;
  /** true where the rule names the year (a shift applies only there) */
  named: Uint8Array;
  shift: number;
  /** a policy's rule: index of the policy, whose realisatie scales `base` into `share` per run; else -1 */
  policy: number;
  base: Float64Array;
}

interface LeanEffect {
  segment: number;
  lag: number;
  per100k: number;
  maxPct: number;
  curPer100k: number;
  curMaxPct: number;
}

type Setter = (value: number) => void;

export interface LeanModel {
  years: number;
  setters: Setter[];
  reset: () => void;
  run: (cost: Float64Array, funding: Float64Array) => void;
}

function pctArray(map: Readonly<Record<string, number>> | undefined, years: readonly number[]): Float64Array {
  const out = new Float64Array(years.length);
  for (let k = 1; k < years.length; k++) out[k] = map?.[String(years[k])] ?? 0;
  return out;
}

/** Compiles a model and scenario for `params` (modes 'value' and 'shift' only). */
export function compileLean(model: Model, scenario: Scenario, params: readonly Parameter[]): LeanModel {
  const years = modelYears(model);
  const n = years.length;
  const index = new Map(model.segments.map((s, i) => [s.id, i]));
  const segs: (LeanVolume | LeanBudget)[] = model.segments.map((seg) => {
    const a = scenario.assumptions[seg.id];
    if (seg.kind === 'budget') {
      return {
        kind: 'budget',
        base: seg.amount,
        cur: seg.amount,
        pct: pctArray(a?.amountChangePct, years),
        shift: 0,
        cost: new Float64Array(n),
      };
    }
    const volume: LeanVolume = {
      kind: 'volume',
      baseInflow: seg.inflowPerYear,
      baseDuration: seg.avgDurationMonths,
      baseUnits: seg.unitsPerClientMonth ?? 1,
      basePrice: seg.pricePerUnit,
      inflow: seg.inflowPerYear,
      duration: seg.avgDurationMonths,
      units: seg.unitsPerClientMonth ?? 1,
      price: seg.pricePerUnit,
      opening: seg.openingClients,
      pctInflow: pctArray(a?.inflowChangePct, years),
      pctDuration: pctArray(a?.durationChangePct, years),
      pctUnits: pctArray(a?.intensityChangePct, years),
      pctPrice: pctArray(a?.priceIndexPct, years),
      shiftInflow: 0,
      shiftDuration: 0,
      shiftUnits: 0,
      shiftPrice: 0,
      inflowBefore: new Float64Array(n),
      inflowAfter: new Float64Array(n),
      cost: new Float64Array(n),
    };
    return volume;
  });
  const volumes = segs.filter((x): x is LeanVolume => x.kind === 'volume');
  // Autonome ontwikkeling, applied as engine/simulate does: fixed factors, recomputed per draw
  // when a range shifts a driver (the shifted drivers exactly as applyParameters makes them).
  let auto = scenario.autonomous ? autonomousFactors(model, scenario.autonomous, years) : undefined;
  const autoShift: Partial<Record<AutonomousRangeField, number>> = {};
  const laterYears = years.slice(1).map(String);
  const budgets = segs.filter((x): x is LeanBudget => x.kind === 'budget');

  const rules: LeanRule[] = scenario.substitutions.map((r) => {
    const share = new Float64Array(n);
    const named = new Uint8Array(n);
    years.forEach((y, k) => {
      const v = r.sharePct[String(y)];
      if (v !== undefined) {
        share[k] = v;
        named[k] = 1;
      }
    });
    return {
      from: index.get(r.from) ?? -1,
      to: index.get(r.to) ?? -1,
      share,
      named,
      shift: 0,
      policy: -1,
      base: share,
    };
  });
  // Beleidsmaatregelen (engine/policies): factors recomputed when a draw changes a realisatie.
  const policies = scenario.policies ?? [];
  const realisatie = Float64Array.from(policies.map((p) => p.realisatiePct));
  const realisatieBase = realisatie.slice();
  let policyDirty = policies.length > 0;
  policies.forEach((p, pi) => {
    for (const r of p.substitutions) {
      const base = new Float64Array(n);
      const named = new Uint8Array(n);
      years.forEach((y, k) => {
        const v = r.sharePct[String(y)];
        if (v !== undefined) {
          base[k] = v;
          named[k] = 1;
        }
      });
      rules.push({
        from: index.get(r.from) ?? -1,
        to: index.get(r.to) ?? -1,
        share: new Float64Array(n),
        named,
        shift: 0,
        policy: pi,
        base,
      });
    }
  });
  const segmentIds = model.segments.map((seg) => seg.id);

  const effects: LeanEffect[] = (scenario.prevention?.effects ?? []).map((e) => ({
    segment: index.get(e.segment) ?? -1,
    lag: e.lagYears,
    per100k: e.inflowPctPer100k,
    maxPct: e.maxPct,
    curPer100k: e.inflowPctPer100k,
    curMaxPct: e.maxPct,
  }));
  const extraBudget = scenario.prevention?.extraBudget ?? {};
  const preventionCost = scenario.prevention
    ? Float64Array.from(preventionBudget(scenario.prevention, years))
    : undefined;
  const factor = new Float64Array(n);

  const fundingBase = { base: model.funding.baseAmount, cur: model.funding.baseAmount, shift: 0 };
  const indexPct = pctArray({ ...model.funding.indexPct, ...scenario.funding.indexPct }, years);
  const adjustments = Float64Array.from(years.map((y) => scenario.funding.adjustments?.[String(y)] ?? 0));
  // Rijksmaatregelen: (national × factor) × share, as engine/measures does with a factor.
  const share = model.funding.nationalShare?.value ?? 0;
  const measures = fundingMeasures(model, scenario, years).map((m) => ({
    id: m.id,
    national: Float64Array.from(nationalAmounts(findMeasure(m.id)!, years)),
    factor: 1,
  }));
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const measured = new Float64Array(n);
  // Bekende ontwikkelingen (engine/knownChanges): f·A_k + Σ_g f·P_g,k + (f·pct/100)·S_k.
  const known = switchedOn(model, scenario).map((c) => {
    const structural = c.kind === 'structureel';
    return {
      id: c.id,
      lasten: c.side === 'lasten',
      amount: Float64Array.from(amountPath(c.amount, structural, years)),
      perGemeente: model.gemeenten
        .filter((g) => c.perGemeente?.[g.id] !== undefined)
        .map((g) => Float64Array.from(amountPath(c.perGemeente![g.id], structural, years))),
      pct: c.pctOfSegments?.pct ?? 0,
      fromYear: c.pctOfSegments ? c.pctOfSegments.fromYear : Infinity,
      segments: (c.pctOfSegments?.segments ?? []).map((id) => index.get(id) ?? -1),
      factor: 1,
      years: new Float64Array(n),
    };
  });
  const knownById = new Map(known.map((c) => [c.id, c]));

  const setters: Setter[] = params.map((p): Setter => {
    const t = p.target;
    if (p.mode === 'scale')
      throw new Error(`${p.key}: de Monte Carlo-berekening kent alleen bandbreedtes (low/high), geen schaalfactor`);
    switch (t.kind) {
      case 'segmentBase':
      case 'segmentPct': {
        const seg = segs[index.get(t.segment) ?? -1];
        if (!seg) throw new Error(`${p.key}: ${JSON.stringify(t.segment)} is geen segment van het model`);
        if (seg.kind === 'budget') {
          return t.kind === 'segmentBase' ? (v) => (seg.cur = v) : (v) => (seg.shift = v);
        }
        switch (t.field) {
          case 'inflowPerYear':
            return (v) => (seg.inflow = v);
          case 'avgDurationMonths':
            return (v) => (seg.duration = v);
          case 'unitsPerClientMonth':
            return (v) => (seg.units = v);
          case 'pricePerUnit':
            return (v) => (seg.price = v);
          case 'inflowChangePct':
            return (v) => (seg.shiftInflow = v);
          case 'durationChangePct':
            return (v) => (seg.shiftDuration = v);
          case 'intensityChangePct':
            return (v) => (seg.shiftUnits = v);
          case 'priceIndexPct':
            return (v) => (seg.shiftPrice = v);
          default:
            throw new Error(`${p.key}: geldt niet voor een volumesegment`);
        }
      }
      case 'fundingBase':
        return (v) => (fundingBase.cur = v);
      case 'fundingIndex':
        return (v) => (fundingBase.shift = v);
      case 'substitution': {
        const rule = rules[t.rule];
        if (!rule) throw new Error(`${p.key}: substitutieregel ${t.rule} bestaat niet`);
        return (v) => (rule.shift = v);
      }
      case 'policy': {
        if (t.policy < 0 || t.policy >= policies.length)
          throw new Error(`${p.key}: beleidsmaatregel ${t.policy} bestaat niet`);
        return (v) => {
          realisatie[t.policy] = v;
          policyDirty = true;
        };
      }
      case 'prevention': {
        const effect = effects[t.effect];
        if (!effect) throw new Error(`${p.key}: preventie-effect ${t.effect} bestaat niet`);
        return t.field === 'inflowPctPer100k' ? (v) => (effect.curPer100k = v) : (v) => (effect.curMaxPct = v);
      }
      case 'autonomous':
        return (v) => (autoShift[t.field] = v);
      case 'measure': {
        const m = measureById.get(t.id);
        if (!m) throw new Error(`${p.key}: Rijksmaatregel ${JSON.stringify(t.id)} staat niet aan`);
        return (v) => (m.factor = v);
      }
      case 'knownChange': {
        const c = knownById.get(t.id);
        if (!c) throw new Error(`${p.key}: bekende ontwikkeling ${JSON.stringify(t.id)} staat niet aan`);
        return (v) => (c.factor = v);
      }
    }
  });
  const drawsAutonomous = scenario.autonomous !== undefined && params.some((p) => p.target.kind === 'autonomous');

  function reset(): void {
    for (const seg of budgets) {
      seg.cur = seg.base;
      seg.shift = 0;
    }
    for (const seg of volumes) {
      seg.inflow = seg.baseInflow;
      seg.duration = seg.baseDuration;
      seg.units = seg.baseUnits;
      seg.price = seg.basePrice;
      seg.shiftInflow = seg.shiftDuration = seg.shiftUnits = seg.shiftPrice = 0;
    }
    for (const r of rules) r.shift = 0;
    for (const e of effects) {
      e.curPer100k = e.per100k;
      e.curMaxPct = e.maxPct;
    }
    fundingBase.cur = fundingBase.base;
    fundingBase.shift = 0;
    for (let i = 0; i < realisatie.length; i++) {
      if (realisatie[i] !== realisatieBase[i]) policyDirty = true;
      realisatie[i] = realisatieBase[i]!;
    }
    for (const field of AUTONOMOUS_RANGE_FIELDS) delete autoShift[field];
    for (const m of measures) m.factor = 1;
    for (const c of known) c.factor = 1;
  }

  /** Per segment index, the policy factor of a field (undefined: none). */
  const none: (Float64Array | undefined)[] = model.segments.map(() => undefined);
  let polInflow = none;
  let polDuration = none;
  let polUnits = none;
  let polAmount = none;
  function refreshPolicies(): void {
    policyDirty = false;
    const policy: PolicyFactors = policyFactors(policies, years, realisatie);
    const pick = (m: Map<string, number[]>) =>
      segmentIds.map((id) => {
        const f = m.get(id);
        return f ? Float64Array.from(f) : undefined;
      });
    polInflow = pick(policy.inflowChangePct);
    polDuration = pick(policy.durationChangePct);
    polUnits = pick(policy.intensityChangePct);
    polAmount = pick(policy.amountChangePct);
    for (const r of rules) {
      if (r.policy < 0) continue;
      const rr = realisatie[r.policy]!;
      for (let k = 0; k < n; k++) r.share[k] = r.named[k] ? realisedPct(r.base[k]!, rr) : 0;
    }
  }

  function run(cost: Float64Array, funding: Float64Array): void {
    if (policyDirty) refreshPolicies();
    if (drawsAutonomous) {
      const shifted: Autonomous = { ...scenario.autonomous };
      for (const field of AUTONOMOUS_RANGE_FIELDS) {
        const v = autoShift[field];
        if (v !== undefined) shifted[field] = adjustYearMap(shifted[field], 'shift', v, laterYears);
      }
      auto = autonomousFactors(model, shifted, years);
    }
    // Inflow paths (engine/paths yearPath), then policies, autonome ontwikkeling, prevention, substitution.
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s]!;
      if (seg.kind !== 'volume') continue;
      let v = seg.inflow;
      const pct = seg.pctInflow;
      const shift = seg.shiftInflow;
      seg.inflowBefore[0] = v;
      for (let k = 1; k < n; k++) {
        v *= 1 + (pct[k]! + shift) / 100;
        seg.inflowBefore[k] = v;
      }
      const pol = polInflow[s];
      if (pol) for (let k = 0; k < n; k++) seg.inflowBefore[k] = seg.inflowBefore[k]! * pol[k]!;
      if (auto) for (let k = 0; k < n; k++) seg.inflowBefore[k] = seg.inflowBefore[k]! * auto.inflow[k]!;
    }
    // Effects on the same segment multiply, in file order (engine/prevention preventionFactors).
    for (let e = 0; e < effects.length; e++) {
      const eff = effects[e]!;
      const seg = segs[eff.segment];
      if (!seg || seg.kind !== 'volume') continue;
      if (isFirstEffectOn(effects, e)) factor.fill(1);
      else continue; // handled together with the first effect on this segment
      for (let j = e; j < effects.length; j++) {
        const other = effects[j]!;
        if (other.segment !== eff.segment) continue;
        for (let k = 0; k < n; k++) {
          const budget = extraBudget[String(years[k]! - other.lag)] ?? 0;
          factor[k] = factor[k]! * (1 - preventionReductionPct(budget, other.curPer100k, other.curMaxPct) / 100);
        }
      }
      for (let k = 0; k < n; k++) seg.inflowBefore[k] = seg.inflowBefore[k]! * factor[k]!;
    }
    for (const seg of volumes) seg.inflowAfter.set(seg.inflowBefore);
    for (const r of rules) {
      const from = segs[r.from];
      const to = segs[r.to];
      if (!from || !to || from.kind !== 'volume' || to.kind !== 'volume') continue;
      for (let k = 0; k < n; k++) {
        const share = r.named[k] ? r.share[k]! + r.shift : 0;
        const moved = (from.inflowBefore[k]! * share) / 100;
        from.inflowAfter[k] = from.inflowAfter[k]! - moved;
        to.inflowAfter[k] = to.inflowAfter[k]! + moved;
      }
    }

    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s]!;
      if (seg.kind !== 'budget') continue;
      let v = seg.cur;
      seg.cost[0] = v;
      for (let k = 1; k < n; k++) {
        v *= 1 + (seg.pct[k]! + seg.shift) / 100;
        seg.cost[k] = v;
      }
      const pol = polAmount[s];
      if (pol) for (let k = 0; k < n; k++) seg.cost[k] = seg.cost[k]! * pol[k]!;
    }
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s]!;
      if (seg.kind !== 'volume') continue;
      // engine/simulate simulateVolume, with the duration, intensity and price paths inline.
      let clients = seg.opening ?? (seg.inflow * seg.duration) / 12;
      let d = seg.duration;
      let u = seg.units;
      let p = seg.price;
      const { pctDuration, pctUnits, pctPrice, inflowAfter, cost } = seg;
      const polD = polDuration[s];
      const polU = polUnits[s];
      for (let k = 0; k < n; k++) {
        if (k > 0) {
          d *= 1 + (pctDuration[k]! + seg.shiftDuration) / 100;
          u *= 1 + (pctUnits[k]! + seg.shiftUnits) / 100;
          p *= 1 + (pctPrice[k]! + seg.shiftPrice) / 100;
        }
        const dk = polD ? d * polD[k]! : d;
        const uk = polU ? u * polU[k]! : u;
        const i = inflowAfter[k]! / 12;
        let clientMonths = 0;
        for (let m = 0; m < 12; m++) {
          const next = clients + i - clients / dk;
          clientMonths += (clients + next) / 2;
          clients = next;
        }
        cost[k] = auto ? clientMonths * (uk * auto.units[k]!) * (p * auto.price[k]!) : clientMonths * uk * p;
      }
    }

    for (const c of known) {
      const f = c.factor;
      const factor = (f * c.pct) / 100;
      for (let k = 0; k < n; k++) {
        let total = f * c.amount[k]!;
        for (const p of c.perGemeente) total += f * p[k]!;
        const pf = years[k]! >= c.fromYear ? factor : 0;
        if (pf !== 0) {
          let sum = 0;
          for (const l of c.segments) if (l >= 0) sum += segs[l]!.cost[k]!;
          total += pf * sum;
        }
        c.years[k] = total;
      }
    }
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (const m of measures) sum += m.national[k]! * m.factor * share;
      measured[k] = sum;
    }

    let baseline = fundingBase.cur;
    for (let k = 0; k < n; k++) {
      if (k > 0) baseline *= 1 + (indexPct[k]! + fundingBase.shift) / 100;
      let total = 0;
      for (const seg of segs) total += seg.cost[k]!;
      if (preventionCost) total += preventionCost[k]!;
      for (const c of known) if (c.lasten) total += c.years[k]!;
      cost[k] = total;
      let knownBaten = 0;
      for (const c of known) if (!c.lasten) knownBaten += c.years[k]!;
      funding[k] = baseline + adjustments[k]! + measured[k]! + knownBaten;
    }
  }

  return { years: n, setters, reset, run };
}

function isFirstEffectOn(effects: readonly LeanEffect[], e: number): boolean {
  for (let j = 0; j < e; j++) if (effects[j]!.segment === effects[e]!.segment) return false;
  return true;
}
