/**
 * Ranges (bandbreedtes) on a scenario: which assumptions can take one, how to
 * read and write one immutably, the path its validation messages use, and a
 * sensible starting range for "Bandbreedte toevoegen". Semantics as in
 * docs/analysis.md: a base figure's range is absolute (low ≤ figure ≤ high), a
 * yearly percentage's range is a shift in percentage points (low ≤ 0 ≤ high).
 * A prevention effect's `inflowPctPer100k` and `maxPct` are base figures of the
 * scenario itself (not of the model): their range is absolute, within 0..100%.
 */
import type { Model, Segment } from '../../../shared/formats/model';
import type { Scenario, Substitution } from '../../../shared/formats/scenario';
import type { PreventionEffect } from '../../../shared/formats/prevention';
import {
  BUDGET_BASE_RANGE_FIELDS,
  BUDGET_PCT_RANGE_FIELDS,
  VOLUME_BASE_RANGE_FIELDS,
  VOLUME_PCT_RANGE_FIELDS,
  AUTONOMOUS_RANGE_FIELDS,
  type AutonomousRangeField,
  isBaseRangeField,
  type Range,
  type SegmentRangeField,
} from '../../../shared/formats/ranges';
import { fieldLabel } from '../../../shared/analysis/parameters';
import { checkScenarioAgainstModel } from '../../../shared/formats/validate';

export type RangeTarget =
  | { kind: 'segment'; segment: string; field: SegmentRangeField }
  | { kind: 'fundingBase' }
  | { kind: 'fundingIndex' }
  | { kind: 'substitution'; index: number }
  | { kind: 'prevention'; effect: number; field: PreventionRangeField }
  | { kind: 'policy'; index: number }
  | { kind: 'autonomous'; field: AutonomousRangeField };

const AUTONOMOUS_LABELS: Record<AutonomousRangeField, string> = {
  usageChangePct: 'gebruik per jeugdige (%-punt)',
  severityChangePct: 'zwaarte (%-punt)',
  wageIndexPct: 'loonindex (%-punt)',
  materialIndexPct: 'prijsindex (%-punt)',
};

/** The two figures of a prevention effect that can take a range (docs/analysis.md § 5). */
export type PreventionRangeField = 'inflowPctPer100k' | 'maxPct';
export const PREVENTION_RANGE_FIELDS: readonly PreventionRangeField[] = ['inflowPctPer100k', 'maxPct'];

export interface RangeOption {
  target: RangeTarget;
  /** stable id for selects and test ids */
  id: string;
  /** Dutch, e.g. "Ambulante begeleiding: instroom per jaar" */
  label: string;
  /** group heading in the picker */
  group: string;
  /** true: a shift in percentage points; false: absolute values of a base figure */
  shift: boolean;
  unit: string;
}

export function targetId(t: RangeTarget): string {
  switch (t.kind) {
    case 'segment':
      return `${t.segment}.${t.field}`;
    case 'fundingBase':
      return 'funding.baseAmount';
    case 'fundingIndex':
      return 'funding.indexPct';
    case 'substitution':
      return `substitution.${t.index}`;
    case 'prevention':
      return `prevention.${t.effect}.${t.field}`;
    case 'policy':
      return `policy.${t.index}`;
    case 'autonomous':
      return `autonomous.${t.field}`;
  }
}

/** The path of the range in the scenario, as validation messages name it (formats/issues formatPath). */
export function rangePath(t: RangeTarget): string {
  switch (t.kind) {
    case 'segment':
      return `ranges.${t.segment}.${t.field}`;
    case 'fundingBase':
      return 'funding.ranges.baseAmount';
    case 'fundingIndex':
      return 'funding.ranges.indexPct';
    case 'substitution':
      return `substitutions[${t.index}].ranges.sharePct`;
    case 'prevention':
      return `prevention.effects[${t.effect}].ranges.${t.field}`;
    case 'policy':
      return `policies[${t.index}].ranges.realisatiePct`;
    case 'autonomous':
      return `autonomous.ranges.${t.field}`;
  }
}

const UNITS: Record<SegmentRangeField, string> = {
  inflowPerYear: 'jeugdigen',
  avgDurationMonths: 'maanden',
  unitsPerClientMonth: 'eenheden',
  pricePerUnit: '€',
  amount: '€',
  inflowChangePct: '%-punt',
  durationChangePct: '%-punt',
  intensityChangePct: '%-punt',
  priceIndexPct: '%-punt',
  amountChangePct: '%-punt',
};

