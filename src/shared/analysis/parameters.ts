/**
 * The assumptions an analysis varies, as one flat list: each with its low,
 * most likely and high value and how a value is put into the model or the
 * scenario. Monte Carlo uses the ones with a range; the tornado uses all of
 * them (±10% where there is no range). `applyParameters` is the reference way
 * to put values in (a new model and scenario, then `simulate`); the lean
 * Monte Carlo path is tested against it.
 */
import type { Model, Segment } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import type { SimulateOptions } from '../engine/simulate';
import { findMeasure } from '../domain/rijksmaatregelen';
import { switchedOn } from '../engine/knownChanges';
import {
  AUTONOMOUS_RANGE_FIELDS,
  type AutonomousRangeField,
  BUDGET_BASE_RANGE_FIELDS,
  BUDGET_PCT_RANGE_FIELDS,
  VOLUME_BASE_RANGE_FIELDS,
  VOLUME_PCT_RANGE_FIELDS,
  type Range,
  type SegmentBaseRangeField,
  type SegmentPctRangeField,
} from '../formats/ranges';
import { modelYears } from '../years';

export type ParameterTarget =
  | { kind: 'segmentBase'; segment: string; field: SegmentBaseRangeField }
  | { kind: 'segmentPct'; segment: string; field: SegmentPctRangeField }
  | { kind: 'fundingBase' }
  | { kind: 'fundingIndex' }
  | { kind: 'substitution'; rule: number }
  | { kind: 'prevention'; effect: number; field: 'inflowPctPer100k' | 'maxPct' }
  | { kind: 'policy'; policy: number }
  /** a factor on a Rijksmaatregel's amount (its range in the library, % of the amount) */
  | { kind: 'measure'; id: string }
  /** a factor on a bekende ontwikkeling's amount (its range in the model, % of the amount) */
  | { kind: 'knownChange'; id: string }
  /** a shift in percentage points on a yearly driver of autonome ontwikkeling */
  | { kind: 'autonomous'; field: AutonomousRangeField };

/**
 * How a value enters: 'value' replaces a base figure; 'shift' adds percentage
 * points to every year's percentage; 'scale' multiplies every given
 * percentage (the tornado's ±10% on a percentage without a range).
 */
export type ParameterMode = 'value' | 'shift' | 'scale';

export interface Parameter {
  /** the scenario path of its range, e.g. `ranges.ambulant.inflowChangePct`; unique */
  key: string;
  /** Dutch, for tables and charts */
  label: string;
  target: ParameterTarget;
  mode: ParameterMode;
  low: number;
  likely: number;
  high: number;
  /** true when low/high come from a range in the scenario; false for the default ±x% */
  fromRange: boolean;
  rangeSource?: string;
  /** the range's link group: Monte Carlo draws all parameters with the same link with one u */
  link?: string;
}

const FIELD_LABELS: Record<SegmentBaseRangeField | SegmentPctRangeField, string> = {
  inflowPerYear: 'instroom per jaar',
  avgDurationMonths: 'trajectduur (maanden)',
  unitsPerClientMonth: 'intensiteit (eenheden per cliëntmaand)',
  pricePerUnit: 'tarief per eenheid',
  amount: 'budget',
  inflowChangePct: 'instroomverandering (%-punt)',
  durationChangePct: 'duurverandering (%-punt)',
  intensityChangePct: 'intensiteitsverandering (%-punt)',
  priceIndexPct: 'tariefindex (%-punt)',
  amountChangePct: 'budgetverandering (%-punt)',
};

const AUTONOMOUS_LABELS: Record<AutonomousRangeField, string> = {
  usageChangePct: 'Autonome ontwikkeling: gebruik per jeugdige (%-punt)',
  severityChangePct: 'Autonome ontwikkeling: zwaarte (%-punt)',
  wageIndexPct: 'Autonome ontwikkeling: loonindex (%-punt)',
  materialIndexPct: 'Autonome ontwikkeling: prijsindex (%-punt)',
};

