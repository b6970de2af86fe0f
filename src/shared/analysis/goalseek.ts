/**
 * Goal seek: which value of one assumption makes the saldo of a target year
 * equal to a target (default € 0)? The assumption is one of: a segment's
 * yearly percentage (instroom, duur, intensiteit, tarief; for a budget line its
 * change) from year Y, a substitution share from year Y, or the funding index
 * from year Y. Bracketing on a grid over the allowed range, then bisection to
 * within € 1.000. When no allowed value reaches the target the result says so
 * and gives the reachable range.
 *
 * "From year Y": mode 'step' (default) sets the percentage of year Y only —
 * the engine's percentages persist, so it is a lasting level change from Y;
 * mode 'yearly' sets every year Y..endYear to the value (a yearly trend).
 * A substitution share is set for every year Y..endYear (shares do not persist).
 *
 * The result is applied with `applyGoalSeekResult`, the same function the
 * search evaluates, so what the controller applies is what was found.
 */
import type { Model } from '../formats/model';
import type { AssumptionField, Scenario } from '../formats/scenario';
import { VOLUME_ASSUMPTION_FIELDS } from '../formats/scenario';
import { checkScenarioAgainstModel } from '../formats/validate';
import { simulate } from '../engine/simulate';
import { formatEuro, formatNumber } from '../locale/numbers';
import { fieldLabel } from './parameters';

export type GoalSeekVariable =
  | { kind: 'assumption'; segment: string; field: AssumptionField; fromYear: number; mode?: 'step' | 'yearly' }
  | { kind: 'substitution'; from: string; to: string; fromYear: number }
  | { kind: 'fundingIndex'; fromYear: number; mode?: 'step' | 'yearly' };

export interface GoalSeekSpec {
  variable: GoalSeekVariable;
  targetYear: number;
  /** target saldo in euro; default 0 */
  target?: number;
  /** narrower bounds than the format allows (e.g. "at most −10%") */
  min?: number;
  max?: number;
  /** euro; default 1.000 */
  tolerance?: number;
}

export interface GoalSeekPoint {
  value: number;
  balance: number;
}

interface GoalSeekCommon {
  spec: GoalSeekSpec & { target: number; tolerance: number };
  /** the model's endYear, so the result can be applied without the model */
  endYear: number;
  /** Dutch name of the assumption, e.g. "Ambulante begeleiding: instroomverandering in 2024" */
  label: string;
  /** the scenario's own value and saldo */
  current: GoalSeekPoint;
  /** the values the search may use: the format's limits, narrowed to those that keep the scenario valid and by min/max */
  allowed: { min: number; max: number };
  evaluations: number;
}

export interface GoalSeekFound extends GoalSeekCommon {
  status: 'gevonden';
  value: number;
  /** the saldo in the target year at that value: within the tolerance of the target */
  balance: number;
  /** Dutch, one line */
  message: string;
}

export interface GoalSeekInfeasible extends GoalSeekCommon {
  status: 'niet-haalbaar';
  /** the lowest and highest saldo reached within the allowed range */
  reachable: { lowest: GoalSeekPoint; highest: GoalSeekPoint };
  message: string;
}

export type GoalSeekResult = GoalSeekFound | GoalSeekInfeasible;

export const GOAL_SEEK_TOLERANCE = 1000;
const GRID = 24;
const MAX_BISECTIONS = 200;