function segmentFields(seg: Segment): SegmentRangeField[] {
  return seg.kind === 'volume'
    ? [...VOLUME_BASE_RANGE_FIELDS, ...VOLUME_PCT_RANGE_FIELDS]
    : [...BUDGET_BASE_RANGE_FIELDS, ...BUDGET_PCT_RANGE_FIELDS];
}

function substitutionLabel(model: Model, rule: Substitution): string {
  const name = (id: string) => model.segments.find((s) => s.id === id)?.name ?? id;
  return `Substitutie ${name(rule.from)} → ${name(rule.to)}: aandeel`;
}

const PREVENTION_LABELS: Record<PreventionRangeField, string> = {
  inflowPctPer100k: '% minder instroom per € 100.000',
  maxPct: 'plafond (%)',
};

function preventionLabel(model: Model, effect: PreventionEffect, field: PreventionRangeField): string {
  const name = model.segments.find((s) => s.id === effect.segment)?.name ?? effect.segment;
  return `Preventie-effect ${name}: ${PREVENTION_LABELS[field]}`;
}

/** Every assumption that can take a range, in model order, then funding, substitutions and prevention effects. */
export function rangeOptions(model: Model, scenario: Scenario): RangeOption[] {
  const out: RangeOption[] = [];
  for (const seg of model.segments) {
    for (const field of segmentFields(seg)) {
      const target: RangeTarget = { kind: 'segment', segment: seg.id, field };
      out.push({
        target,
        id: targetId(target),
        label: `${seg.name}: ${fieldLabel(field)}`,
        group: seg.name,
        shift: !isBaseRangeField(field),
        unit: UNITS[field],
      });
    }
  }
  out.push({
    target: { kind: 'fundingBase' },
    id: 'funding.baseAmount',
    label: 'Rijksmiddelen: basisbedrag',
    group: 'Rijksmiddelen',
    shift: false,
    unit: '€',
  });
  out.push({
    target: { kind: 'fundingIndex' },
    id: 'funding.indexPct',
    label: 'Rijksmiddelen: index (%-punt)',
    group: 'Rijksmiddelen',
    shift: true,
    unit: '%-punt',
  });
  scenario.substitutions.forEach((rule, index) => {
    out.push({
      target: { kind: 'substitution', index },
      id: `substitution.${index}`,
      label: `${substitutionLabel(model, rule)} (%-punt)`,
      group: 'Substituties',
      shift: true,
      unit: '%-punt',
    });
  });
  scenario.prevention?.effects.forEach((effect, i) => {
    for (const field of PREVENTION_RANGE_FIELDS) {
      const target: RangeTarget = { kind: 'prevention', effect: i, field };
      out.push({
        target,
        id: targetId(target),
        label: preventionLabel(model, effect, field),
        group: 'Preventie-effect',
        shift: false,
        unit: '%',
      });
    }
  });
  scenario.policies?.forEach((p, index) => {
    out.push({
      target: { kind: 'policy', index },
      id: `policy.${index}`,
      label: `${p.name}: realisatie (%)`,
      group: 'Beleidsmaatregelen',
      shift: false,
      unit: '%',
    });
  });
  // the drivers of autonome ontwikkeling, when the scenario has them (docs/formats.md)
  if (scenario.autonomous)
    for (const field of AUTONOMOUS_RANGE_FIELDS) {
      const target: RangeTarget = { kind: 'autonomous', field };
      out.push({
        target,
        id: targetId(target),
        label: `Autonome ontwikkeling: ${AUTONOMOUS_LABELS[field]}`,
        group: 'Autonome ontwikkeling',
        shift: true,
        unit: '%-punt',
      });
    }
  return out;
}

export function getRange(scenario: Scenario, t: RangeTarget): Range | undefined {
  switch (t.kind) {
    case 'segment':
      return scenario.ranges?.[t.segment]?.[t.field];
    case 'fundingBase':
      return scenario.funding.ranges?.baseAmount;
    case 'fundingIndex':
      return scenario.funding.ranges?.indexPct;
    case 'substitution':
      return scenario.substitutions[t.index]?.ranges?.sharePct;
    case 'prevention':
      return scenario.prevention?.effects[t.effect]?.ranges?.[t.field];
    case 'policy':
      return scenario.policies?.[t.index]?.ranges?.realisatiePct;
    case 'autonomous':
      return scenario.autonomous?.ranges?.[t.field];
  }
}

