/**
 * The model-dependent checks of the analysis extensions of a scenario (ranges,
 * prevention, measures). Called from checkScenarioAgainstModel, so a scenario
 * with a bad range is rejected as a whole like any other bad field.
 */
import type { Model, Segment } from './model';
import { checkYearKeys } from './model';
import type { Scenario } from './scenario';
import { makeIssue, type ValidationIssue } from './issues';
import { fmt } from './common';
import {
  BUDGET_BASE_RANGE_FIELDS,
  BUDGET_PCT_RANGE_FIELDS,
  VOLUME_BASE_RANGE_FIELDS,
  VOLUME_PCT_RANGE_FIELDS,
  AUTONOMOUS_RANGE_FIELDS,
  type Range,
  type SegmentRangeField,
} from './ranges';
import { findMeasure, RIJKSMAATREGELEN } from '../domain/rijksmaatregelen';
import { yearPath } from '../engine/paths';
import { modelYears } from '../years';
import {
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_DURATION_MONTHS,
  MAX_UNITS_PER_CLIENT_MONTH,
  overMaximum,
  type LimitUnit,
} from './limits';

type Add = (path: PropertyKey[], message: string) => void;

/** Dutch number for messages: 1.234,5 */
function nl(x: number): string {
  return x.toLocaleString('nl-NL', { maximumFractionDigits: 4 });
}

/** A base figure's range must contain the figure; the figure is the most likely value. */
function checkAround(range: Range, mode: number, path: PropertyKey[], what: string, add: Add): void {
  if (range.low > mode)
    add(
      [...path, 'low'],
      `low ${nl(range.low)} is groter dan ${what} ${nl(mode)}: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen`,
    );
  if (range.high < mode)
    add(
      [...path, 'high'],
      `high ${nl(range.high)} is kleiner dan ${what} ${nl(mode)}: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen`,
    );
}

/** A percentage range is a shift in percentage points around the scenario's path: it must contain 0. */
function checkShift(range: Range, path: PropertyKey[], add: Add): boolean {
  let ok = true;
  if (range.low > 0) {
    add(
      [...path, 'low'],
      `low ${nl(range.low)} is groter dan 0: een bandbreedte op een percentage is een verschuiving in procentpunten rond de aanname (low ≤ 0 ≤ high)`,
    );
    ok = false;
  }
  if (range.high < 0) {
    add(
      [...path, 'high'],
      `high ${nl(range.high)} is kleiner dan 0: een bandbreedte op een percentage is een verschuiving in procentpunten rond de aanname (low ≤ 0 ≤ high)`,
    );
    ok = false;
  }
  return ok;
}

/** Every shifted yearly percentage stays within the schema's −100%..1.000%. */
function checkShiftedPcts(
  map: Readonly<Record<string, number>> | undefined,
  range: Range,
  years: readonly number[],
  path: PropertyKey[],
  add: Add,
): void {
  for (const y of years.slice(1)) {
    const pct = map?.[String(y)] ?? 0;
    if (pct + range.low < -100) {
      add(
        [...path, 'low'],
        `low ${nl(range.low)} maakt het percentage van ${y} ${nl(pct + range.low)}%: kleiner dan -100%`,
      );
      return;
    }
    if (pct + range.high > 1000) {
      add(
        [...path, 'high'],
        `high ${nl(range.high)} maakt het percentage van ${y} ${nl(pct + range.high)}%: groter dan 1.000%`,
      );
      return;
    }
  }
}

/** The bound of a base figure (formats/limits): a range's high may not exceed what the figure itself may be. */
const BASE_FIELD_MAX: Record<string, [number, LimitUnit]> = {
  inflowPerYear: [MAX_COUNT, ''],
  avgDurationMonths: [MAX_DURATION_MONTHS, 'maanden'],
  unitsPerClientMonth: [MAX_UNITS_PER_CLIENT_MONTH, ''],
  pricePerUnit: [MAX_AMOUNT, 'euro'],
  amount: [MAX_AMOUNT, 'euro'],
  baseAmount: [MAX_AMOUNT, 'euro'],
};

function checkBaseMax(range: Range, field: string, path: PropertyKey[], add: Add): void {
  const bound = BASE_FIELD_MAX[field];
  if (bound && range.high > bound[0]) add([...path, 'high'], `high ${overMaximum(range.high, bound[0], bound[1])}`);
}