/** A range in % of an amount as a factor: low 1 + lowPct/100, likely 1, high 1 + highPct/100. */
function factorRange(
  range: { lowPct: number; highPct: number; source?: string | undefined },
  source: string,
): Pick<Parameter, 'low' | 'likely' | 'high' | 'fromRange' | 'mode' | 'rangeSource'> {
  return {
    low: 1 + range.lowPct / 100,
    likely: 1,
    high: 1 + range.highPct / 100,
    fromRange: true,
    mode: 'value',
    rangeSource: range.source ?? source,
  };
}

export function fieldLabel(field: SegmentBaseRangeField | SegmentPctRangeField): string {
  return FIELD_LABELS[field];
}

function segmentBaseValue(seg: Segment, field: SegmentBaseRangeField): number {
  if (seg.kind === 'budget') return seg.amount;
  if (field === 'unitsPerClientMonth') return seg.unitsPerClientMonth ?? 1;
  if (field === 'amount') return 0;
  return seg[field];
}

function fromRange(
  range: Range,
  likely: number,
  mode: ParameterMode,
): Pick<Parameter, 'low' | 'likely' | 'high' | 'fromRange' | 'mode' | 'rangeSource' | 'link'> {
  return {
    low: range.low,
    likely,
    high: range.high,
    fromRange: true,
    mode,
    ...(range.source !== undefined ? { rangeSource: range.source } : {}),
    ...(range.link !== undefined ? { link: range.link } : {}),
  };
}

/**
 * Which uniform number each parameter uses in a draw: `slot[i]` is the index
 * of the u that parameter i maps through its triangle; `slots` is how many
 * u's one draw takes. An unlinked parameter has its own slot; the parameters
 * of one link group share the slot of its first member. Slots are numbered in
 * parameter order, so without links slot[i] = i and a seed draws exactly the
 * numbers it drew before links existed.
 */
export function drawSlots(params: readonly Parameter[]): { slot: Int32Array; slots: number } {
  const slot = new Int32Array(params.length);
  const byLink = new Map<string, number>();
  let slots = 0;
  params.forEach((p, i) => {
    if (p.link === undefined) {
      slot[i] = slots++;
      return;
    }
    const known = byLink.get(p.link);
    if (known !== undefined) slot[i] = known;
    else {
      byLink.set(p.link, slots);
      slot[i] = slots++;
    }
  });
  return { slot, slots };
}

function hasNonZero(map: Readonly<Record<string, number>> | undefined): boolean {
  return Object.values(map ?? {}).some((v) => v !== 0);
}

/**
 * Every parameter of a model and scenario, in a fixed order (segments in model
 * order, fields in a fixed order, then funding, substitutions, prevention, policies), so
 * a seed always draws the same numbers for the same inputs.
 * With `defaultPct` undefined only the ones with a range are returned.
 */