/** The scenario with the range set (or removed with `undefined`); empty containers are dropped, so a file stays as it was. */
export function setRange(scenario: Scenario, t: RangeTarget, range: Range | undefined): Scenario {
  switch (t.kind) {
    case 'segment': {
      const seg = { ...(scenario.ranges?.[t.segment] ?? {}) };
      if (range) seg[t.field] = range;
      else delete seg[t.field];
      const ranges = { ...(scenario.ranges ?? {}) };
      if (Object.keys(seg).length > 0) ranges[t.segment] = seg;
      else delete ranges[t.segment];
      const next: Scenario = { ...scenario, ranges };
      if (Object.keys(ranges).length === 0) delete next.ranges;
      return next;
    }
    case 'fundingBase':
    case 'fundingIndex': {
      const field = t.kind === 'fundingBase' ? 'baseAmount' : 'indexPct';
      const fr = { ...(scenario.funding.ranges ?? {}) };
      if (range) fr[field] = range;
      else delete fr[field];
      const { ranges: _old, ...rest } = scenario.funding;
      return { ...scenario, funding: Object.keys(fr).length > 0 ? { ...rest, ranges: fr } : rest };
    }
    case 'substitution': {
      const rule = scenario.substitutions[t.index];
      if (!rule) return scenario;
      const next: Substitution = { ...rule };
      if (range) next.ranges = { sharePct: range };
      else delete next.ranges;
      return { ...scenario, substitutions: scenario.substitutions.map((r, i) => (i === t.index ? next : r)) };
    }
    case 'prevention': {
      const prevention = scenario.prevention;
      const effect = prevention?.effects[t.effect];
      if (!prevention || !effect) return scenario;
      const ranges = { ...(effect.ranges ?? {}) };
      if (range) ranges[t.field] = range;
      else delete ranges[t.field];
      const { ranges: _old, ...rest } = effect;
      const next: PreventionEffect = Object.keys(ranges).length > 0 ? { ...rest, ranges } : rest;
      return {
        ...scenario,
        prevention: { ...prevention, effects: prevention.effects.map((e, i) => (i === t.effect ? next : e)) },
      };
    }
    case 'policy': {
      const policies = scenario.policies;
      const policy = policies?.[t.index];
      if (!policies || !policy) return scenario;
      const { ranges: _old, ...rest } = policy;
      const next = range ? { ...rest, ranges: { realisatiePct: range } } : rest;
      return { ...scenario, policies: policies.map((p, i) => (i === t.index ? next : p)) };
    }
    case 'autonomous': {
      const auto = scenario.autonomous;
      if (!auto) return scenario;
      const ranges = { ...(auto.ranges ?? {}) };
      if (range) ranges[t.field] = range;
      else delete ranges[t.field];
      const { ranges: _old, ...rest } = auto;
      return { ...scenario, autonomous: Object.keys(ranges).length > 0 ? { ...rest, ranges } : rest };
    }
  }
}

/** Changes low, high or the source of an existing range (an empty source is removed). */
export function patchRange(
  scenario: Scenario,
  t: RangeTarget,
  patch: { low?: number; high?: number; source?: string; link?: string },
): Scenario {
  const current = getRange(scenario, t);
  if (!current) return scenario;
  const next: Range = { ...current };
  if (patch.low !== undefined) next.low = patch.low;
  if (patch.high !== undefined) next.high = patch.high;
  if (patch.source !== undefined) {
    if (patch.source.trim() === '') delete next.source;
    else next.source = patch.source;
  }
  // The link group (docs/analysis.md § 1): empty takes the range out of its group; anything else is
  // kept exactly as typed, so the validation can name a padded or too long name.
  if (patch.link !== undefined) {
    if (patch.link === '') delete next.link;
    else next.link = patch.link;
  }
  return setRange(scenario, t, next);
}

/** True when the range is absolute (a base figure), false when it shifts yearly percentages. */
export function isBaseTarget(t: RangeTarget): boolean {
  return (
    t.kind === 'fundingBase' ||
    t.kind === 'prevention' ||
    t.kind === 'policy' ||
    (t.kind === 'segment' && isBaseRangeField(t.field))
  );
}

/**
 * The most likely value of a base figure: the model's own, or for a prevention
 * effect the scenario's (without the scenario: 0); 0 for a shift.
 */