/** Problems with a spec against a model, in Dutch; empty when fine. */
export function checkGoalSeekSpec(model: Model, spec: GoalSeekSpec): string[] {
  const problems: string[] = [];
  const v = spec.variable;
  const segments = new Map(model.segments.map((s) => [s.id, s]));
  if (!Number.isInteger(spec.targetYear) || spec.targetYear < model.baseYear || spec.targetYear > model.endYear) {
    problems.push(`doeljaar: ${String(spec.targetYear)} ligt buiten ${model.baseYear}–${model.endYear}`);
  }
  if (!Number.isInteger(v.fromYear) || v.fromYear < model.baseYear + 1 || v.fromYear > model.endYear) {
    problems.push(
      `vanaf-jaar: ${String(v.fromYear)} ligt buiten ${model.baseYear + 1}–${model.endYear} (het basisjaar is het eigen cijfer van het model)`,
    );
  } else if (v.fromYear > spec.targetYear) {
    problems.push(
      `vanaf-jaar: ${v.fromYear} ligt na het doeljaar ${spec.targetYear}; de aanname heeft dan geen effect op dat jaar`,
    );
  }
  // With realisatie the lasten of years ≤ R are the realised figures: an assumption or shift cannot move them.
  const R = model.realisatie?.lastYear;
  if (R !== undefined && v.kind !== 'fundingIndex' && Number.isInteger(v.fromYear) && v.fromYear <= R) {
    problems.push(
      `vanaf-jaar: ${v.fromYear} is een gerealiseerd jaar (realisatie t/m ${R}); een aanname werkt pas vanaf ${R + 1}`,
    );
  }
  if (v.kind === 'assumption') {
    const seg = segments.get(v.segment);
    if (!seg) problems.push(`segment: ${JSON.stringify(v.segment)} is geen segment van model "${model.name}"`);
    else if (
      v.field === 'amountChangePct'
        ? seg.kind !== 'budget'
        : seg.kind !== 'volume' || !(VOLUME_ASSUMPTION_FIELDS as readonly string[]).includes(v.field)
    ) {
      problems.push(
        `veld: ${JSON.stringify(v.field)} geldt niet voor ${seg.kind === 'volume' ? 'volumesegment' : 'budgetregel'} ${JSON.stringify(v.segment)}`,
      );
    }
  } else if (v.kind === 'substitution') {
    for (const end of ['from', 'to'] as const) {
      const seg = segments.get(v[end]);
      if (!seg)
        problems.push(
          `${end === 'from' ? 'van' : 'naar'}: ${JSON.stringify(v[end])} is geen segment van model "${model.name}"`,
        );
      else if (seg.kind !== 'volume')
        problems.push(
          `${end === 'from' ? 'van' : 'naar'}: ${JSON.stringify(v[end])} is een budgetregel; substitutie kan alleen tussen volumesegmenten`,
        );
    }
    if (v.from === v.to) problems.push(`naar: ${JSON.stringify(v.to)} is hetzelfde segment als van`);
  }
  if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max)
    problems.push(`min ${spec.min} is groter dan max ${spec.max}`);
  if (spec.tolerance !== undefined && !(spec.tolerance > 0))
    problems.push(`tolerantie: ${spec.tolerance} moet groter dan 0 zijn`);
  if (spec.target !== undefined && !Number.isFinite(spec.target))
    problems.push(`doelsaldo: ${spec.target} is geen getal`);
  return problems;
}

function yearsFrom(endYear: number, fromYear: number, mode: 'step' | 'yearly'): string[] {
  const out: string[] = [];
  const last = mode === 'step' ? fromYear : endYear;
  for (let y = fromYear; y <= last; y++) out.push(String(y));
  return out;
}

/** The scenario with the variable set to `value` (years up to the model's endYear); the input is not changed. */
export function setGoalSeekValue(
  scenario: Scenario,
  variable: GoalSeekVariable,
  value: number,
  endYear: number,
): Scenario {
  const s = structuredClone(scenario);
  if (variable.kind === 'assumption') {
    const a = (s.assumptions[variable.segment] ??= {});
    const map = { ...a[variable.field] };
    for (const y of yearsFrom(endYear, variable.fromYear, variable.mode ?? 'step')) map[y] = value;
    a[variable.field] = map;
  } else if (variable.kind === 'fundingIndex') {
    const map = { ...s.funding.indexPct };
    for (const y of yearsFrom(endYear, variable.fromYear, variable.mode ?? 'step')) map[y] = value;
    s.funding.indexPct = map;
  } else {
    let rule = s.substitutions.find((r) => r.from === variable.from && r.to === variable.to);
    if (!rule) {
      rule = { from: variable.from, to: variable.to, sharePct: {} };
      s.substitutions.push(rule);
    }
    for (const y of yearsFrom(endYear, variable.fromYear, 'yearly')) rule.sharePct[y] = value;
  }
  return s;
}