export function listParameters(model: Model, scenario: Scenario, defaultPct?: number): Parameter[] {
  const out: Parameter[] = [];
  const d = defaultPct === undefined ? undefined : defaultPct / 100;
  for (const seg of model.segments) {
    const ranges = scenario.ranges?.[seg.id] ?? {};
    const a = scenario.assumptions[seg.id] as Record<string, Record<string, number> | undefined> | undefined;
    const baseFields: readonly SegmentBaseRangeField[] =
      seg.kind === 'volume' ? VOLUME_BASE_RANGE_FIELDS : BUDGET_BASE_RANGE_FIELDS;
    const pctFields: readonly SegmentPctRangeField[] =
      seg.kind === 'volume' ? VOLUME_PCT_RANGE_FIELDS : BUDGET_PCT_RANGE_FIELDS;
    for (const field of baseFields) {
      const likely = segmentBaseValue(seg, field);
      const key = `ranges.${seg.id}.${field}`;
      const label = `${seg.name}: ${FIELD_LABELS[field]}`;
      const target: ParameterTarget = { kind: 'segmentBase', segment: seg.id, field };
      const range = ranges[field];
      if (range) out.push({ key, label, target, ...fromRange(range, likely, 'value') });
      // Without a range, ±x% on inflow, duration, intensity or tariff moves the cost of a segment in
      // steady state by the same x% (cost ∝ I·D·u·p): one bar per segment, on the tariff, says it all.
      else if (d !== undefined && likely !== 0 && (seg.kind === 'budget' || field === 'pricePerUnit')) {
        // Duration stays ≥ 1 month and intensity > 0, as the model format demands.
        const low = field === 'avgDurationMonths' ? Math.max(1, likely * (1 - d)) : likely * (1 - d);
        out.push({ key, label, target, mode: 'value', low, likely, high: likely * (1 + d), fromRange: false });
      }
    }
    for (const field of pctFields) {
      const key = `ranges.${seg.id}.${field}`;
      const label = `${seg.name}: ${FIELD_LABELS[field]}`;
      const target: ParameterTarget = { kind: 'segmentPct', segment: seg.id, field };
      const range = ranges[field];
      if (range) out.push({ key, label, target, ...fromRange(range, 0, 'shift') });
      else if (d !== undefined && hasNonZero(a?.[field])) {
        out.push({
          key,
          label: `${seg.name}: ${FIELD_LABELS[field].replace('(%-punt)', `(±${defaultPct}% van de aanname)`)}`,
          target,
          mode: 'scale',
          low: 1 - d,
          likely: 1,
          high: 1 + d,
          fromRange: false,
        });
      }
    }
  }

  const fr = scenario.funding.ranges;
  if (fr?.baseAmount)
    out.push({
      key: 'funding.ranges.baseAmount',
      label: 'Rijksmiddelen: basisbedrag',
      target: { kind: 'fundingBase' },
      ...fromRange(fr.baseAmount, model.funding.baseAmount, 'value'),
    });
  else if (d !== undefined && model.funding.baseAmount > 0) {
    const b = model.funding.baseAmount;
    out.push({
      key: 'funding.ranges.baseAmount',
      label: 'Rijksmiddelen: basisbedrag',
      target: { kind: 'fundingBase' },
      mode: 'value',
      low: b * (1 - d),
      likely: b,
      high: b * (1 + d),
      fromRange: false,
    });
  }
  const index = { ...model.funding.indexPct, ...scenario.funding.indexPct };
  if (fr?.indexPct)
    out.push({
      key: 'funding.ranges.indexPct',
      label: 'Rijksmiddelen: index (%-punt)',
      target: { kind: 'fundingIndex' },
      ...fromRange(fr.indexPct, 0, 'shift'),
    });
  else if (d !== undefined && hasNonZero(index)) {
    out.push({
      key: 'funding.ranges.indexPct',
      label: `Rijksmiddelen: index (±${defaultPct}% van de aanname)`,
      target: { kind: 'fundingIndex' },
      mode: 'scale',
      low: 1 - d,
      likely: 1,
      high: 1 + d,
      fromRange: false,
    });
  }

  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  scenario.substitutions.forEach((rule, i) => {
    const key = `substitutions.${i}.ranges.sharePct`;
    const label = `Substitutie ${names.get(rule.from) ?? rule.from} → ${names.get(rule.to) ?? rule.to}`;
    const target: ParameterTarget = { kind: 'substitution', rule: i };
    const range = rule.ranges?.sharePct;
    if (range) out.push({ key, label: `${label} (%-punt)`, target, ...fromRange(range, 0, 'shift') });
    else if (d !== undefined && hasNonZero(rule.sharePct))
      out.push({
        key,
        label: `${label} (±${defaultPct}%)`,
        target,
        mode: 'scale',
        low: 1 - d,
        likely: 1,
        high: 1 + d,
        fromRange: false,
      });
  });

  scenario.prevention?.effects.forEach((e, i) => {
    const segName = names.get(e.segment) ?? e.segment;
    for (const field of ['inflowPctPer100k', 'maxPct'] as const) {
      const key = `prevention.effects.${i}.ranges.${field}`;
      const label =
        field === 'inflowPctPer100k'
          ? `Preventie-effect ${segName}: % per € 100.000`
          : `Preventie-effect ${segName}: plafond (%)`;
      const target: ParameterTarget = { kind: 'prevention', effect: i, field };
      const range = e.ranges?.[field];
      const likely = e[field];
      if (range) out.push({ key, label, target, ...fromRange(range, likely, 'value') });
      else if (d !== undefined && field === 'inflowPctPer100k' && likely !== 0) {
        // A negative effect (the measure raises the inflow) varies the same way: low below, high above.
        const a = likely * (1 - d);
        const b = likely * (1 + d);
        out.push({
          key,
          label,
          target,
          mode: 'value',
          low: Math.max(-100, Math.min(a, b)),
          likely,
          high: Math.min(100, Math.max(a, b)),
          fromRange: false,
        });
      }
    }
  });

  // Beleidsmaatregelen: the realisation of each, an absolute percentage 0..100.
  scenario.policies?.forEach((p, i) => {
    const key = `policies.${i}.ranges.realisatiePct`;
    const label = `${p.name}: realisatie (%)`;
    const target: ParameterTarget = { kind: 'policy', policy: i };
    const range = p.ranges?.realisatiePct;
    if (range) out.push({ key, label, target, ...fromRange(range, p.realisatiePct, 'value') });
    else if (d !== undefined && p.realisatiePct > 0)
      out.push({
        key,
        label,
        target,
        mode: 'value',
        low: p.realisatiePct * (1 - d),
        likely: p.realisatiePct,
        high: Math.min(100, p.realisatiePct * (1 + d)),
        fromRange: false,
      });
  });
  // Appended after the older kinds, so a seed draws the same numbers for those as before.
  const auto = scenario.autonomous;
  for (const field of AUTONOMOUS_RANGE_FIELDS) {
    const range = auto?.ranges?.[field];
    if (range)
      out.push({
        key: `autonomous.ranges.${field}`,
        label: AUTONOMOUS_LABELS[field],
        target: { kind: 'autonomous', field },
        ...fromRange(range, 0, 'shift'),
      });
  }
  const share = model.funding.nationalShare;
  for (const [id, on] of Object.entries(scenario.measures ?? {})) {
    const measure = findMeasure(id);
    if (!on || !share || !measure?.range) continue;
    out.push({
      key: `measures.${id}`,
      label: `Rijksmaatregel: ${measure.name} (factor op het bedrag)`,
      target: { kind: 'measure', id },
      ...factorRange(measure.range, measure.source),
    });
  }
  for (const c of switchedOn(model, scenario)) {
    if (!c.range) continue;
    out.push({
      key: `knownChanges.${c.id}`,
      label: `Bekende ontwikkeling: ${c.name} (factor op het bedrag)`,
      target: { kind: 'knownChange', id: c.id },
      ...factorRange(c.range, c.source),
    });
  }
  return out;
}

