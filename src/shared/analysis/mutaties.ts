/**
 * Mutatieoverzicht ("waar komt het verschil vandaan?"): the difference between a scenario and a
 * reference (a version marked vastgesteld, or another scenario such as Ongewijzigd beleid), per year,
 * split into prijs, volume, beleid, Rijk and basismodel/realisatie.
 *
 * Method: stepwise substitution. Start from the reference (its model and scenario); each step moves ONE
 * component from the reference value to the target value and its effect is the change in the results.
 * The steps run in the fixed order of `mutatieSteps` (docs/analysis.md, "Mutatieoverzicht"): the effect
 * of a step is measured with every earlier step already at the target value, so interactions (e.g. more
 * volume at a higher price) land in the later step. Amounts are rounded to cents per state and the
 * contributions are differences of those integers, so they telescope: Σ contributions === target −
 * reference, exactly, per year (property test). A component no step knows (a field added later without
 * its step) ends up in "Overig", never lost.
 */
import type { Model } from '../formats/model';
import type { Scenario, SegmentAssumption } from '../formats/scenario';
import type { SimulationResult } from '../engine/result';
import { simulate } from '../engine/simulate';
import { findMeasure, RIJKSMAATREGELEN } from '../domain/rijksmaatregelen';

export type MutatieCategory = 'basismodel' | 'prijs' | 'volume' | 'beleid' | 'rijk' | 'overig';

export const CATEGORY_LABELS: Record<MutatieCategory, string> = {
  basismodel: 'Basismodel en realisatie',
  prijs: 'Prijs (loon- en prijsindex)',
  volume: 'Volume (autonoom en per segment)',
  beleid: 'Beleid',
  rijk: 'Rijk: Rijksmiddelen en landelijke besluiten',
  overig: 'Overig',
};

/** What one simulation is computed from. */
export interface MutatieState {
  model: Model;
  scenario: Scenario;
}

/** One step: moves one component from the reference value to the target value. */
export interface MutatieStep {
  id: string;
  category: MutatieCategory;
  /** the line's label in the controller's words (a measure or substitution by name) */
  label: string;
  apply(current: MutatieState, target: MutatieState): MutatieState;
}

/** Amounts per year in cents (integers), in the order of `MutatieOverzicht.years`. */
export interface CentsByYear {
  lasten: number[];
  baten: number[];
  /** baten − lasten */
  saldo: number[];
}

export interface MutatieLine extends CentsByYear {
  id: string;
  category: MutatieCategory;
  label: string;
}

export interface MutatieOverzicht {
  years: number[];
  reference: CentsByYear;
  target: CentsByYear;
  /** target − reference */
  total: CentsByYear;
  /** every step in order (also those without effect); Σ lines === total per year and per field */
  lines: MutatieLine[];
}

export interface MutatieReference extends MutatieState {
  /**
   * The result as stored with a version (what was adopted). When given, the reference figures are these;
   * a difference with today's engine for the same inputs becomes the line "Rekenwijze".
   */
  result?: SimulationResult;
}

// ── helpers to move one part of a scenario ────────────────────────────────────────────────────

type AssumptionKey = Exclude<keyof SegmentAssumption, 'source'>;

/** The scenario with `field` of every segment's assumptions as in `target` (absent where target has none). */
function withAssumptionField(current: Scenario, target: Scenario, field: AssumptionKey): Scenario {
  const assumptions: Scenario['assumptions'] = {};
  const ids = new Set([...Object.keys(current.assumptions), ...Object.keys(target.assumptions)]);
  for (const id of ids) {
    const next: SegmentAssumption = { ...current.assumptions[id] };
    const value = target.assumptions[id]?.[field];
    if (value === undefined) delete next[field];
    else next[field] = value;
    if (Object.keys(next).length > 0) assumptions[id] = next;
  }
  return { ...current, assumptions };
}

type AutonomousKey = keyof NonNullable<Scenario['autonomous']>;