/** The variable's value in the scenario as it is (0 where none is given). */
function currentValue(model: Model, scenario: Scenario, variable: GoalSeekVariable): number {
  const y = String(variable.fromYear);
  if (variable.kind === 'assumption') return scenario.assumptions[variable.segment]?.[variable.field]?.[y] ?? 0;
  if (variable.kind === 'fundingIndex') return { ...model.funding.indexPct, ...scenario.funding.indexPct }[y] ?? 0;
  return scenario.substitutions.find((r) => r.from === variable.from && r.to === variable.to)?.sharePct[y] ?? 0;
}

function formatBounds(variable: GoalSeekVariable): { min: number; max: number } {
  return variable.kind === 'substitution' ? { min: 0, max: 100 } : { min: -100, max: 1000 };
}

export function goalSeekLabel(model: Model, variable: GoalSeekVariable): string {
  const name = (id: string) => model.segments.find((s) => s.id === id)?.name ?? id;
  const when =
    variable.kind !== 'substitution' && variable.mode === 'yearly'
      ? `elk jaar vanaf ${variable.fromYear}`
      : variable.kind === 'substitution'
        ? `vanaf ${variable.fromYear}`
        : `in ${variable.fromYear} (blijvend)`;
  if (variable.kind === 'assumption')
    return `${name(variable.segment)}: ${fieldLabel(variable.field).replace(' (%-punt)', '')} ${when}`;
  if (variable.kind === 'fundingIndex') return `Rijksmiddelen: index ${when}`;
  return `Substitutie ${name(variable.from)} → ${name(variable.to)}: aandeel ${when}`;
}