export function likelyValue(model: Model, t: RangeTarget, scenario?: Scenario): number {
  if (t.kind === 'fundingBase') return model.funding.baseAmount;
  if (t.kind === 'prevention') return scenario?.prevention?.effects[t.effect]?.[t.field] ?? 0;
  if (t.kind === 'policy') return scenario?.policies?.[t.index]?.realisatiePct ?? 0;
  if (t.kind !== 'segment' || !isBaseRangeField(t.field)) return 0;
  const seg = model.segments.find((s) => s.id === t.segment);
  if (!seg) return 0;
  if (seg.kind === 'budget') return seg.amount;
  if (t.field === 'unitsPerClientMonth') return seg.unitsPerClientMonth ?? 1;
  if (t.field === 'amount') return 0;
  return seg[t.field];
}

/** The yearly percentages a shift moves (the scenario's, or the model's index for the funding). */
export function shiftedPercentages(model: Model, scenario: Scenario, t: RangeTarget): Record<string, number> {
  if (t.kind === 'segment')
    return (
      (scenario.assumptions[t.segment] as Record<string, Record<string, number> | undefined> | undefined)?.[t.field] ??
      {}
    );
  if (t.kind === 'fundingIndex') return { ...model.funding.indexPct, ...scenario.funding.indexPct };
  if (t.kind === 'substitution') return scenario.substitutions[t.index]?.sharePct ?? {};
  if (t.kind === 'autonomous') return scenario.autonomous?.[t.field] ?? {};
  return {};
}

/** Rounds to a readable figure with about three significant digits (1.083,6 → 1.080). */
export function roundReadable(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const mag = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / mag) * mag;
}

/**
 * A first range to edit from: ±10% of a base figure (rounded outward so the
 * figure stays inside; a duration stays ≥ 1 month), ±1 percentage point on a
 * percentage (narrowed so a substitution share stays within 0..100%). A side
 * that would still break a rule (e.g. a 1-month duration shifted down) starts
 * at the scenario's own value; the controller widens it where it can.
 */
export function defaultRange(model: Model, scenario: Scenario, t: RangeTarget): Range {
  const r = firstGuess(model, scenario, t);
  const path = rangePath(t);
  const broken = (range: Range, side: 'low' | 'high') =>
    checkScenarioAgainstModel(setRange(scenario, t, range), model).some((i) => i.path === `${path}.${side}`);
  const likely = isBaseTarget(t) ? likelyValue(model, t, scenario) : 0;
  if (broken(r, 'low')) r.low = likely;
  if (broken(r, 'high')) r.high = likely;
  return r;
}

function firstGuess(model: Model, scenario: Scenario, t: RangeTarget): Range {
  // a realisatie: ±25 percentage points within 0..100% (half of the default 50% either way)
  if (t.kind === 'policy') {
    const v = likelyValue(model, t, scenario);
    return { low: Math.max(0, v - 25), high: Math.min(100, v + 25) };
  }
  if (isBaseTarget(t)) {
    const v = likelyValue(model, t, scenario);
    let low = Math.min(v, roundReadable(v * 0.9));
    // a prevention percentage stays within 0..100%
    const high =
      t.kind === 'prevention'
        ? Math.min(100, Math.max(v, roundReadable(v * 1.1)))
        : Math.max(v, roundReadable(v * 1.1));
    if (t.kind === 'segment' && t.field === 'avgDurationMonths') low = Math.max(Math.min(1, v), low);
    return { low, high };
  }
  if (t.kind === 'substitution') {
    const rule = scenario.substitutions[t.index];
    const shares = Object.values(rule?.sharePct ?? {});
    const minShare = shares.length ? Math.min(...shares) : 0;
    const outTotals = new Map<string, number>();
    for (const r of scenario.substitutions) {
      if (r.from !== rule?.from) continue;
      for (const [y, v] of Object.entries(r.sharePct)) outTotals.set(y, (outTotals.get(y) ?? 0) + v);
    }
    const room = Math.max(0, 100 - Math.max(0, ...outTotals.values()));
    return { low: -Math.min(1, minShare), high: Math.min(1, room) };
  }
  return { low: -1, high: 1 };
}

/** The ranges the scenario has, as options in the order of `rangeOptions`. */
export function presentRanges(model: Model, scenario: Scenario): (RangeOption & { range: Range })[] {
  return rangeOptions(model, scenario).flatMap((o) => {
    const range = getRange(scenario, o.target);
    return range ? [{ ...o, range }] : [];
  });
}