function withAutonomous(current: Scenario, target: Scenario, keys: readonly AutonomousKey[]): Scenario {
  const next: Record<string, unknown> = { ...current.autonomous };
  for (const key of keys) {
    const value = target.autonomous?.[key];
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  const out: Scenario = { ...current };
  if (Object.keys(next).length === 0) delete out.autonomous;
  else out.autonomous = next as NonNullable<Scenario['autonomous']>;
  return out;
}

function withFundingField(current: Scenario, target: Scenario, key: 'indexPct' | 'adjustments'): Scenario {
  const funding = { ...current.funding };
  const value = target.funding[key];
  if (value === undefined) delete funding[key];
  else funding[key] = value;
  return { ...current, funding };
}

function withMeasure(current: Scenario, target: Scenario, id: string): Scenario {
  const measures = { ...current.measures };
  const value = target.measures?.[id];
  if (value === undefined) delete measures[id];
  else measures[id] = value;
  const out: Scenario = { ...current };
  if (Object.keys(measures).length === 0 && !target.measures) delete out.measures;
  else out.measures = measures;
  return out;
}

/**
 * The scenario with beleidsmaatregel `id` as in target (absent where target has none), in target's order:
 * the policies already moved keep their place, so the engine sees them in the order of the target file.
 */
function withPolicy(current: Scenario, target: Scenario, id: string): Scenario {
  const moved = new Map((current.policies ?? []).map((p) => [p.id, p]));
  const wanted = target.policies?.find((p) => p.id === id);
  if (wanted) moved.set(id, wanted);
  else moved.delete(id);
  const order = [...(target.policies ?? []).map((p) => p.id), ...(current.policies ?? []).map((p) => p.id)];
  const policies = [...new Set(order)].flatMap((pid) => (moved.has(pid) ? [moved.get(pid)!] : []));
  const out: Scenario = { ...current };
  if (policies.length === 0 && !target.policies) delete out.policies;
  else out.policies = policies;
  return out;
}

/** The scenario with bekende ontwikkeling `id` switched as in target (absent where target has none). */
function withKnownChange(current: Scenario, target: Scenario, id: string): Scenario {
  const knownChanges = { ...current.knownChanges };
  const value = target.knownChanges?.[id];
  if (value === undefined) delete knownChanges[id];
  else knownChanges[id] = value;
  const out: Scenario = { ...current };
  if (Object.keys(knownChanges).length === 0 && !target.knownChanges) delete out.knownChanges;
  else out.knownChanges = knownChanges;
  return out;
}

const substitutionKey = (r: { from: string; to: string }) => `${r.from}>${r.to}`;

/** The scenario with the substitution rules VAN→NAAR as in target (all rules of that pair move together). */
function withSubstitution(current: Scenario, target: Scenario, key: string): Scenario {
  const kept = current.substitutions.filter((r) => substitutionKey(r) !== key);
  const moved = target.substitutions.filter((r) => substitutionKey(r) === key);
  return { ...current, substitutions: [...kept, ...moved] };
}

function segmentName(state: MutatieState, id: string): string {
  return state.model.segments.find((s) => s.id === id)?.name ?? id;
}

/**
 * The steps from reference to target, in their fixed order: basismodel/realisatie, prijs, volume,
 * beleid, Rijk. Named components (a substitution, a Rijksmaatregel) get one step each; a new component
 * is one more entry in this array.
 */
export function mutatieSteps(reference: MutatieState, target: MutatieState): MutatieStep[] {
  const assumption = (id: string, category: MutatieCategory, label: string, field: AssumptionKey): MutatieStep => ({
    id,
    category,
    label,
    apply: (c, t) => ({ ...c, scenario: withAssumptionField(c.scenario, t.scenario, field) }),
  });
  const autonomous = (id: string, category: MutatieCategory, label: string, keys: AutonomousKey[]): MutatieStep => ({
    id,
    category,
    label,
    apply: (c, t) => ({ ...c, scenario: withAutonomous(c.scenario, t.scenario, keys) }),
  });

  const steps: MutatieStep[] = [
    {
      id: 'basismodel',
      category: 'basismodel',
      label: 'Basismodel en realisatie (nieuwe cijfers van het model)',
      apply: (c, t) => ({ ...c, model: t.model }),
    },
    autonomous('prijs:loon-prijs', 'prijs', 'Loon- en prijsindex (autonome ontwikkeling)', [
      'wageIndexPct',
      'materialIndexPct',
      'wageWeightPct',
    ]),
    assumption('prijs:tarief', 'prijs', 'Tariefindex per segment', 'priceIndexPct'),
    autonomous('volume:demografie', 'volume', 'Demografie (jeugdigen 0–17)', ['youth0to17']),
    autonomous('volume:gebruik', 'volume', 'Gebruik per jeugdige', ['usageChangePct']),
    autonomous('volume:zwaarte', 'volume', 'Zwaarte (intensiteit)', ['severityChangePct']),
    assumption('volume:instroom', 'volume', 'Instroom per segment', 'inflowChangePct'),
    assumption('volume:duur', 'volume', 'Trajectduur per segment', 'durationChangePct'),
    assumption('volume:intensiteit', 'volume', 'Intensiteit per segment', 'intensityChangePct'),
    assumption('volume:bedrag', 'volume', 'Budgetregels (bedrag)', 'amountChangePct'),
  ];

  const pairs = new Map<string, { from: string; to: string }>();
  for (const r of [...reference.scenario.substitutions, ...target.scenario.substitutions])
    if (!pairs.has(substitutionKey(r))) pairs.set(substitutionKey(r), r);
  for (const [key, r] of pairs) {
    steps.push({
      id: `beleid:substitutie:${key}`,
      category: 'beleid',
      label: `Substitutie ${segmentName(target, r.from)} → ${segmentName(target, r.to)}`,
      apply: (c, t) => ({ ...c, scenario: withSubstitution(c.scenario, t.scenario, key) }),
    });
  }
  const policyNames = new Map<string, string>();
  for (const p of [...(target.scenario.policies ?? []), ...(reference.scenario.policies ?? [])])
    if (!policyNames.has(p.id)) policyNames.set(p.id, p.name);
  for (const [id, name] of policyNames) {
    steps.push({
      id: `beleid:maatregel:${id}`,
      category: 'beleid',
      label: `Beleidsmaatregel: ${name}`,
      apply: (c, t) => ({ ...c, scenario: withPolicy(c.scenario, t.scenario, id) }),
    });
  }
  if (reference.scenario.prevention || target.scenario.prevention) {
    const name = target.scenario.prevention?.name ?? reference.scenario.prevention?.name;
    steps.push({
      id: 'beleid:preventie',
      category: 'beleid',
      label: `Preventie: ${name ?? 'extra transformatiebudget en effect'}`,
      apply: (c, t) => {
        const scenario: Scenario = { ...c.scenario };
        if (t.scenario.prevention) scenario.prevention = t.scenario.prevention;
        else delete scenario.prevention;
        return { ...c, scenario };
      },
    });
  }

  steps.push(
    {
      id: 'rijk:index',
      category: 'rijk',
      label: 'Index Rijksmiddelen',
      apply: (c, t) => ({ ...c, scenario: withFundingField(c.scenario, t.scenario, 'indexPct') }),
    },
    {
      id: 'rijk:bijstellingen',
      category: 'rijk',
      label: 'Incidentele bijstellingen Rijksmiddelen',
      apply: (c, t) => ({ ...c, scenario: withFundingField(c.scenario, t.scenario, 'adjustments') }),
    },
  );
  const measureIds = new Set([
    ...Object.keys(reference.scenario.measures ?? {}),
    ...Object.keys(target.scenario.measures ?? {}),
  ]);
  const libraryOrder = RIJKSMAATREGELEN.map((m) => m.id);
  const ordered = [...measureIds].sort((a, b) => libraryOrder.indexOf(a) - libraryOrder.indexOf(b));
  for (const id of ordered) {
    steps.push({
      id: `rijk:maatregel:${id}`,
      category: 'rijk',
      label: `Rijksmaatregel: ${findMeasure(id)?.name ?? id}`,
      apply: (c, t) => ({ ...c, scenario: withMeasure(c.scenario, t.scenario, id) }),
    });
  }
  // Bekende ontwikkelingen (woonplaatsbeginsel, landelijk tarief JB/JR, …): decisions outside the region's
  // own policy, each by name, in the model's order. Their amounts are the target model's (moved in basismodel).
  const knownIds = new Set([
    ...Object.keys(reference.scenario.knownChanges ?? {}),
    ...Object.keys(target.scenario.knownChanges ?? {}),
  ]);
  const modelOrder = (target.model.knownChanges ?? []).map((c) => c.id);
  const knownOrdered = [...knownIds].sort((a, b) => modelOrder.indexOf(a) - modelOrder.indexOf(b));
  for (const id of knownOrdered) {
    const name =
      target.model.knownChanges?.find((c) => c.id === id)?.name ??
      reference.model.knownChanges?.find((c) => c.id === id)?.name ??
      id;
    steps.push({
      id: `rijk:bekend:${id}`,
      category: 'rijk',
      label: `Bekende ontwikkeling: ${name}`,
      apply: (c, t) => ({ ...c, scenario: withKnownChange(c.scenario, t.scenario, id) }),
    });
  }
  return steps;
}

/** Totals per year of a result in cents, for the given years (0 where the result has no such year). */
function cents(result: SimulationResult, years: readonly number[]): CentsByYear {
  const byYear = new Map(result.totals.map((t) => [t.year, t]));
  // `|| 0`: no −0 (a rounded small negative amount), so equal figures compare equal
  const lasten = years.map((y) => Math.round((byYear.get(y)?.cost ?? 0) * 100) || 0);
  const baten = years.map((y) => Math.round((byYear.get(y)?.funding ?? 0) * 100) || 0);
  return { lasten, baten, saldo: baten.map((b, k) => b - lasten[k]! || 0) };
}

function minus(a: CentsByYear, b: CentsByYear): CentsByYear {
  const d = (x: number[], y: number[]) => x.map((v, k) => v - y[k]! || 0);
  return { lasten: d(a.lasten, b.lasten), baten: d(a.baten, b.baten), saldo: d(a.saldo, b.saldo) };
}

const isZero = (c: CentsByYear) => c.lasten.every((v) => v === 0) && c.baten.every((v) => v === 0);

/**
 * The mutatieoverzicht of `target` against `reference`, over the years both have. Every step is a line
 * (also without effect: the caller may hide those); "Rekenwijze" (stored result ≠ today's engine) and
 * "Overig" (a component no step moves) appear only when they are not zero.
 */
export function mutatieOverzicht(reference: MutatieReference, target: MutatieState): MutatieOverzicht {
  const run = (s: MutatieState) => simulate(s.model, s.scenario, { perGemeente: false });
  const refRun = run(reference);
  const targetRun = run(target);
  const refYears = new Set((reference.result ?? refRun).years);
  const years = targetRun.years.filter((y) => refYears.has(y));

  const lines: MutatieLine[] = [];
  const refCents = cents(reference.result ?? refRun, years);
  let previous = refCents;
  if (reference.result) {
    const now = cents(refRun, years);
    const d = minus(now, refCents);
    if (!isZero(d))
      lines.push({ id: 'rekenwijze', category: 'overig', label: 'Rekenwijze van de app sinds de versie', ...d });
    previous = now;
  }
  let state: MutatieState = { model: reference.model, scenario: reference.scenario };
  for (const step of mutatieSteps(reference, target)) {
    state = step.apply(state, target);
    const now = cents(run(state), years);
    lines.push({ id: step.id, category: step.category, label: step.label, ...minus(now, previous) });
    previous = now;
  }
  const targetCents = cents(targetRun, years);
  const rest = minus(targetCents, previous);
  if (!isZero(rest)) lines.push({ id: 'overig', category: 'overig', label: 'Overig (niet uitgesplitst)', ...rest });
  return { years, reference: refCents, target: targetCents, total: minus(targetCents, refCents), lines };
}

/** The lines with an effect in any year (what a table shows). */
export function effectiveLines(o: MutatieOverzicht): MutatieLine[] {
  return o.lines.filter((l) => l.lasten.some((v) => v !== 0) || l.baten.some((v) => v !== 0));
}

/** Sum per category, in the order of CATEGORY_LABELS; only categories with lines. */
export function categoryTotals(o: MutatieOverzicht): (CentsByYear & { category: MutatieCategory })[] {
  const out: (CentsByYear & { category: MutatieCategory })[] = [];
  for (const category of Object.keys(CATEGORY_LABELS) as MutatieCategory[]) {
    const lines = o.lines.filter((l) => l.category === category);
    if (lines.length === 0) continue;
    const sum = (f: keyof CentsByYear) => o.years.map((_, k) => lines.reduce((a, l) => a + l[f][k]!, 0));
    out.push({ category, lasten: sum('lasten'), baten: sum('baten'), saldo: sum('saldo') });
  }
  return out;
}