export function goalSeek(model: Model, scenario: Scenario, specIn: GoalSeekSpec): GoalSeekResult {
  const problems = checkGoalSeekSpec(model, specIn);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const spec = { ...specIn, target: specIn.target ?? 0, tolerance: specIn.tolerance ?? GOAL_SEEK_TOLERANCE };
  const k = spec.targetYear - model.baseYear;
  const variable = spec.variable;
  let evaluations = 0;
  const balanceAt = (value: number): number => {
    evaluations++;
    return simulate(model, setGoalSeekValue(scenario, variable, value, model.endYear), { perGemeente: false }).totals[
      k
    ]!.balance;
  };
  const valid = (value: number) =>
    checkScenarioAgainstModel(setGoalSeekValue(scenario, variable, value, model.endYear), model).length === 0;

  const current: GoalSeekPoint = {
    value: currentValue(model, scenario, variable),
    balance: balanceAt(currentValue(model, scenario, variable)),
  };
  const label = goalSeekLabel(model, variable);
  const bounds = formatBounds(variable);
  let lo = Math.max(bounds.min, spec.min ?? -Infinity);
  let hi = Math.min(bounds.max, spec.max ?? Infinity);
  // Narrow to the values that keep the scenario valid (e.g. a duration ≥ 1 month, shares ≤ 100%):
  // validity is an interval around the scenario's own (valid) value, so bisect each end.
  const anchor = Math.min(hi, Math.max(lo, current.value));
  if (valid(anchor)) {
    if (!valid(lo)) lo = validEdge(lo, anchor, valid);
    if (!valid(hi)) hi = validEdge(hi, anchor, valid);
  }
  const common = { spec, endYear: model.endYear, label, current, allowed: { min: lo, max: hi } };

  // Bracket: a grid over the allowed range, plus the current value.
  const values = new Set<number>([lo, hi]);
  for (let i = 1; i < GRID; i++) values.add(lo + ((hi - lo) * i) / GRID);
  if (current.value > lo && current.value < hi) values.add(current.value);
  const grid = [...values].sort((a, b) => a - b).map((value) => ({ value, balance: balanceAt(value) }));
  const f = (p: GoalSeekPoint) => p.balance - spec.target;

  // The bracket nearest to the current value: the smallest change that reaches the target.
  let best: [GoalSeekPoint, GoalSeekPoint] | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < grid.length; i++) {
    const a = grid[i]!;
    const b = grid[i + 1];
    if (Math.abs(f(a)) <= spec.tolerance) {
      const dist = Math.abs(a.value - current.value);
      if (dist < bestDistance) [best, bestDistance] = [[a, a], dist];
    }
    if (b && Math.sign(f(a)) !== Math.sign(f(b))) {
      const dist = Math.min(Math.abs(a.value - current.value), Math.abs(b.value - current.value));
      if (dist < bestDistance) [best, bestDistance] = [[a, b], dist];
    }
  }

  const reachable = () => {
    const sorted = [...grid].sort((a, b) => a.balance - b.balance);
    return { lowest: sorted[0]!, highest: sorted[sorted.length - 1]! };
  };
  const infeasible = (why: string): GoalSeekInfeasible => {
    const r = reachable();
    return {
      ...common,
      status: 'niet-haalbaar',
      reachable: r,
      evaluations,
      message: `Niet haalbaar: ${why} Met ${label} tussen ${formatNumber(lo, 2)} en ${formatNumber(hi, 2)} ligt het saldo ${spec.targetYear} tussen ${formatEuro(r.lowest.balance)} en ${formatEuro(r.highest.balance)}.`,
    };
  };
  if (!best)
    return infeasible(`geen toegestane waarde geeft een saldo ${spec.targetYear} van ${formatEuro(spec.target)}.`);

  // Bisect well inside the tolerance (1%), so that rounding below can pick a readable value near the exact one.
  const fine = spec.tolerance / 100;
  let [a, b] = best;
  let found: GoalSeekPoint | undefined = Math.abs(f(a)) <= fine ? a : Math.abs(f(b)) <= fine ? b : undefined;
  for (let i = 0; !found && i < MAX_BISECTIONS; i++) {
    const mid = (a.value + b.value) / 2;
    if (mid === a.value || mid === b.value) break;
    const m = { value: mid, balance: balanceAt(mid) };
    if (Math.abs(f(m)) <= fine) found = m;
    else if (Math.sign(f(m)) === Math.sign(f(a))) a = m;
    else b = m;
  }
  if (!found) found = [a, b].find((p) => Math.abs(f(p)) <= spec.tolerance);
  if (!found)
    return infeasible(`het saldo ${spec.targetYear} springt over ${formatEuro(spec.target)} heen zonder het te raken.`);

  // A readable value: the fewest decimals that still hit the target.
  for (const decimals of [1, 2, 3, 4, 6]) {
    const rounded = Math.round(found.value * 10 ** decimals) / 10 ** decimals;
    if (rounded < lo || rounded > hi) continue;
    const balance = balanceAt(rounded);
    if (Math.abs(balance - spec.target) <= spec.tolerance) {
      found = { value: rounded, balance };
      break;
    }
  }
  return {
    ...common,
    status: 'gevonden',
    value: found.value,
    balance: found.balance,
    evaluations,
    message: `${label}: ${formatNumber(found.value, 6)}${variable.kind === 'substitution' ? '% van de instroom' : '%'} (nu ${formatNumber(current.value, 6)}) geeft een saldo ${spec.targetYear} van ${formatEuro(found.balance)}.`,
  };
}

/** Bisects between an invalid and a valid value to the last valid one (to 1e-9). */
function validEdge(invalid: number, validValue: number, valid: (v: number) => boolean): number {
  let bad = invalid;
  let good = validValue;
  for (let i = 0; i < 100 && Math.abs(good - bad) > 1e-9; i++) {
    const mid = (bad + good) / 2;
    if (valid(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** The scenario with the found value applied, ready to save; a niet-haalbaar result changes nothing. */
export function applyGoalSeekResult(scenario: Scenario, result: GoalSeekResult): Scenario {
  if (result.status !== 'gevonden') return scenario;
  const s = setGoalSeekValue(scenario, result.spec.variable, result.value, result.endYear);
  const note = `Doelzoeken: saldo ${result.spec.targetYear} = ${formatEuro(result.spec.target)}`;
  const v = result.spec.variable;
  if (v.kind === 'assumption') {
    const a = s.assumptions[v.segment]!;
    if (a.source === undefined) a.source = note;
  } else if (v.kind === 'fundingIndex') {
    if (s.funding.source === undefined) s.funding.source = note;
  } else {
    const rule = s.substitutions.find((r) => r.from === v.from && r.to === v.to)!;
    if (rule.source === undefined) rule.source = note;
  }
  return s;
}