/**
 * A new model and scenario with the given values put in (`values[i]` for
 * `params[i]`). The inputs are not changed.
 */
export function applyParameters(
  model: Model,
  scenario: Scenario,
  params: readonly Parameter[],
  values: readonly number[],
): { model: Model; scenario: Scenario; scale: NonNullable<SimulateOptions['scale']> } {
  // Copies of exactly what the parameters below write to (a structuredClone of the whole model and scenario cost
  // as much as the simulation itself on every Monte Carlo draw); nothing else is touched.
  const m = copyForParameters(model);
  const s = copyScenarioForParameters(scenario);
  const measures: Record<string, number> = {};
  const knownChanges: Record<string, number> = {};
  const years = modelYears(model);
  const later = years.slice(1).map(String);
  params.forEach((p, i) => {
    const v = values[i]!;
    const t = p.target;
    switch (t.kind) {
      case 'segmentBase': {
        const seg = m.segments.find((x) => x.id === t.segment);
        if (!seg) return;
        if (seg.kind === 'budget') seg.amount = v;
        else if (t.field !== 'amount') seg[t.field] = v;
        return;
      }
      case 'segmentPct': {
        const a = (s.assumptions[t.segment] ??= {});
        a[t.field] = adjustYearMap(a[t.field], p.mode, v, later);
        return;
      }
      case 'fundingBase':
        m.funding.baseAmount = v;
        return;
      case 'fundingIndex': {
        const merged = { ...model.funding.indexPct, ...s.funding.indexPct };
        s.funding.indexPct = adjustYearMap(merged, p.mode, v, later);
        return;
      }
      case 'substitution': {
        const rule = s.substitutions[t.rule];
        if (!rule) return;
        const keys = Object.keys(rule.sharePct);
        rule.sharePct = adjustYearMap(rule.sharePct, p.mode, v, keys);
        if (p.mode === 'scale') capShares(s, rule.from);
        return;
      }
      case 'prevention': {
        const effect = s.prevention?.effects[t.effect];
        if (effect) effect[t.field] = v;
        return;
      }
      case 'policy': {
        const policy = s.policies?.[t.policy];
        if (policy) policy.realisatiePct = v;
        return;
      }
      case 'autonomous': {
        if (!s.autonomous) return;
        s.autonomous[t.field] = adjustYearMap(s.autonomous[t.field], p.mode, v, later);
        return;
      }
      case 'measure':
        measures[t.id] = v;
        return;
      case 'knownChange':
        knownChanges[t.id] = v;
        return;
    }
  });
  return { model: m, scenario: s, scale: { measures, knownChanges } };
}

