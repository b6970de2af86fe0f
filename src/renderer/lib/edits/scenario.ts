/**
 * Pure, immutable edits of a scenario. Each returns a new scenario and leaves the
 * input untouched, so undo history can keep plain references and React/zustand
 * see a change by identity. `undefined` as a value removes the year (= 0%).
 */
import type { AssumptionField, Scenario, Substitution } from '../../../shared/formats/scenario';

type YearMap = Record<string, number>;

export function setYearValue(map: YearMap | undefined, year: number, value: number | undefined): YearMap | undefined {
  const next: YearMap = { ...(map ?? {}) };
  if (value === undefined) delete next[String(year)];
  else next[String(year)] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function setAssumption(
  scenario: Scenario,
  segmentId: string,
  field: AssumptionField,
  year: number,
  value: number | undefined,
): Scenario {
  const current = scenario.assumptions[segmentId] ?? {};
  const updated = withOptional(current, field, setYearValue(current[field], year, value));
  const assumptions = { ...scenario.assumptions };
  if (Object.keys(updated).length === 0) delete assumptions[segmentId];
  else assumptions[segmentId] = updated;
  return { ...scenario, assumptions };
}

export function setAssumptionSource(scenario: Scenario, segmentId: string, source: string): Scenario {
  const current = scenario.assumptions[segmentId] ?? {};
  const updated = withOptional(current, 'source', source.trim() === '' ? undefined : source);
  const assumptions = { ...scenario.assumptions };
  if (Object.keys(updated).length === 0) delete assumptions[segmentId];
  else assumptions[segmentId] = updated;
  return { ...scenario, assumptions };
}

export function setFundingIndex(scenario: Scenario, year: number, value: number | undefined): Scenario {
  return {
    ...scenario,
    funding: withOptional(scenario.funding, 'indexPct', setYearValue(scenario.funding.indexPct, year, value)),
  };
}

export function setFundingAdjustment(scenario: Scenario, year: number, value: number | undefined): Scenario {
  return {
    ...scenario,
    funding: withOptional(scenario.funding, 'adjustments', setYearValue(scenario.funding.adjustments, year, value)),
  };
}

export function addSubstitution(scenario: Scenario, rule: Substitution): Scenario {
  return { ...scenario, substitutions: [...scenario.substitutions, rule] };
}

export function updateSubstitution(scenario: Scenario, index: number, patch: Partial<Substitution>): Scenario {
  return {
    ...scenario,
    substitutions: scenario.substitutions.map((r, i) => (i === index ? { ...r, ...patch } : r)),
  };
}

export function setSubstitutionShare(
  scenario: Scenario,
  index: number,
  year: number,
  value: number | undefined,
): Scenario {
  const rule = scenario.substitutions[index];
  if (!rule) return scenario;
  return updateSubstitution(scenario, index, { sharePct: setYearValue(rule.sharePct, year, value) ?? {} });
}

export function removeSubstitution(scenario: Scenario, index: number): Scenario {
  return { ...scenario, substitutions: scenario.substitutions.filter((_, i) => i !== index) };
}

/** Drops every reference to a segment (used when the segment is removed from the model). */
export function stripSegment(scenario: Scenario, segmentId: string): Scenario {
  const assumptions = { ...scenario.assumptions };
  delete assumptions[segmentId];
  const out: Scenario = {
    ...scenario,
    assumptions,
    substitutions: scenario.substitutions.filter((r) => r.from !== segmentId && r.to !== segmentId),
  };
  if (scenario.policies)
    out.policies = scenario.policies.map((p) => {
      if (!(segmentId in p.effects) && !p.substitutions.some((r) => r.from === segmentId || r.to === segmentId))
        return p;
      const effects = { ...p.effects };
      delete effects[segmentId];
      return {
        ...p,
        effects,
        substitutions: p.substitutions.filter((r) => r.from !== segmentId && r.to !== segmentId),
      };
    });
  return out;
}

/**
 * One end of the Monte Carlo range of a beleidsmaatregel's realisatie. Without a range yet, the other
 * end starts at the realisatie itself; an empty value (undefined) removes the range (then the Monte
 * Carlo keeps the realisatie fixed). parseScenario checks low ≤ realisatie ≤ high within 0..100.
 */
export function setPolicyRange(
  scenario: Scenario,
  index: number,
  end: 'low' | 'high',
  value: number | undefined,
): Scenario {
  const policies = scenario.policies;
  const policy = policies?.[index];
  if (!policies || !policy) return scenario;
  const next = policies.slice();
  const current = policy.ranges?.realisatiePct;
  if (value === undefined) {
    if (!current) return scenario;
    const { ranges: _r, ...rest } = policy;
    next[index] = rest;
  } else {
    if (current?.[end] === value) return scenario;
    const base = current ?? { low: policy.realisatiePct, high: policy.realisatiePct };
    next[index] = { ...policy, ranges: { ...policy.ranges, realisatiePct: { ...base, [end]: value } } };
  }
  return { ...scenario, policies: next };
}

/** The realisation of beleidsmaatregel `index` (0..100, checked by parseScenario like every edit). */
export function setPolicyRealisatie(scenario: Scenario, index: number, value: number): Scenario {
  const policies = scenario.policies;
  const policy = policies?.[index];
  if (!policies || !policy || policy.realisatiePct === value) return scenario;
  const next = policies.slice();
  next[index] = { ...policy, realisatiePct: value };
  return { ...scenario, policies: next };
}

export type AutonomousPctField = 'usageChangePct' | 'severityChangePct' | 'wageIndexPct' | 'materialIndexPct';

/** The scenario with `autonomous` replaced; an empty one is removed (results then exactly as without it). */
function withAutonomous(scenario: Scenario, autonomous: NonNullable<Scenario['autonomous']>): Scenario {
  const next = { ...scenario };
  if (Object.keys(autonomous).length === 0) delete next.autonomous;
  else next.autonomous = autonomous;
  return next;
}

export function setAutonomousPct(
  scenario: Scenario,
  field: AutonomousPctField,
  year: number,
  value: number | undefined,
): Scenario {
  const current = scenario.autonomous ?? {};
  return withAutonomous(scenario, withOptional(current, field, setYearValue(current[field], year, value)));
}

export function setAutonomousWeight(scenario: Scenario, value: number | undefined): Scenario {
  return withAutonomous(scenario, withOptional(scenario.autonomous ?? {}, 'wageWeightPct', value));
}

export function setAutonomousSource(scenario: Scenario, source: string): Scenario {
  return withAutonomous(
    scenario,
    withOptional(scenario.autonomous ?? {}, 'source', source.trim() === '' ? undefined : source),
  );
}

/** The prognosis of youth 0–17 of one gemeente in one year; undefined removes it (the last known figure holds). */
export function setYouthPrognosis(
  scenario: Scenario,
  gemeenteId: string,
  year: number,
  value: number | undefined,
): Scenario {
  const current = scenario.autonomous ?? {};
  const youth = { ...(current.youth0to17 ?? {}) };
  const series = setYearValue(youth[gemeenteId], year, value);
  if (series) youth[gemeenteId] = series;
  else delete youth[gemeenteId];
  return withAutonomous(
    scenario,
    withOptional(current, 'youth0to17', Object.keys(youth).length > 0 ? youth : undefined),
  );
}
