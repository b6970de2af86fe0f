import { checkYearKeys, modelSchema, type Model } from './model';
import { migrateModel } from './migrate';
import { VOLUME_ASSUMPTION_FIELDS, scenarioSchema, type Scenario } from './scenario';
import { makeIssue, zodErrorToIssues, type ParseResult, type ValidationIssue } from './issues';
import { fmt } from './common';
import { checkAnalysisExtensions } from './analysisChecks';
import { checkPolicies } from './policyChecks';
import { yearPath } from '../engine/paths';
import { modelYears } from '../years';

/**
 * Parses and checks a model file. Nothing is returned unless everything is valid.
 * A model@1 is migrated to model@2 first (migrateModel), so the value is always @2.
 */
export function parseModel(input: unknown): ParseResult<Model> {
  const parsed = modelSchema.safeParse(migrateModel(input), { reportInput: true });
  if (!parsed.success) return { ok: false, issues: zodErrorToIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** Parses a scenario file and checks it against the model it applies to. */
export function parseScenario(input: unknown, model: Model): ParseResult<Scenario> {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: zodErrorToIssues(parsed.error) };
  const issues = checkScenarioAgainstModel(parsed.data, model);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** The checks that need the model: known segments, years in range, durations ≥ 1 month, shares ≤ 100%. */
export function checkScenarioAgainstModel(scenario: Scenario, model: Model): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push(makeIssue(path, message));
  const segments = new Map(model.segments.map((s) => [s.id, s]));
  const years = modelYears(model);

  for (const [segmentId, a] of Object.entries(scenario.assumptions)) {
    const seg = segments.get(segmentId);
    const base = ['assumptions', segmentId];
    if (!seg) {
      add(base, `${fmt(segmentId)} is geen segment van model "${model.name}"`);
      continue;
    }
    for (const field of [...VOLUME_ASSUMPTION_FIELDS, 'amountChangePct'] as const) {
      const map = a[field];
      if (!map) continue;
      const wrongKind = field === 'amountChangePct' ? seg.kind !== 'budget' : seg.kind !== 'volume';
      if (wrongKind) {
        add([...base, field], `geldt niet voor een ${seg.kind === 'volume' ? 'volumesegment' : 'budgetregel'}`);
        continue;
      }
      checkYearKeys(map, [...base, field], model.baseYear, model.endYear, add);
    }
    if (seg.kind === 'volume' && a.durationChangePct) {
      const path = yearPath(seg.avgDurationMonths, a.durationChangePct, years);
      const k = path.findIndex((d) => d < 1);
      if (k >= 0) {
        const year = years[k]!;
        add(
          [...base, 'durationChangePct', String(year)],
          `maakt de trajectduur in ${year} ${path[k]!.toFixed(2).replace('.', ',')} maand: kleiner dan 1 maand`,
        );
      }
    }
  }

  const outShare = new Map<string, number[]>();
  scenario.substitutions.forEach((rule, i) => {
    const base = ['substitutions', i];
    for (const end of ['from', 'to'] as const) {
      const seg = segments.get(rule[end]);
      if (!seg) add([...base, end], `${JSON.stringify(rule[end])} is geen segment van model "${model.name}"`);
      else if (seg.kind !== 'volume')
        add(
          [...base, end],
          `${JSON.stringify(rule[end])} is een budgetregel; substitutie kan alleen tussen volumesegmenten`,
        );
    }
    if (rule.from === rule.to) add([...base, 'to'], `${JSON.stringify(rule.to)} is hetzelfde segment als from`);
    checkYearKeys(rule.sharePct, [...base, 'sharePct'], model.baseYear, model.endYear, add);
    const totals = outShare.get(rule.from) ?? years.map(() => 0);
    years.forEach((y, k) => {
      totals[k] = totals[k]! + (rule.sharePct[String(y)] ?? 0);
    });
    outShare.set(rule.from, totals);
  });
  for (const [from, totals] of outShare) {
    totals.forEach((t, k) => {
      if (t > 100 + 1e-9) {
        const idx = scenario.substitutions.findIndex((r) => r.from === from && (r.sharePct[String(years[k])] ?? 0) > 0);
        add(
          ['substitutions', idx, 'sharePct', String(years[k])],
          `in ${years[k]} wordt ${t}% van de instroom van ${JSON.stringify(from)} verschoven: meer dan 100%`,
        );
      }
    });
  }

  const auto = scenario.autonomous;
  if (auto) {
    for (const field of ['usageChangePct', 'severityChangePct', 'wageIndexPct', 'materialIndexPct'] as const) {
      checkYearKeys(auto[field], ['autonomous', field], model.baseYear, model.endYear, add);
    }
    const gemeenten = new Set(model.gemeenten.map((g) => g.id));
    for (const [id, series] of Object.entries(auto.youth0to17 ?? {})) {
      if (!gemeenten.has(id))
        add(['autonomous', 'youth0to17', id], `${fmt(id)} is geen gemeente van model "${model.name}"`);
      else checkYearKeys(series, ['autonomous', 'youth0to17', id], model.baseYear, model.endYear, add);
    }
  }

  const known = new Set((model.knownChanges ?? []).map((c) => c.id));
  for (const id of Object.keys(scenario.knownChanges ?? {})) {
    if (!known.has(id))
      add(
        ['knownChanges', id],
        `${fmt(id)} is geen bekende ontwikkeling van model "${model.name}"${known.size > 0 ? ` (wel: ${[...known].join(', ')})` : ' (het model heeft er geen)'}`,
      );
  }

  checkYearKeys(scenario.funding.indexPct, ['funding', 'indexPct'], model.baseYear, model.endYear, add);
  checkYearKeys(scenario.funding.adjustments, ['funding', 'adjustments'], model.baseYear, model.endYear, add);
  issues.push(...checkAnalysisExtensions(scenario, model));
  issues.push(...checkPolicies(scenario, model));
  return issues;
}