function baseValue(seg: Segment, field: SegmentRangeField): number | undefined {
  if (seg.kind === 'budget') return field === 'amount' ? seg.amount : undefined;
  switch (field) {
    case 'inflowPerYear':
      return seg.inflowPerYear;
    case 'avgDurationMonths':
      return seg.avgDurationMonths;
    case 'unitsPerClientMonth':
      return seg.unitsPerClientMonth ?? 1;
    case 'pricePerUnit':
      return seg.pricePerUnit;
    default:
      return undefined;
  }
}

export function checkAnalysisExtensions(scenario: Scenario, model: Model): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add: Add = (path, message) => issues.push(makeIssue(path, message));
  const years = modelYears(model);
  const segments = new Map(model.segments.map((s) => [s.id, s]));

  // Segment ranges.
  for (const [segmentId, ranges] of Object.entries(scenario.ranges ?? {})) {
    const base = ['ranges', segmentId];
    const seg = segments.get(segmentId);
    if (!seg) {
      add(base, `${fmt(segmentId)} is geen segment van model "${model.name}"`);
      continue;
    }
    const allowedBase: readonly string[] = seg.kind === 'volume' ? VOLUME_BASE_RANGE_FIELDS : BUDGET_BASE_RANGE_FIELDS;
    const allowedPct: readonly string[] = seg.kind === 'volume' ? VOLUME_PCT_RANGE_FIELDS : BUDGET_PCT_RANGE_FIELDS;
    const assumptions = scenario.assumptions[segmentId];
    for (const [field, range] of Object.entries(ranges) as [SegmentRangeField, Range | undefined][]) {
      if (!range) continue;
      const path = [...base, field];
      if (!allowedBase.includes(field) && !allowedPct.includes(field)) {
        add(path, `geldt niet voor een ${seg.kind === 'volume' ? 'volumesegment' : 'budgetregel'}`);
        continue;
      }
      if (allowedBase.includes(field)) {
        const mode = baseValue(seg, field)!;
        checkAround(range, mode, path, `de waarde in het model`, add);
        checkBaseMax(range, field, path, add);
        if (field === 'avgDurationMonths' && range.low < 1)
          add([...path, 'low'], `low ${nl(range.low)} is kleiner dan 1 maand`);
        else if (field === 'unitsPerClientMonth' && range.low <= 0)
          add([...path, 'low'], `low ${nl(range.low)} moet groter dan 0 zijn`);
        else if (range.low < 0) add([...path, 'low'], `low ${nl(range.low)} is negatief`);
        continue;
      }
      if (!checkShift(range, path, add)) continue;
      const map = (assumptions as Record<string, Record<string, number> | undefined> | undefined)?.[field];
      checkShiftedPcts(map, range, years, path, add);
      if (field === 'durationChangePct' && seg.kind === 'volume') {
        // The shortest duration comes from the lowest base figure with the lowest percentages.
        const lowBase = scenario.ranges?.[segmentId]?.avgDurationMonths?.low ?? seg.avgDurationMonths;
        const shifted: Record<string, number> = {};
        for (const y of years.slice(1)) shifted[String(y)] = (map?.[String(y)] ?? 0) + range.low;
        const durations = yearPath(lowBase, shifted, years);
        const k = durations.findIndex((d) => d < 1);
        if (k >= 0)
          add(
            [...path, 'low'],
            `low ${nl(range.low)} maakt de trajectduur in ${years[k]} ${nl(Math.round(durations[k]! * 100) / 100)} maand: kleiner dan 1 maand`,
          );
      }
    }
  }

  // Funding ranges.
  const fr = scenario.funding.ranges;
  if (fr?.baseAmount) {
    checkAround(
      fr.baseAmount,
      model.funding.baseAmount,
      ['funding', 'ranges', 'baseAmount'],
      'baseAmount in het model',
      add,
    );
    checkBaseMax(fr.baseAmount, 'baseAmount', ['funding', 'ranges', 'baseAmount'], add);
    if (fr.baseAmount.low < 0)
      add(['funding', 'ranges', 'baseAmount', 'low'], `low ${nl(fr.baseAmount.low)} is negatief`);
  }
  if (fr?.indexPct && checkShift(fr.indexPct, ['funding', 'ranges', 'indexPct'], add)) {
    const index = { ...model.funding.indexPct, ...scenario.funding.indexPct };
    checkShiftedPcts(index, fr.indexPct, years, ['funding', 'ranges', 'indexPct'], add);
  }

  // Autonome ontwikkeling: a shift in percentage points on each yearly driver.
  const auto = scenario.autonomous;
  for (const field of AUTONOMOUS_RANGE_FIELDS) {
    const range = auto?.ranges?.[field];
    if (!range) continue;
    const path = ['autonomous', 'ranges', field];
    if (checkShift(range, path, add)) checkShiftedPcts(auto?.[field], range, years, path, add);
  }

  // Substitution ranges: the shifted shares stay within 0..100%, also summed per source segment.
  const highTotals = new Map<string, Map<string, number>>();
  scenario.substitutions.forEach((rule, i) => {
    const range = rule.ranges?.sharePct;
    if (!range) return;
    const path = ['substitutions', i, 'ranges', 'sharePct'];
    if (!checkShift(range, path, add)) return;
    for (const [year, share] of Object.entries(rule.sharePct)) {
      if (share + range.low < 0)
        add([...path, 'low'], `low ${nl(range.low)} maakt het aandeel van ${year} ${nl(share + range.low)}%: negatief`);
    }
  });
  scenario.substitutions.forEach((rule) => {
    const totals = highTotals.get(rule.from) ?? new Map<string, number>();
    for (const [year, share] of Object.entries(rule.sharePct))
      totals.set(year, (totals.get(year) ?? 0) + share + (rule.ranges?.sharePct?.high ?? 0));
    highTotals.set(rule.from, totals);
  });
  for (const [from, totals] of highTotals) {
    for (const [year, total] of totals) {
      if (total > 100 + 1e-9) {
        const idx = scenario.substitutions.findIndex((r) => r.from === from && r.ranges?.sharePct !== undefined);
        if (idx >= 0)
          add(
            ['substitutions', idx, 'ranges', 'sharePct', 'high'],
            `met de high-waarden wordt in ${year} ${nl(total)}% van de instroom van ${JSON.stringify(from)} verschoven: meer dan 100%`,
          );
      }
    }
  }

  // Prevention.
  const p = scenario.prevention;
  if (p) {
    checkYearKeys(p.extraBudget, ['prevention', 'extraBudget'], model.baseYear, model.endYear, add);
    p.effects.forEach((e, i) => {
      const path = ['prevention', 'effects', i];
      const seg = segments.get(e.segment);
      if (!seg) add([...path, 'segment'], `${JSON.stringify(e.segment)} is geen segment van model "${model.name}"`);
      else if (seg.kind !== 'volume')
        add(
          [...path, 'segment'],
          `${JSON.stringify(e.segment)} is een budgetregel; een preventie-effect werkt op de instroom van een volumesegment`,
        );
      const r = e.ranges;
      if (r?.inflowPctPer100k) {
        checkAround(
          r.inflowPctPer100k,
          e.inflowPctPer100k,
          [...path, 'ranges', 'inflowPctPer100k'],
          'inflowPctPer100k',
          add,
        );
        if (r.inflowPctPer100k.low < -100)
          add([...path, 'ranges', 'inflowPctPer100k', 'low'], `low ${nl(r.inflowPctPer100k.low)} is kleiner dan -100%`);
        if (r.inflowPctPer100k.high > 100)
          add([...path, 'ranges', 'inflowPctPer100k', 'high'], `high ${nl(r.inflowPctPer100k.high)} is meer dan 100%`);
      }
      if (r?.maxPct) {
        checkAround(r.maxPct, e.maxPct, [...path, 'ranges', 'maxPct'], 'maxPct', add);
        if (r.maxPct.low < 0) add([...path, 'ranges', 'maxPct', 'low'], `low ${nl(r.maxPct.low)} is negatief`);
        if (r.maxPct.high > 100)
          add([...path, 'ranges', 'maxPct', 'high'], `high ${nl(r.maxPct.high)} is meer dan 100%`);
      }
    });
  }

  // Rijksmaatregelen.
  const on = Object.entries(scenario.measures ?? {})
    .filter(([, v]) => v)
    .map(([id]) => id);
  for (const id of Object.keys(scenario.measures ?? {})) {
    if (!findMeasure(id))
      add(
        ['measures', id],
        `${fmt(id)} is geen bekende Rijksmaatregel (bekend: ${RIJKSMAATREGELEN.map((m) => m.id).join(', ')})`,
      );
  }
  for (const id of on) {
    for (const other of findMeasure(id)?.excludes ?? []) {
      if (on.includes(other) && id < other) {
        add(
          ['measures', other],
          `${JSON.stringify(other)} en ${JSON.stringify(id)} gaan over hetzelfde geld en kunnen niet allebei aan staan`,
        );
      }
    }
  }
  if (on.length > 0 && !model.funding.nationalShare) {
    add(
      ['measures'],
      `model "${model.name}" heeft geen funding.nationalShare: het aandeel van de regio in het landelijke jeugdbudget is nodig om Rijksmaatregelen door te rekenen`,
    );
  }
  return issues;
}