function copyForParameters(model: Model): Model {
  return { ...model, segments: model.segments.map((seg) => ({ ...seg })), funding: { ...model.funding } };
}

function copyScenarioForParameters(scenario: Scenario): Scenario {
  const out: Scenario = {
    ...scenario,
    assumptions: Object.fromEntries(Object.entries(scenario.assumptions).map(([id, a]) => [id, { ...a }])),
    funding: { ...scenario.funding },
    substitutions: scenario.substitutions.map((r) => ({ ...r, sharePct: { ...r.sharePct } })),
  };
  if (scenario.prevention)
    out.prevention = { ...scenario.prevention, effects: scenario.prevention.effects.map((e) => ({ ...e })) };
  if (scenario.policies) out.policies = scenario.policies.map((p) => ({ ...p }));
  if (scenario.autonomous) out.autonomous = { ...scenario.autonomous };
  return out;
}

/** shift: every year in `years` gets (pct ?? 0) + v; scale: every given pct × v. */
export function adjustYearMap(
  map: Readonly<Record<string, number>> | undefined,
  mode: ParameterMode,
  v: number,
  years: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = { ...map };
  if (mode === 'shift') for (const y of years) out[y] = (map?.[y] ?? 0) + v;
  else if (mode === 'scale') for (const [y, pct] of Object.entries(out)) out[y] = pct * v;
  return out;
}

/** After scaling shares up: no source segment passes on more than 100% of its inflow in a year. */
function capShares(s: Scenario, from: string): void {
  const rules = s.substitutions.filter((r) => r.from === from);
  const years = new Set(rules.flatMap((r) => Object.keys(r.sharePct)));
  for (const y of years) {
    const total = rules.reduce((t, r) => t + (r.sharePct[y] ?? 0), 0);
    if (total > 100)
      for (const r of rules) if (r.sharePct[y] !== undefined) r.sharePct[y] = (r.sharePct[y] * 100) / total;
  }
}
